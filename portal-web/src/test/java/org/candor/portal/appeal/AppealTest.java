package org.candor.portal.appeal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.candor.crypto.LookupHandle;
import org.candor.portal.casefile.CaseFile;
import org.candor.portal.casefile.CaseRecipient;
import org.candor.portal.casefile.Outcome;
import org.junit.jupiter.api.Test;

class AppealTest {

    private static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);

    private static CaseFile received() {
        return new CaseFile(UUID.randomUUID(), UUID.randomUUID(), LookupHandle.fromHex("ab".repeat(32)), false,
                RECEIVED, "key", "FP", Set.of(new CaseRecipient(UUID.randomUUID(), "FP2")));
    }

    @Test
    void mayBeFiledOnlyOnceConcludedOrWhenADeadlinePassedWithoutAnswer() {
        CaseFile open = received();
        assertEquals(Optional.empty(), AppealGround.of(open, RECEIVED.plusDays(7)), "acknowledgement still on time");
        assertEquals(Optional.of(AppealGround.NOT_ACKNOWLEDGED_IN_TIME), AppealGround.of(open, RECEIVED.plusDays(8)));

        open.acknowledge(RECEIVED.plusDays(9));
        assertEquals(Optional.empty(), AppealGround.of(open, RECEIVED.plusDays(10)), "acknowledged, if late");
        LocalDate feedbackBy = open.deadlines().feedbackBy();
        assertEquals(Optional.empty(), AppealGround.of(open, feedbackBy));
        assertEquals(Optional.of(AppealGround.NO_FEEDBACK_IN_TIME), AppealGround.of(open, feedbackBy.plusDays(1)));

        CaseFile concluded = received();
        concluded.acknowledge(RECEIVED.plusDays(1));
        concluded.conclude(Outcome.UNSUBSTANTIATED, RECEIVED.plusDays(20));
        assertEquals(Optional.of(AppealGround.CONCLUDED), AppealGround.of(concluded, RECEIVED.plusDays(20)));
    }

    @Test
    void isPendingUntilDecidedOnceWithAKindAndADay() {
        Appeal appeal = new Appeal(UUID.randomUUID(), RECEIVED);
        assertTrue(appeal.isPending());
        assertEquals(Optional.empty(), appeal.decision());
        assertThrows(IllegalArgumentException.class, () -> appeal.decide(AppealDecision.UPHELD, RECEIVED.minusDays(1)));
        appeal.decide(AppealDecision.PARTLY_UPHELD, RECEIVED.plusDays(3));
        assertEquals(AppealState.DECIDED, appeal.state());
        assertEquals(Optional.of(AppealDecision.PARTLY_UPHELD), appeal.decision());
        assertEquals(Optional.of(RECEIVED.plusDays(3)), appeal.decidedOn());
        assertThrows(IllegalStateException.class, () -> appeal.decide(AppealDecision.REJECTED, RECEIVED.plusDays(4)));
    }
}
