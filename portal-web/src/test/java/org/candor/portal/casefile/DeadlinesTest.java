package org.candor.portal.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    private static final LocalDate RECEIVED = LocalDate.of(2026, 11, 30);

    @Test
    void acknowledgementIsDueSevenDaysAfterReceipt() {
        Deadlines deadlines = Deadlines.receivedOn(RECEIVED);
        assertEquals(LocalDate.of(2026, 12, 7), deadlines.acknowledgeBy());
        assertFalse(deadlines.acknowledgementOverdue(LocalDate.of(2026, 12, 7)));
        assertTrue(deadlines.acknowledgementOverdue(LocalDate.of(2026, 12, 8)));
    }

    @Test
    void feedbackIsDueThreeMonthsAfterAcknowledgementOrAfterTheSevenDaysWithoutIt() {
        Deadlines acknowledged = new Deadlines(RECEIVED, Optional.of(LocalDate.of(2026, 12, 2)));
        assertEquals(LocalDate.of(2027, 3, 2), acknowledged.feedbackBy());
        assertEquals(LocalDate.of(2027, 3, 7), Deadlines.receivedOn(RECEIVED).feedbackBy());
    }

    @Test
    void theNextDeadlineIsTheAcknowledgementThenTheFeedbackThenNone() {
        LocalDate received = LocalDate.of(2026, 1, 24);
        Deadlines open = Deadlines.receivedOn(received);
        assertEquals(Optional.of(LocalDate.of(2026, 1, 31)), open.next(CaseStatus.RECEIVED));
        assertEquals(Optional.of(LocalDate.of(2026, 4, 30)), open.next(CaseStatus.IN_INVESTIGATION),
                "without an acknowledgement day, three months from the end of the seven days, at the month's end");
        Deadlines acknowledged = new Deadlines(received, Optional.of(LocalDate.of(2026, 1, 30)));
        for (CaseStatus status : new CaseStatus[] {CaseStatus.ACKNOWLEDGED, CaseStatus.IN_ASSESSMENT,
                CaseStatus.IN_INVESTIGATION}) {
            assertEquals(Optional.of(LocalDate.of(2026, 4, 30)), acknowledged.next(status), status.name());
        }
        assertEquals(Optional.empty(), acknowledged.next(CaseStatus.CONCLUDED));
    }

    @Test
    void theFeedbackDeadlineOverALeapDayAndAYearEnd() {
        assertEquals(Optional.of(LocalDate.of(2028, 2, 29)),
                new Deadlines(LocalDate.of(2027, 11, 29), Optional.of(LocalDate.of(2027, 11, 29))).next(CaseStatus.ACKNOWLEDGED));
        assertEquals(Optional.of(LocalDate.of(2027, 1, 4)), Deadlines.receivedOn(LocalDate.of(2026, 12, 28))
                .next(CaseStatus.RECEIVED));
    }

    @Test
    void aLateAcknowledgementStaysLate() {
        Deadlines late = new Deadlines(RECEIVED, Optional.of(LocalDate.of(2026, 12, 9)));
        assertTrue(late.acknowledgementOverdue(LocalDate.of(2027, 1, 1)));
    }

    @Test
    void refusesAnAcknowledgementBeforeReceipt() {
        assertThrows(IllegalArgumentException.class,
                () -> new Deadlines(RECEIVED, Optional.of(RECEIVED.minusDays(1))));
    }
}
