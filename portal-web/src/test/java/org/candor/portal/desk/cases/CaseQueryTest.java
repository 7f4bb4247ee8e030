package org.candor.portal.desk.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Optional;
import org.candor.portal.casefile.CaseStatus;
import org.junit.jupiter.api.Test;

class CaseQueryTest {

    @Test
    void blankParametersMeanEveryCaseMostUrgentFirst() {
        assertEquals(CaseQuery.all(), CaseQuery.parse("", null, " ", "", null, ""));
    }

    @Test
    void parsesFiltersForgivingCaseAndSpaces() {
        CaseQuery q = CaseQuery.parse("in_assessment", " 0b9d2a5e-1111-2222-3333-444455556666 ", " Finance ",
                "overdue", "newest", "3");
        assertEquals(Optional.of(CaseStatus.IN_ASSESSMENT), q.status());
        assertEquals("finance", q.label().orElseThrow().value());
        assertEquals(Optional.of(CaseQuery.DeadlineFilter.OVERDUE), q.deadline());
        assertEquals(CaseQuery.Sort.NEWEST, q.sort());
        assertEquals(100, q.offset());
    }

    @Test
    void refusesUnknownValuesWithAMessageKey() {
        assertEquals("cases.filter.invalidStatus",
                assertThrows(InvalidCaseInput.class, () -> CaseQuery.parse("closed", "", "", "", "", "")).messageKey());
        assertEquals("cases.filter.invalidChannel",
                assertThrows(InvalidCaseInput.class, () -> CaseQuery.parse("", "x' or 1=1", "", "", "", "")).messageKey());
        assertEquals("cases.label.invalid",
                assertThrows(InvalidCaseInput.class, () -> CaseQuery.parse("", "", "a b", "", "", "")).messageKey());
        assertEquals("cases.filter.invalidPage",
                assertThrows(InvalidCaseInput.class, () -> CaseQuery.parse("", "", "", "", "", "0")).messageKey());
        assertEquals("cases.filter.invalidPage",
                assertThrows(InvalidCaseInput.class, () -> CaseQuery.parse("", "", "", "", "", "99999999999")).messageKey());
        assertEquals("cases.filter.invalidSort",
                assertThrows(InvalidCaseInput.class, () -> CaseQuery.parse("", "", "", "", "due; drop", "")).messageKey());
    }

    @Test
    void aCategoryIsAnOptionKeyAndKeptOnEveryPage() {
        CaseQuery q = CaseQuery.parse("", "", "", "", "", "", " fraud ", "", "2");
        assertEquals(Optional.of("fraud"), q.category());
        assertEquals(Optional.of("fraud"), q.onPage(3).category());
        assertEquals(Optional.of("fraud"), q.filter(LocalDate.of(2026, 3, 1)).category());
        assertEquals(Optional.empty(), CaseQuery.parse("", "", "", "", "", "", "", "", "").category());
        assertEquals("cases.filter.invalidCategory", assertThrows(InvalidCaseInput.class,
                () -> CaseQuery.parse("", "", "", "", "", "", "x' or 1=1", "", "")).messageKey());
        assertEquals("cases.filter.invalidCategory", assertThrows(InvalidCaseInput.class,
                () -> CaseQuery.parse("", "", "", "", "", "", "Fraud", "", "")).messageKey());
    }

    @Test
    void labelsAreShortWordsOnly() {
        assertEquals("needs-legal", Label.of(" Needs-Legal ").value());
        assertEquals("prüfung", Label.of("Prüfung").value());
        assertThrows(InvalidCaseInput.class, () -> Label.of(""));
        assertThrows(InvalidCaseInput.class, () -> Label.of("<script>"));
        assertThrows(InvalidCaseInput.class, () -> Label.of("x".repeat(Label.MAX + 1)));
        assertEquals(Label.MAX, Label.of("x".repeat(Label.MAX)).value().length());
    }

    @Test
    void aDeadlineIsDueSoonInItsLastWeekAndOverdueTheDayAfter() {
        LocalDate due = LocalDate.of(2026, 3, 10);
        assertEquals(Standing.ON_TIME, Standing.of(Optional.of(due), due.minusDays(8)));
        assertEquals(Standing.DUE_SOON, Standing.of(Optional.of(due), due.minusDays(7)));
        assertEquals(Standing.DUE_SOON, Standing.of(Optional.of(due), due));
        assertEquals(Standing.OVERDUE, Standing.of(Optional.of(due), due.plusDays(1)));
        assertEquals(Standing.NONE, Standing.of(Optional.empty(), due));
    }
}
