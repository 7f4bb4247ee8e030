package org.candor.portal.intake;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits how many reports the intake accepts per minute, in all and per channel, without
 * knowing anything about who sends them (no address, no cookie): token buckets that refill
 * steadily. Over the limit, a person is asked to try again in a few minutes; nothing is stored.
 * Each instance counts for itself.
 */
@ApplicationScoped
public class IntakeThrottle {

    @Inject
    @ConfigProperty(name = "candor.intake.per-minute", defaultValue = "120")
    int globalPerMinute;

    @Inject
    @ConfigProperty(name = "candor.intake.per-channel-per-minute", defaultValue = "60")
    int channelPerMinute;

    private TokenBucket global;
    private final Map<UUID, TokenBucket> channels = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        global = new TokenBucket(globalPerMinute);
    }

    /** Takes one submission from the budgets; false when either is spent. */
    public boolean tryAcquire(UUID channelId) {
        TokenBucket channel = channels.computeIfAbsent(channelId, id -> new TokenBucket(channelPerMinute));
        return global.tryTake() && channel.tryTake();
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

        synchronized boolean tryTake() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
