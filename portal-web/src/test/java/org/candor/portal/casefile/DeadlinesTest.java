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
