package org.candor.portal.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The audit chain's rules: how an entry is encoded, hashed and linked to the one before it.
 * {@code docs/protocol.md} ("Audit log") states the same rules for auditors who re-implement
 * them; change neither without the other, and never change version 1.
 *
 * <p>The encoding is a sequence of fields, each unambiguous on its own: integers have a fixed
 * width, text and bytes are prefixed by their length. So no two different entries encode to the
 * same bytes, whatever their texts contain.
 */
public final class AuditChain {

    /** The first field of every encoding: names the format, so a later one can never be confused with it. */
    public static final String FORMAT = "candor-audit-v1";
    /** Length of a hash in bytes. */
    public static final int HASH_BYTES = 32;

    private AuditChain() {
    }

    /** The previous hash of the first entry: 32 zero bytes. */
    public static byte[] genesis() {
        return new byte[HASH_BYTES];
    }

    /** An event's time as recorded: UTC, cut to the microsecond (what both databases keep). */
    public static Instant recordedTime(Instant now) {
        return now.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Makes the entry that follows a chain whose last hash is {@code prevHash}: encodes, hashes
     * and signs it.
     */
    public static ChainEntry next(long seq, Instant now, AuditEvent event, byte[] prevHash, AuditSigningKey key) {
        if (seq < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1");
        }
        if (prevHash.length != HASH_BYTES) {
            throw new IllegalArgumentException("a previous hash has 32 bytes");
        }
        Instant at = recordedTime(now);
        Actor actor = event.actor();
        String actorId = actor.id().map(Object::toString).orElse(null);
        String actorName = actor.name().orElse(null);
        String subjectKind = event.subject().map(Subject::kind).orElse(null);
        String subjectId = event.subject().map(Subject::id).orElse(null);
        String details = details(event.details());
        byte[] hash = hash(seq, at, actor.kind().code(), actorId, actorName, event.action().name(),
                subjectKind, subjectId, details, key.keyId(), prevHash);
        return new ChainEntry(seq, at, actor.kind().code(), actorId, actorName, event.action().name(),
                subjectKind, subjectId, details, key.keyId(), prevHash, hash, key.sign(hash));
    }

    /** The hash an entry should carry, computed from its fields. */
    public static byte[] hash(ChainEntry e) {
        return hash(e.seq(), e.recordedAt(), e.actorKind(), e.actorId(), e.actorName(), e.action(),
                e.subjectKind(), e.subjectId(), e.details(), e.keyId(), e.prevHash());
    }

    private static byte[] hash(long seq, Instant at, String actorKind, String actorId, String actorName, String action,
            String subjectKind, String subjectId, String details, String keyId, byte[] prevHash) {
        return sha256(encode(seq, at, actorKind, actorId, actorName, action, subjectKind, subjectId, details, keyId,
                prevHash));
    }

    /**
     * The canonical encoding: {@link #FORMAT}, seq (8 bytes, big-endian), the time in microseconds
     * since 1970-01-01T00:00:00Z (8 bytes, big-endian, signed), then actor kind, actor id, actor
     * name, action, subject kind, subject id, details, key id (each as UTF-8 text) and the previous
     * hash (32 bytes). Text and bytes are each preceded by their length in bytes (4 bytes,
     * big-endian); an absent text is the empty text.
     */
    public static byte[] encode(long seq, Instant at, String actorKind, String actorId, String actorName,
            String action, String subjectKind, String subjectId, String details, String keyId, byte[] prevHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        text(out, FORMAT);
        out.writeBytes(ByteBuffer.allocate(16).putLong(seq).putLong(micros(at)).array());
        text(out, actorKind);
        text(out, actorId);
        text(out, actorName);
        text(out, action);
        text(out, subjectKind);
        text(out, subjectId);
        text(out, details);
        text(out, keyId);
        bytes(out, prevHash);
        return out.toByteArray();
    }

    /**
     * The canonical text of details: one {@code key=value} line per detail, sorted by key, joined
     * by a line feed, without a final line feed; the empty text when there are none. Keys never
     * contain '=' and values never contain a line break, so the text reads back unambiguously.
     */
    public static String details(Map<String, String> details) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> detail : new TreeMap<>(details).entrySet()) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(detail.getKey()).append('=').append(detail.getValue());
        }
        return text.toString();
    }

    /** Reads canonical details text back into its keys and values. */
    public static SortedMap<String, String> parseDetails(String text) {
        SortedMap<String, String> details = new TreeMap<>();
        if (text == null || text.isEmpty()) {
            return details;
        }
        for (String line : text.split("\n", -1)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                details.put(line.substring(0, eq), line.substring(eq + 1));
            } else {
                details.put(line, "");
            }
        }
        return details;
    }

    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    private static void text(ByteArrayOutputStream out, String text) {
        bytes(out, text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
