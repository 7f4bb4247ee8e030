package org.candor.portal.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Chains made in memory for the tests, and the ways an attacker without the key could alter them. */
final class Chains {

    static final Instant START = Instant.parse("2026-03-01T09:00:00.123456Z");

    private Chains() {
    }

    /** A chain of {@code n} entries of varied kinds, signed by {@code key}. */
    static List<ChainEntry> of(int n, AuditSigningKey key) {
        List<ChainEntry> chain = new ArrayList<>();
        byte[] prev = AuditChain.genesis();
        for (int i = 1; i <= n; i++) {
            ChainEntry entry = AuditChain.next(i, START.plusSeconds(i), event(i), prev, key);
            chain.add(entry);
            prev = entry.entryHash();
        }
        return chain;
    }

    static AuditEvent event(int i) {
        Actor actor = switch (i % 3) {
            case 0 -> Actor.system();
            case 1 -> Actor.staff(new UUID(0, i), "staff" + i);
            default -> Actor.anonymous();
        };
        AuditEvent event = AuditEvent.of(AuditAction.values()[i % AuditAction.values().length], actor);
        return i % 2 == 0 ? event.about("case", new UUID(1, i)).with("status", "IN_ASSESSMENT").with("n", i) : event;
    }

    /** The stored head of a chain. */
    static Optional<AuditHead> head(List<ChainEntry> chain) {
        ChainEntry last = chain.get(chain.size() - 1);
        return Optional.of(new AuditHead(last.seq(), last.entryHashHex()));
    }

    /** The entry with other details, its hash and signature left as they were. */
    static ChainEntry withDetails(ChainEntry e, String details) {
        return new ChainEntry(e.seq(), e.recordedAt(), e.actorKind(), e.actorId(), e.actorName(), e.action(),
                e.subjectKind(), e.subjectId(), details, e.keyId(), e.prevHash(), e.entryHash(), e.signature());
    }

    /** The entry at another position, everything else as it was. */
    static ChainEntry withSeq(ChainEntry e, long seq) {
        return new ChainEntry(seq, e.recordedAt(), e.actorKind(), e.actorId(), e.actorName(), e.action(),
                e.subjectKind(), e.subjectId(), e.details(), e.keyId(), e.prevHash(), e.entryHash(), e.signature());
    }

    /** The entry with another hash and signature. */
    static ChainEntry withHashAndSignature(ChainEntry e, byte[] hash, byte[] signature) {
        return new ChainEntry(e.seq(), e.recordedAt(), e.actorKind(), e.actorId(), e.actorName(), e.action(),
                e.subjectKind(), e.subjectId(), e.details(), e.keyId(), e.prevHash(), hash, signature);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
