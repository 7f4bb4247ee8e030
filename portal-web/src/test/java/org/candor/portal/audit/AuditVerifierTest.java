package org.candor.portal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.candor.portal.audit.AuditVerdict.Problem;
import org.junit.jupiter.api.Test;

/** The verifier over chains held in memory, tampered with as someone with database write access could. */
class AuditVerifierTest {

    private static final AuditSigningKey KEY = AuditSigningKey.generate();
    private static final AuditVerifier VERIFIER = new AuditVerifier(List.of(KEY.publicKey()));

    private final List<ChainEntry> chain = new ArrayList<>(Chains.of(10, KEY));
    private final Optional<AuditHead> storedHead = Chains.head(chain);

    @Test
    void anUntouchedChainIsIntactAndEndsAtItsHead() {
        AuditVerdict verdict = VERIFIER.verify(chain, storedHead, storedHead);
        assertTrue(verdict.isIntact(), verdict.explain());
        assertEquals(10, verdict.checked());
        assertEquals(storedHead.get(), verdict.head());
        assertTrue(verdict.firstBrokenEntry().isEmpty());
    }

    @Test
    void anEmptyLogIsIntact() {
        AuditVerdict verdict = VERIFIER.verify(List.of(), Optional.of(AuditHead.empty()), Optional.empty());
        assertTrue(verdict.isIntact(), verdict.explain());
        assertEquals(0, verdict.checked());
    }

    @Test
    void namesAnAlteredDetailAsTheFirstBrokenEntry() {
        chain.set(3, Chains.withDetails(chain.get(3), "role=ADMINISTRATOR"));
        assertBroken(VERIFIER.verify(chain, storedHead, Optional.empty()), Problem.ALTERED, 4, 3);
    }

    @Test
    void namesAnAlteredEntryWhoseHashWasRecomputedByItsSignature() {
        ChainEntry altered = Chains.withDetails(chain.get(5), "reason=covered-up");
        chain.set(5, Chains.withHashAndSignature(altered, AuditChain.hash(altered), chain.get(5).signature()));
        assertBroken(VERIFIER.verify(chain, storedHead, Optional.empty()), Problem.BAD_SIGNATURE, 6, 5);
    }

    @Test
    void namesAnEntryDeletedInTheMiddle() {
        chain.remove(4);
        assertBroken(VERIFIER.verify(chain, storedHead, Optional.empty()), Problem.MISSING_ENTRY, 5, 4);
    }

    @Test
    void namesAnEntryDeletedInTheMiddleWhenTheLaterOnesWereRenumbered() {
        chain.remove(4);
        for (int i = 4; i < chain.size(); i++) {
            chain.set(i, Chains.withSeq(chain.get(i), i + 1));
        }
        assertBroken(VERIFIER.verify(chain, Chains.head(chain), Optional.empty()), Problem.LINK_BROKEN, 5, 4);
    }

    @Test
    void namesTheFirstMissingEntryWhenTheVeryFirstWasDeleted() {
        chain.remove(0);
        assertBroken(VERIFIER.verify(chain, storedHead, Optional.empty()), Problem.MISSING_ENTRY, 1, 0);
    }

    @Test
    void namesTheEndWhenTheTailWasDeletedButTheStoredHeadWasNot() {
        chain.subList(7, 10).clear();
        assertBroken(VERIFIER.verify(chain, storedHead, Optional.empty()), Problem.HEAD_MISMATCH, 8, 7);
    }

    @Test
    void aTailDeletedTogetherWithTheStoredHeadIsFoundOnlyWithANotedHead() {
        Optional<AuditHead> noted = storedHead;
        chain.subList(7, 10).clear();
        Optional<AuditHead> rewrittenHead = Chains.head(chain);

        AuditVerdict withoutNote = VERIFIER.verify(chain, rewrittenHead, Optional.empty());
        assertTrue(withoutNote.isIntact(), "the chain alone cannot show a cut-off end");
        assertEquals(7, withoutNote.checked());

        assertBroken(VERIFIER.verify(chain, rewrittenHead, noted), Problem.TAIL_MISSING, 8, 7);
    }

    @Test
    void aNotedHeadOlderThanTheEndIsFoundInTheChain() {
        ChainEntry fifth = chain.get(4);
        AuditVerdict verdict = VERIFIER.verify(chain, storedHead, Optional.of(new AuditHead(5, fifth.entryHashHex())));
        assertTrue(verdict.isIntact(), verdict.explain());

        AuditVerdict rewritten = VERIFIER.verify(chain, storedHead, Optional.of(new AuditHead(5, "00".repeat(32))));
        assertBroken(rewritten, Problem.NOTED_HEAD_MISMATCH, 5, 10);
    }

    @Test
    void namesTheFirstOfTwoSwappedEntries() {
        ChainEntry third = chain.get(2);
        chain.set(2, chain.get(3));
        chain.set(3, third);
        // rows swapped whole: entry 4 now stands third and still says it is entry 4
        assertBroken(VERIFIER.verify(chain, storedHead, Optional.empty()), Problem.MISSING_ENTRY, 3, 2);
    }

    @Test
    void namesTheFirstOfTwoEntriesWhoseContentsWereSwapped() {
        ChainEntry third = chain.get(2);
        chain.set(2, Chains.withSeq(chain.get(3), 3));
        chain.set(3, Chains.withSeq(third, 4));
        assertBroken(VERIFIER.verify(chain, storedHead, Optional.empty()), Problem.LINK_BROKEN, 3, 2);
    }

    @Test
    void namesAnEntryWithABadSignature() {
        byte[] signature = chain.get(6).signature();
        signature[0] ^= 1;
        chain.set(6, Chains.withHashAndSignature(chain.get(6), chain.get(6).entryHash(), signature));
        assertBroken(VERIFIER.verify(chain, storedHead, Optional.empty()), Problem.BAD_SIGNATURE, 7, 6);
    }

    @Test
    void namesTheFirstEntryWhenGivenTheWrongKey() {
        AuditVerifier wrongKey = new AuditVerifier(List.of(AuditSigningKey.generate().publicKey()));
        assertBroken(wrongKey.verify(chain, storedHead, Optional.empty()), Problem.UNKNOWN_KEY, 1, 0);
    }

    @Test
    void namesTheFirstEntrySignedByAnotherKeyAfterAKeyChange() {
        AuditSigningKey replacement = AuditSigningKey.generate();
        ChainEntry last = chain.get(9);
        ChainEntry eleventh = AuditChain.next(11, Chains.START.plusSeconds(11), Chains.event(11), last.entryHash(), replacement);
        chain.add(eleventh);
        Optional<AuditHead> head = Chains.head(chain);

        assertBroken(VERIFIER.verify(chain, head, Optional.empty()), Problem.UNKNOWN_KEY, 11, 10);
        AuditVerdict bothKeys = new AuditVerifier(List.of(KEY.publicKey(), replacement.publicKey()))
                .verify(chain, head, Optional.empty());
        assertTrue(bothKeys.isIntact(), "an auditor given both public keys accepts the whole chain");
    }

    @Test
    void aChainForgedWithAnotherKeyIsNotTrusted() {
        AuditSigningKey forger = AuditSigningKey.generate();
        List<ChainEntry> forged = Chains.of(10, forger);
        assertBroken(VERIFIER.verify(forged, Chains.head(forged), Optional.empty()), Problem.UNKNOWN_KEY, 1, 0);
    }

    private static void assertBroken(AuditVerdict verdict, Problem problem, long firstBroken, long checked) {
        assertEquals(problem, verdict.problem(), verdict.explain());
        assertEquals(firstBroken, verdict.firstBroken(), verdict.explain());
        assertEquals(checked, verdict.checked(), verdict.explain());
    }
}
