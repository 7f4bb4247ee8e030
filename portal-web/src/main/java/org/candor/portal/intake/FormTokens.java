package org.candor.portal.intake;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.candor.portal.platform.persistence.CandorDataSourceDefinition;
import org.candor.portal.platform.secrets.ServerSecrets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token in each report form: proof, without JavaScript and without tracking anyone, that the
 * form came from this portal, for this channel, and was filled in by someone who took at least
 * a few seconds (bots that post at once are refused), and that it is sent only once (a reload
 * of the answer page does not make a second case).
 *
 * <p>A token is {@code channel id | issued second | nonce | HMAC-SHA-256} under a key derived
 * from the server's secret; it names no person (docs/protocol.md, "Anti-abuse").
 *
 * <p>A used nonce is recorded in the database, in the transaction that creates the case
 * ({@link #recordUse}), so that a replayed form is refused after a restart and on every instance
 * sharing the database, and a crash cannot burn a token without a case nor make a case without
 * burning it (docs/design.md properties 10 and 11). The record is one insert into a primary key; a
 * conflict means the token was used. Each instance also remembers the nonces it accepted, so a
 * replay reaching it is refused before its body is read; a submission that fails before its
 * case is stored lets go of its nonce ({@link #release}), so the same form can be sent again.
 * Records are deleted once their token would have expired anyway, at most once a minute.
 */
@ApplicationScoped
public class FormTokens {

    /** How long a form may stay open. */
    static final Duration LIFETIME = Duration.ofHours(12);
    private static final int MAC_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Logger LOG = Logger.getLogger(FormTokens.class.getName());
    /** SQLSTATE of a unique constraint violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    ServerSecrets secrets;

    @Resource(lookup = CandorDataSourceDefinition.JNDI_NAME)
    DataSource database;

    @Inject
    @ConfigProperty(name = "candor.intake.min-fill-seconds", defaultValue = "3")
    int minFillSeconds;

    Clock clock = Clock.systemUTC();

    private byte[] key;
    private final Map<String, Long> used = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong();
    private final AtomicLong nextPurge = new AtomicLong();

    /** Why a token was not accepted. */
    public enum Verdict { ACCEPTED, TOO_QUICK, EXPIRED_OR_FOREIGN, ALREADY_USED }

    /**
     * The outcome of {@link #redeem}: when accepted, the nonce to {@linkplain #recordUse record}
     * with the case, and the second after which its record may be forgotten (rounded up to the hour).
     */
    public record Redemption(Verdict verdict, String nonce, long forgetAfter) {
        static Redemption refused(Verdict verdict) {
            return new Redemption(verdict, "", 0);
        }

        public boolean accepted() {
            return verdict == Verdict.ACCEPTED;
        }
    }

    /** The database already holds the token's nonce: the form was sent before. */
    public static final class AlreadyUsed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyUsed() {
            super("form token already used", null, false, false);
        }
    }

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

    /**
     * Checks a token and, when accepted, reserves it on this instance; the caller then records it
     * with the case ({@link #recordUse}) or lets go of it ({@link #release}).
     */
    public Redemption redeem(String token, UUID channelId) {
        return redeem(token, channelId, minFillSeconds);
    }

    /** As {@link #redeem(String, UUID)}, for a form that must have been open at least {@code minAgeSeconds}. */
    public Redemption redeem(String token, UUID channelId, int minAgeSeconds) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token == null ? "" : token.strip());
        } catch (IllegalArgumentException malformed) {
            return Redemption.refused(Verdict.EXPIRED_OR_FOREIGN);
        }
        if (raw.length != 40 + MAC_BYTES) {
            return Redemption.refused(Verdict.EXPIRED_OR_FOREIGN);
        }
        byte[] body = java.util.Arrays.copyOf(raw, 40);
        byte[] givenMac = java.util.Arrays.copyOfRange(raw, 40, raw.length);
        if (!MessageDigest.isEqual(mac(body), givenMac)) {
            return Redemption.refused(Verdict.EXPIRED_OR_FOREIGN);
        }
        ByteBuffer fields = ByteBuffer.wrap(body);
        UUID channel = new UUID(fields.getLong(), fields.getLong());
        long issued = fields.getLong();
        long now = clock.instant().getEpochSecond();
        if (!channel.equals(channelId) || now - issued > LIFETIME.toSeconds() || issued > now + 60) {
            return Redemption.refused(Verdict.EXPIRED_OR_FOREIGN);
        }
        if (now - issued < Math.max(minFillSeconds, minAgeSeconds)) {
            return Redemption.refused(Verdict.TOO_QUICK);
        }
        forgetExpired(now);
        purgeExpired(now);
        String nonce = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(body, 24, 40));
        long expires = issued + LIFETIME.toSeconds();
        long forgetAfter = keptUntil(expires);
        return used.putIfAbsent(nonce, expires) == null
                ? new Redemption(Verdict.ACCEPTED, nonce, forgetAfter)
                : Redemption.refused(Verdict.ALREADY_USED);
    }

    /**
     * Until when a used nonce is kept, in epoch seconds: the hour after its token or challenge
     * expires, rounded up, so that the row tells nothing finer than the hour (shared with
     * {@link WorkProofs}, whose proofs go into the same table).
     */
    static long keptUntil(long expiresEpochSecond) {
        return Math.ceilDiv(expiresEpochSecond, 3600L) * 3600L;
    }

    /**
     * Records an accepted token as used, in the caller's transaction (the one that creates the
     * case): one insert into the primary key.
     *
     * @throws AlreadyUsed when the database holds the nonce already (sent before, here or on
     *     another instance, maybe before a restart); the transaction must then be rolled back
     */
    public void recordUse(Redemption redemption) {
        if (!redemption.accepted()) {
            throw new IllegalArgumentException("only an accepted token is recorded");
        }
        try (Connection c = database.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into used_form_token (nonce, forget_after) values (?, ?)")) {
            insert.setString(1, redemption.nonce());
            insert.setLong(2, redemption.forgetAfter());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new AlreadyUsed();
            }
            throw new IllegalStateException("the form token could not be recorded (SQLSTATE " + e.getSQLState() + ")");
        }
    }

    /** Lets go of a token whose submission failed before its case was stored, so that it can be sent again. */
    public void release(Redemption redemption) {
        if (redemption != null && redemption.accepted()) {
            used.remove(redemption.nonce());
        }
    }

    /**
     * Holds an accepted token while its submission is read: closing lets go of it ({@link #release})
     * unless {@link Held#stored} said that its case was stored.
     */
    public Held hold(Redemption redemption) {
        return new Held(redemption);
    }

    /** A token held for one submission; see {@link #hold}. */
    public final class Held implements AutoCloseable {
        private final Redemption redemption;
        private boolean stored;

        private Held(Redemption redemption) {
            this.redemption = redemption;
        }

        /** The submission's case was stored: the token stays used. */
        public void stored() {
            stored = true;
        }

        @Override
        public void close() {
            if (!stored) {
                release(redemption);
            }
        }
    }

    /** Deletes the records of tokens that have expired, at most once a minute; a failure waits for the next turn. */
    private void purgeExpired(long now) {
        long due = nextPurge.get();
        if (database == null || now < due || !nextPurge.compareAndSet(due, now + 60)) {
            return;
        }
        try (Connection c = database.getConnection(); PreparedStatement delete = c.prepareStatement(
                "delete from used_form_token where forget_after < ?")) {
            delete.setLong(1, now);
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.warning(() -> "expired form tokens could not be deleted now (SQLSTATE " + e.getSQLState() + ")");
        }
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
