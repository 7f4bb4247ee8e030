package org.candor.portal.audit;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A signed head of the audit chain as the public transparency page publishes it (docs/design.md
 * property 8: the log's anchor lies outside the portal): the last entry's sequence number, hash
 * and time, the id of the key that signed it, and that key's Ed25519 signature over the hash, the
 * same signature the entry carries in the log. Anyone can save it; an auditor later hands the
 * saved files to {@code ./candor audit-verify --published-head}, which names the first one the
 * log then contradicts. Format {@code candor-audit-head-v1}, one field per line (docs/protocol.md,
 * "Published heads"); lines before the first field and unknown fields are ignored, so a head
 * copied with some text around it still reads.
 *
 * @param seq       the last entry's sequence number (1 or more)
 * @param hash      its hash, 64 lower-case hex digits
 * @param time      when it was recorded
 * @param keyId     the id of the key that signed it ({@link AuditKeys#keyId})
 * @param signature the Ed25519 signature over the 32 bytes of the hash, 128 hex digits
 */
public record PublishedHead(long seq, String hash, Instant time, String keyId, String signature) {

    /** The first line of a published head. */
    public static final String FORMAT = "candor-audit-head-v1";

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern HEX128 = Pattern.compile("[0-9a-f]{128}");

    public PublishedHead {
        if (seq < 1) {
            throw new IllegalArgumentException("a published head names an entry, 1 or more");
        }
        hash = lower(hash);
        keyId = lower(keyId);
        signature = lower(signature);
        if (!HEX64.matcher(hash).matches()) {
            throw new IllegalArgumentException("the hash of a published head has 64 hexadecimal digits");
        }
        if (!HEX32.matcher(keyId).matches()) {
            throw new IllegalArgumentException("the key of a published head is a key id of 32 hexadecimal digits");
        }
        if (!HEX128.matcher(signature).matches()) {
            throw new IllegalArgumentException("the signature of a published head has 128 hexadecimal digits");
        }
        if (time == null) {
            throw new IllegalArgumentException("a published head has a time");
        }
    }

    /** The head of a stored entry, with the entry's own signature. */
    public static PublishedHead of(ChainEntry entry) {
        HexFormat hex = HexFormat.of();
        return new PublishedHead(entry.seq(), entry.entryHashHex(), entry.recordedAt(), entry.keyId(),
                hex.formatHex(entry.signature()));
    }

    /** The head as a chain position, to compare with the log. */
    public AuditHead head() {
        return new AuditHead(seq, hash);
    }

    /** Whether {@code key} made the signature over the hash. */
    public boolean signedBy(PublicKey key) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(HexFormat.of().parseHex(hash));
            return ed25519.verify(HexFormat.of().parseHex(signature));
        } catch (GeneralSecurityException | IllegalArgumentException invalid) {
            return false;
        }
    }

    /** The text to publish and save: {@link #FORMAT} and one {@code name: value} line per field. */
    public String toText() {
        return FORMAT + "\n"
                + "seq: " + seq + "\n"
                + "hash: " + hash + "\n"
                + "time: " + time + "\n"
                + "key: " + keyId + "\n"
                + "signature: " + signature + "\n";
    }

    /** Reads a head written by {@link #toText}; says which field is missing or malformed. */
    public static PublishedHead parse(String text) {
        int start = text == null ? -1 : text.indexOf(FORMAT);
        if (start < 0) {
            throw new IllegalArgumentException("not a published audit head (no line " + FORMAT + ")");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.substring(start + FORMAT.length()).split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        try {
            return new PublishedHead(Long.parseLong(field(fields, "seq")), field(fields, "hash"),
                    Instant.parse(field(fields, "time")), field(fields, "key"), field(fields, "signature"));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("a published audit head has a malformed seq or time", e);
        }
    }

    private static String field(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("a published audit head has no " + name + " line");
        }
        return value;
    }

    private static String lower(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "PublishedHead[" + seq + ":" + hash + "]";
    }
}
