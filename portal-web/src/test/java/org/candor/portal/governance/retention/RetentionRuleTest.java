package org.candor.portal.governance.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionRuleTest {

    private static final LocalDate CONCLUDED = LocalDate.of(2025, 3, 10);
    private static final LocalDate ACTIVE = LocalDate.of(2025, 6, 1);

    private static RetentionRule rule(Optional<LocalDate> concluded, Optional<LocalDate> extended, boolean hold,
            boolean appeal) {
        return new RetentionRule(concluded, ACTIVE, 30, extended, hold, appeal);
    }

    @Test
    void aConcludedCaseIsDueTheDayAfterItsPeriodCountedFromTheConclusion() {
        RetentionRule r = rule(Optional.of(CONCLUDED), Optional.empty(), false, false);
        assertEquals(CONCLUDED, r.countedFrom(), "later activity does not restart a concluded case's period");
        assertEquals(CONCLUDED.plusDays(30), r.deleteOn());
        assertFalse(r.isDue(CONCLUDED.plusDays(29)));
        assertTrue(r.isDue(CONCLUDED.plusDays(30)));
    }

    @Test
    void aCaseNeverConcludedCountsFromItsLastActivity() {
        RetentionRule r = rule(Optional.empty(), Optional.empty(), false, false);
        assertEquals(ACTIVE, r.countedFrom());
        assertFalse(r.isDue(ACTIVE.plusDays(29)));
        assertTrue(r.isDue(ACTIVE.plusDays(30)));
    }

    @Test
    void anExtensionKeepsTheCaseThroughItsLastDayOnly() {
        LocalDate until = CONCLUDED.plusDays(100);
        RetentionRule r = rule(Optional.of(CONCLUDED), Optional.of(until), false, false);
        assertTrue(r.extended());
        assertFalse(r.isDue(until));
        assertTrue(r.isDue(until.plusDays(1)));
    }

    @Test
    void anExtensionEarlierThanThePeriodChangesNothing() {
        RetentionRule r = rule(Optional.of(CONCLUDED), Optional.of(CONCLUDED.plusDays(3)), false, false);
        assertFalse(r.extended());
        assertEquals(CONCLUDED.plusDays(30), r.deleteOn());
    }

    @Test
    void aLegalHoldOrAPendingAppealKeepsACaseLongPastItsDay() {
        LocalDate muchLater = CONCLUDED.plusYears(20);
        assertFalse(rule(Optional.of(CONCLUDED), Optional.empty(), true, false).isDue(muchLater));
        assertFalse(rule(Optional.of(CONCLUDED), Optional.empty(), false, true).isDue(muchLater));
        assertTrue(rule(Optional.of(CONCLUDED), Optional.empty(), false, false).isDue(muchLater));
    }

    @Test
    void theQueryCutOffAgreesWithTheRule() {
        LocalDate day = LocalDate.of(2026, 1, 15);
        LocalDate lastFrom = RetentionRule.lastCountedFromDueBy(day, 30);
        assertTrue(new RetentionRule(Optional.of(lastFrom), lastFrom, 30, Optional.empty(), false, false).isDue(day));
        assertFalse(new RetentionRule(Optional.of(lastFrom.plusDays(1)), lastFrom, 30, Optional.empty(), false, false)
                .isDue(day));
    }

    @Test
    void theWhistleblowerNoticeIsTheSameForAnExtensionAndAHoldAndNamesNoReason() {
        RetentionNotice extended = RetentionNotice.of(rule(Optional.of(CONCLUDED), Optional.of(CONCLUDED.plusDays(300)), false, false));
        RetentionNotice held = RetentionNotice.of(rule(Optional.of(CONCLUDED), Optional.empty(), true, false));
        assertEquals(extended, held);
        assertEquals(RetentionNotice.Kind.KEPT_LONGER, held.kind());
        assertTrue(held.deleteOn().isEmpty());
        RetentionNotice scheduled = RetentionNotice.of(rule(Optional.of(CONCLUDED), Optional.empty(), false, false));
        assertEquals(Optional.of(CONCLUDED.plusDays(30)), scheduled.deleteOn());
        assertEquals(RetentionNotice.Kind.UNTIL_INACTIVE,
                RetentionNotice.of(rule(Optional.empty(), Optional.empty(), false, false)).kind());
    }
}
