package org.candor.portal.intake;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.candor.portal.platform.budget.SharedBudgets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Says when the intake is under pressure, in all and per channel, without knowing anything about
 * who sends reports (no address, no cookie): token buckets that refill steadily. Only a report
 * with a valid form token is counted, and a channel's report spends the shared budget only while
 * the channel's own budget lasts, so a flood on one channel does not spend the others' share
 * (docs/design.md property 12). Over budget, nobody is refused: {@link IntakeGate} asks for a longer
 * wait or a proof of work instead.
 *
 * <p>On PostgreSQL the budgets are counted in the database ({@link SharedBudgets}), so that
 * instances sharing it agree on when the intake is under pressure: a flood spread over several
 * instances spends the same budget as one aimed at one instance. If the database does not
 * answer, each instance counts for itself meanwhile (never refusing anyone for it). On H2, with
 * one instance, the buckets are kept in memory.
 */
@ApplicationScoped
public class IntakeThrottle {

    @Inject
    @ConfigProperty(name = "candor.intake.per-minute", defaultValue = "120")
    int globalPerMinute;

    @Inject
    @ConfigProperty(name = "candor.intake.per-channel-per-minute", defaultValue = "60")
    int channelPerMinute;

    @Inject
    SharedBudgets shared;

    private static final Logger LOG = Logger.getLogger(IntakeThrottle.class.getName());
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final String GLOBAL = "intake";

    private TokenBucket global;
    private final Map<UUID, TokenBucket> channels = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        global = new TokenBucket(globalPerMinute);
    }

    /** Whether a report for this channel now would find either budget spent. Takes nothing. */
    public boolean underPressure(UUID channelId) {
        if (shared != null && shared.shared()) {
            try {
                return shared.anySpent(List.of(bucket(channelId), GLOBAL), List.of(channelPerMinute, globalPerMinute), MINUTE);
            } catch (SharedBudgets.Unavailable e) {
                LOG.warning(e::getMessage);
            }
        }
        return channel(channelId).isEmpty() || global.isEmpty();
    }

    /**
     * Counts one report that passed its cheap checks: from the channel's budget, and from the
     * shared one only when the channel's had a token left. Never refuses.
     */
    public void charge(UUID channelId) {
        if (shared != null && shared.shared()) {
            try {
                if (shared.tryTake(bucket(channelId), channelPerMinute, MINUTE)) {
                    shared.tryTake(GLOBAL, globalPerMinute, MINUTE);
                }
                return;
            } catch (SharedBudgets.Unavailable e) {
                LOG.warning(e::getMessage);
            }
        }
        if (channel(channelId).tryTake()) {
            global.tryTake();
        }
    }

    private static String bucket(UUID channelId) {
        return GLOBAL + "/" + channelId;
    }

    private TokenBucket channel(UUID channelId) {
        return channels.computeIfAbsent(channelId, id -> new TokenBucket(channelPerMinute));
    }

    /** A bucket of {@code perMinute} tokens, refilled continuously. */
    static final class TokenBucket {
        private final double capacity;
        private final double perNano;
        private double tokens;
        private long last = System.nanoTime();

        TokenBucket(int perMinute) {
            this.capacity = Math.max(1, perMinute);
            this.perNano = capacity / 60e9;
            this.tokens = capacity;
        }

        synchronized boolean isEmpty() {
            refill();
            return tokens < 1;
        }

        synchronized boolean tryTake() {
            refill();
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }

        private void refill() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
        }
    }
}
