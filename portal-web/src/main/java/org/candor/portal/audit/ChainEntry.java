package org.candor.portal.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One audit entry exactly as stored: the recorded fields, the link to the entry before it, its
 * hash and the portal's signature. Absent optional fields are {@code null}; they are hashed as
 * empty text (see {@link AuditChain#encode}).
 *
 * @param seq         position in the chain, from 1 without gaps
 * @param recordedAt  when, in UTC, to the microsecond
 * @param actorKind   {@code staff}, {@code system} or {@code anonymous}
 * @param actorId     the staff account id, or {@code null}
 * @param actorName   the staff sign-in name, or {@code null}
 * @param action      an {@link AuditAction} name (kept as text so that the verifier checks entries
 *                    of actions it does not know)
 * @param subjectKind what the entry is about, or {@code null}
 * @param subjectId   its opaque id, or {@code null}
 * @param details     the canonical details text ({@link AuditChain#details})
 * @param keyId       the id of the key that signed it ({@link AuditKeys#keyId})
 * @param prevHash    the previous entry's hash (32 zero bytes for the first entry)
 * @param entryHash   SHA-256 of the canonical encoding
 * @param signature   Ed25519 signature of {@code entryHash}
 */
public record ChainEntry(long seq, Instant recordedAt, String actorKind, String actorId, String actorName,
        String action, String subjectKind, String subjectId, String details, String keyId,
        byte[] prevHash, byte[] entryHash, byte[] signature) {

    public ChainEntry {
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(actorKind, "actorKind");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(keyId, "keyId");
        prevHash = prevHash.clone();
        entryHash = entryHash.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] prevHash() {
        return prevHash.clone();
    }

    @Override
    public byte[] entryHash() {
        return entryHash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The entry's hash in lower-case hex, as stored. */
    public String entryHashHex() {
        return HexFormat.of().formatHex(entryHash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChainEntry e && seq == e.seq && recordedAt.equals(e.recordedAt)
                && actorKind.equals(e.actorKind) && Objects.equals(actorId, e.actorId)
                && Objects.equals(actorName, e.actorName) && action.equals(e.action)
                && Objects.equals(subjectKind, e.subjectKind) && Objects.equals(subjectId, e.subjectId)
                && details.equals(e.details) && keyId.equals(e.keyId) && Arrays.equals(prevHash, e.prevHash)
                && Arrays.equals(entryHash, e.entryHash) && Arrays.equals(signature, e.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seq, action, Arrays.hashCode(entryHash));
    }

    @Override
    public String toString() {
        return "ChainEntry[" + seq + " " + action + " " + entryHashHex() + "]";
    }
}
