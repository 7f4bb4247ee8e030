package org.candor.portal.intake;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.candor.portal.platform.persistence.CandorDataSourceDefinition;
import org.candor.portal.platform.secrets.ServerSecrets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Proof of work asked of a browser that seals its report while the intake is under pressure
 * (docs/design.md property 12): instead of refusing, the portal asks for a few seconds of hashing, which
 * a genuine sender pays once and a flood pays per request. Nothing about the sender is kept.
 *
 * <p>A challenge is {@code channel id | issued second | nonce | bits | HMAC-SHA-256} under a key
 * derived from the server's secret, so the server keeps no state to issue one. A proof is
 * {@code challenge "." counter}: it holds when SHA-256 of the challenge text, a dot and the
 * counter (decimal) begins with {@code bits} zero bits. Checking costs one HMAC and one SHA-256.
 * Each challenge is accepted once: its nonce is remembered until the challenge expires, and at
 * most {@link #MAX_REMEMBERED} are remembered (beyond that, proofs are refused until some expire).
 * Instances of one installation share the secret, so a challenge from one is accepted by
 * another; a used nonce is therefore also recorded in the database, in the table of used form
 * tokens ({@code used_form_token}, {@link FormTokens}: both nonces are 16 random bytes, so they
 * never collide), so that a proof is spent once across every instance and across restarts
 * (docs/protocol.md, "Anti-abuse"). The record is one insert into the primary key, kept until
 * the hour after the challenge expires; a conflict means the proof was used. If the database does
 * not answer, the proof is accepted on this instance's memory alone: no report could be stored
 * then anyway.
 */
@ApplicationScoped
public class WorkProofs {

    /** How long a challenge may be worked on and used. */
    static final Duration LIFETIME = Duration.ofMinutes(5);
    /** Used challenges remembered at most (their nonces, 16 bytes each). */
    static final int MAX_REMEMBERED = 200_000;
    private static final int BODY_BYTES = 16 + 8 + 16 + 1;
    private static final int MAC_BYTES = 32;
    private static final int MAX_PROOF_CHARS = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ServerSecrets secrets;

    /** Where used nonces are recorded for every instance; without one (tests), memory only. */
    @Resource(lookup = CandorDataSourceDefinition.OUTSIDE_TRANSACTIONS)
    DataSource database;

    private static final Logger LOG = Logger.getLogger(WorkProofs.class.getName());
    /** SQLSTATE of a unique constraint violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * Leading zero bits asked for: 16 is about 65,000 hashes, a few seconds of WebCrypto in a
     * worker (figures in docs/benchmarks.md, "Floods").
     */
    @Inject
    @ConfigProperty(name = "candor.intake.work-bits", defaultValue = "16")
    int bits;

    Clock clock = Clock.systemUTC();

    private byte[] key;
    private final Map<String, Long> used = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        // The intake's anti-abuse key file, narrowed to proofs of work.
        key = ServerSecrets.derive(secrets.key(ServerSecrets.Purpose.FORM_TOKEN), "intake-work-proof", 32);
    }

    /** The number of leading zero bits a proof must show. */
    public int bits() {
        return bits;
    }

    /** A fresh challenge for a channel. */
    public String challenge(UUID channelId) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        ByteBuffer body = ByteBuffer.allocate(BODY_BYTES);
        body.putLong(channelId.getMostSignificantBits()).putLong(channelId.getLeastSignificantBits());
        body.putLong(clock.instant().getEpochSecond());
        body.put(nonce);
        body.put((byte) bits);
        byte[] signed = ByteBuffer.allocate(BODY_BYTES + MAC_BYTES).put(body.array()).put(mac(body.array())).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
    }

    /** Whether a proof is valid for this channel and unused; a valid proof is used up. */
    public boolean redeem(String proof, UUID channelId) {
        if (proof == null || proof.length() > MAX_PROOF_CHARS) {
            return false;
        }
        int dot = proof.lastIndexOf('.');
        if (dot < 0 || dot == proof.length() - 1 || !proof.substring(dot + 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        String challenge = proof.substring(0, dot);
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(challenge);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        if (raw.length != BODY_BYTES + MAC_BYTES) {
            return false;
        }
        byte[] body = Arrays.copyOf(raw, BODY_BYTES);
        if (!MessageDigest.isEqual(mac(body), Arrays.copyOfRange(raw, BODY_BYTES, raw.length))) {
            return false;
        }
        ByteBuffer fields = ByteBuffer.wrap(body);
        UUID channel = new UUID(fields.getLong(), fields.getLong());
        long issued = fields.getLong();
        int asked = body[BODY_BYTES - 1];
        long now = clock.instant().getEpochSecond();
        if (!channel.equals(channelId) || now - issued > LIFETIME.toSeconds() || issued > now + 60
                || asked < bits || !leadingZeroBits(sha256(proof), asked)) {
            return false;
        }
        if (used.size() >= MAX_REMEMBERED) {
            used.values().removeIf(expiry -> expiry < now);
            if (used.size() >= MAX_REMEMBERED) {
                return false;
            }
        }
        String nonce = Base64.getEncoder().encodeToString(Arrays.copyOfRange(body, 24, 40));
        long expires = issued + LIFETIME.toSeconds();
        return used.putIfAbsent(nonce, expires) == null && recordUse(nonce, FormTokens.keptUntil(expires));
    }

    /** Records a used nonce for every instance; false when some instance recorded it before. */
    private boolean recordUse(String nonce, long forgetAfter) {
        if (database == null) {
            return true;
        }
        try (Connection c = database.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into used_form_token (nonce, forget_after) values (?, ?)")) {
            insert.setString(1, nonce);
            insert.setLong(2, forgetAfter);
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            LOG.warning(() -> "a used proof of work could not be recorded (SQLSTATE " + e.getSQLState()
                    + "); it is remembered on this instance only");
            return true;
        }
    }

    /** Whether {@code hash} begins with {@code bits} zero bits. */
    static boolean leadingZeroBits(byte[] hash, int bits) {
        for (int i = 0; i < bits; i++) {
            if ((hash[i / 8] & (0x80 >>> (i % 8))) != 0) {
                return false;
            }
        }
        return true;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
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
