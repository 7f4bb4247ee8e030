package org.candor.portal.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.candor.crypto.LookupHandle;
import org.junit.jupiter.api.Test;

/** The deadline a case keeps for the desk's list follows every step of its lifecycle. */
class CaseFileTest {

    private static final LocalDate RECEIVED = LocalDate.of(2026, 1, 20);

    private static CaseFile received() {
        return new CaseFile(UUID.randomUUID(), UUID.randomUUID(), LookupHandle.fromHex("cd".repeat(32)), false,
                RECEIVED, "key", "FP", Set.of(new CaseRecipient(UUID.randomUUID(), "FP2")));
    }

    @Test
    void theNextDeadlineFollowsEveryStepUntilConclusion() {
        CaseFile kase = received();
        assertEquals(Optional.of(LocalDate.of(2026, 1, 27)), kase.nextDeadline(), "acknowledge within 7 days");
        kase.acknowledge(LocalDate.of(2026, 1, 31));
        assertEquals(Optional.of(LocalDate.of(2026, 4, 30)), kase.nextDeadline(),
                "acknowledged late: feedback 3 months after the acknowledgement, at the month's end");
        kase.startAssessment(LocalDate.of(2026, 2, 10));
        assertEquals(Optional.of(LocalDate.of(2026, 4, 30)), kase.nextDeadline());
        kase.startInvestigation(LocalDate.of(2026, 3, 1));
        assertEquals(Optional.of(LocalDate.of(2026, 4, 30)), kase.nextDeadline());
        kase.conclude(Outcome.REFERRED, LocalDate.of(2026, 5, 5));
        assertEquals(Optional.empty(), kase.nextDeadline(), "nothing pending once concluded");
    }

    @Test
    void theStoredDeadlineIsAlwaysTheRuleOfTheStatusAndDates() {
        CaseFile kase = received();
        kase.acknowledge(RECEIVED.plusDays(2));
        kase.conclude(Outcome.UNSUBSTANTIATED, RECEIVED.plusDays(3));
        CaseFile open = received();
        open.acknowledge(RECEIVED);
        for (CaseFile c : new CaseFile[] {received(), open, kase}) {
            assertEquals(c.deadlines().next(c.status()), c.nextDeadline(), c.status().name());
        }
    }

    @Test
    void aRefusedStepLeavesTheDeadlineAsItWas() {
        CaseFile kase = received();
        assertThrows(IllegalStateException.class, () -> kase.conclude(Outcome.SUBSTANTIATED, RECEIVED.plusDays(1)));
        assertThrows(IllegalArgumentException.class, () -> kase.acknowledge(RECEIVED.minusDays(1)));
        assertEquals(Optional.of(RECEIVED.plusDays(7)), kase.nextDeadline());
        assertEquals(CaseStatus.RECEIVED, kase.status());
    }
}
