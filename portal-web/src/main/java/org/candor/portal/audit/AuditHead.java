package org.candor.portal.audit;

import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The end of the chain: the last entry's sequence number and hash. Oversight writes it down now
 * and then; checking the log against a noted head later shows whether entries at the end were
 * removed, which the chain alone cannot show.
 *
 * @param seq  the last entry's sequence number, 0 for an empty log
 * @param hash its hash, 64 lower-case hex digits (64 zeros for an empty log)
 */
public record AuditHead(long seq, String hash) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public AuditHead {
        if (seq < 0) {
            throw new IllegalArgumentException("a sequence number is 0 or more");
        }
        hash = hash == null ? "" : hash.strip().toLowerCase(Locale.ROOT);
        if (!HEX.matcher(hash).matches()) {
            throw new IllegalArgumentException("a hash has 64 hexadecimal digits");
        }
    }

    /** The head of an empty log. */
    public static AuditHead empty() {
        return new AuditHead(0, HexFormat.of().formatHex(AuditChain.genesis()));
    }

    /** Reads a head written as {@code SEQ:HASH}, as {@link #toString()} writes it. */
    public static AuditHead parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("a head is written as SEQ:HASH");
        }
        try {
            return new AuditHead(Long.parseLong(text.substring(0, colon).strip()), text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a head is written as SEQ:HASH", e);
        }
    }

    @Override
    public String toString() {
        return seq + ":" + hash;
    }
}
