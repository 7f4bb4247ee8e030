package org.candor.portal.intake;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.candor.portal.platform.secrets.ServerSecrets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token in each report form: proof, without JavaScript and without tracking anyone, that the
 * form came from this portal, for this channel, and was filled in by someone who took at least
 * a few seconds (bots that post at once are refused), and that it is sent only once (a reload
 * of the answer page does not make a second case).
 *
 * <p>A token is {@code channel id | issued second | nonce | HMAC-SHA-256} under a key derived
 * from the server's secret; it names no person. Used nonces are remembered in memory until
 * their token would have expired anyway (docs/protocol.md, "Anti-abuse").
 */
@ApplicationScoped
public class FormTokens {

    /** How long a form may stay open. */
    static final Duration LIFETIME = Duration.ofHours(12);
    private static final int MAC_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ServerSecrets secrets;

    @Inject
    @ConfigProperty(name = "candor.intake.min-fill-seconds", defaultValue = "3")
    int minFillSeconds;

    Clock clock = Clock.systemUTC();

    private byte[] key;
    private final Map<String, Long> used = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong();

    /** Why a token was not accepted. */
    public enum Verdict { ACCEPTED, TOO_QUICK, EXPIRED_OR_FOREIGN, ALREADY_USED }

    @PostConstruct
    void start() {
        key = secrets.key(ServerSecrets.Purpose.FORM_TOKEN);
    }

    /** A fresh token for a form of a channel. */
    public String issue(UUID channelId) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        ByteBuffer body = ByteBuffer.allocate(16 + 8 + 16);
        body.putLong(channelId.getMostSignificantBits()).putLong(channelId.getLeastSignificantBits());
        body.putLong(clock.instant().getEpochSecond());
        body.put(nonce);
        byte[] signed = ByteBuffer.allocate(body.capacity() + MAC_BYTES).put(body.array()).put(mac(body.array())).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
    }

    /** Checks a token and, when accepted, uses it up. */
    public Verdict redeem(String token, UUID channelId) {
        return redeem(token, channelId, minFillSeconds);
    }

    /** Checks a token that must be at least {@code minAgeSeconds} old and, when accepted, uses it up. */
    public Verdict redeem(String token, UUID channelId, int minAgeSeconds) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token == null ? "" : token.strip());
        } catch (IllegalArgumentException malformed) {
            return Verdict.EXPIRED_OR_FOREIGN;
        }
        if (raw.length != 40 + MAC_BYTES) {
            return Verdict.EXPIRED_OR_FOREIGN;
        }
        byte[] body = java.util.Arrays.copyOf(raw, 40);
        byte[] givenMac = java.util.Arrays.copyOfRange(raw, 40, raw.length);
        if (!MessageDigest.isEqual(mac(body), givenMac)) {
            return Verdict.EXPIRED_OR_FOREIGN;
        }
        ByteBuffer fields = ByteBuffer.wrap(body);
        UUID channel = new UUID(fields.getLong(), fields.getLong());
        long issued = fields.getLong();
        long now = clock.instant().getEpochSecond();
        if (!channel.equals(channelId) || now - issued > LIFETIME.toSeconds() || issued > now + 60) {
            return Verdict.EXPIRED_OR_FOREIGN;
        }
        if (now - issued < Math.max(minFillSeconds, minAgeSeconds)) {
            return Verdict.TOO_QUICK;
        }
        forgetExpired(now);
        String nonce = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(body, 24, 40));
        return used.putIfAbsent(nonce, issued + LIFETIME.toSeconds()) == null ? Verdict.ACCEPTED : Verdict.ALREADY_USED;
    }

    /**
     * Drops used tokens that have expired, at most once a minute: a sweep walks the whole set, and
     * with more than a thousand tokens in their lifetime (12 hours) a sweep on every submission
     * was 8 % of the intake's CPU under load.
     */
    private void forgetExpired(long now) {
        long due = nextSweep.get();
        if (used.size() > 1000 && now >= due && nextSweep.compareAndSet(due, now + 60)) {
            used.values().removeIf(expiry -> expiry < now);
        }
    }

    /** How many used tokens are remembered now (expired ones until the next sweep). */
    int remembered() {
        return used.size();
    }

    private byte[] mac(byte[] body) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return hmac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java platform", e);
        }
    }
}
