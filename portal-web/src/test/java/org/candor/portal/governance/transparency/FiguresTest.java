package org.candor.portal.governance.transparency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The figures of a generated history whose answers are known. */
class FiguresTest {

    private static final UUID FRAUD = UUID.randomUUID();
    private static final UUID SAFETY = UUID.randomUUID();
    private static final UUID UNPUBLISHED = UUID.randomUUID();
    private static final List<Figures.Channel> CHANNELS = List.of(new Figures.Channel(FRAUD, "fraud", "Fraud"),
            new Figures.Channel(SAFETY, "safety", "Safety"));

    private static CaseFacts concluded(UUID channel, LocalDate received, int ackDays, int concludedDays, String outcome) {
        return CaseFacts.of(channel, received, Optional.of(received.plusDays(ackDays)),
                Optional.of(received.plusDays(concludedDays)), Optional.of(outcome), Optional.empty(), Optional.empty());
    }

    /**
     * 2025-Q1, fraud: 12 reports; 10 acknowledged on day 2, 2 on day 9; 8 substantiated on day 30,
     * 4 unsubstantiated on day 120 (late). 2025-Q2, fraud: 5 open reports (or as many as asked). Safety, 2025-Q1: 6
     * reports, acknowledged day 1, referred on day 10, one appeal rejected; 1 of them deleted in
     * 2025-Q3. A channel not published has 50 reports.
     */
    static List<CaseFacts> history() {
        return history(5);
    }

    static List<CaseFacts> history(int openInSecondQuarter) {
        List<CaseFacts> facts = new ArrayList<>();
        LocalDate jan = LocalDate.of(2025, 1, 6);
        for (int i = 0; i < 12; i++) {
            facts.add(concluded(FRAUD, jan.plusDays(i), i < 10 ? 2 : 9, i < 8 ? 30 : 120, i < 8 ? "SUBSTANTIATED" : "UNSUBSTANTIATED"));
        }
        for (int i = 0; i < openInSecondQuarter; i++) {
            facts.add(CaseFacts.of(FRAUD, LocalDate.of(2025, 5, 1), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty()));
        }
        for (int i = 0; i < 6; i++) {
            CaseFacts f = CaseFacts.of(SAFETY, jan, Optional.of(jan.plusDays(1)), Optional.of(jan.plusDays(10)),
                    Optional.of("REFERRED"), i == 0 ? Optional.of("DECIDED") : Optional.empty(),
                    i == 0 ? Optional.of("REJECTED") : Optional.empty());
            facts.add(i == 5 ? f.deletedIn(new Quarter(2025, 3)) : f);
        }
        for (int i = 0; i < 50; i++) {
            facts.add(concluded(UNPUBLISHED, jan, 1, 2, "REFERRED"));
        }
        return facts;
    }

    private static Figures.Row row(Figures figures, String period, String channel) {
        return figures.rows().stream().filter(r -> r.period().label().equals(period) && r.channel().slug().equals(channel))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + period + " " + channel));
    }

    /** A shown cell has its true value; a hidden one is hidden for a reason. */
    private static void assertTrueIfShown(String truth, Cell cell) {
        assertTrue(!cell.isShown() || cell.number().equals(truth), cell.number() + " instead of " + truth);
    }

    private static String value(Cell cell) {
        return cell.isShown() ? cell.number() : cell.status().code();
    }

    @Test
    void countsSharesAndMediansOfAKnownHistory() {
        Figures figures = Figures.compute(history(), CHANNELS, new Quarter(2025, 4));
        Figures.Row q1 = row(figures, "2025-Q1", "fraud");
        assertTrueIfShown("12", q1.count(Measure.RECEIVED));
        assertEquals("withheld", value(q1.count(Measure.ACKNOWLEDGED_IN_TIME)), "10 would give away 12 - 10 = 2");
        assertEquals("fewer-than-5", value(q1.count(Measure.NOT_ACKNOWLEDGED_IN_TIME)));
        assertTrueIfShown("8", q1.count(Measure.SUBSTANTIATED));
        assertEquals("17", value(row(figures, "2025", "fraud").count(Measure.RECEIVED)));
        assertEquals("fewer-than-5", value(q1.count(Measure.UNSUBSTANTIATED)));
        assertEquals("2", value(q1.medianDaysToAcknowledge()));
        assertEquals("30", value(q1.medianDaysToFeedback()));
        assertFalse(q1.count(Measure.FEEDBACK_IN_TIME).isShown() && q1.count(Measure.NO_FEEDBACK_IN_TIME).isShown());
        assertTrue(figures.rows().stream().noneMatch(r -> r.channel().id().equals(UNPUBLISHED)),
                "an unpublished channel's figures appear nowhere");
    }

    @Test
    void theShareOfTimelyAcknowledgementIsHiddenWheneverItsCountIs() {
        Figures figures = Figures.compute(history(), CHANNELS, new Quarter(2025, 4));
        Figures.Row q1 = row(figures, "2025-Q1", "fraud");
        assertEquals(q1.count(Measure.ACKNOWLEDGED_IN_TIME).isShown() && q1.count(Measure.RECEIVED).isShown(),
                q1.acknowledgedShare().isShown());
        assertEquals("withheld", value(q1.acknowledgedShare()));
    }

    @Test
    void aDeletedCaseStillCountsWhereItWasReceivedAndAsADeletionWhereItWasDeleted() {
        Figures figures = Figures.compute(history(), CHANNELS, new Quarter(2025, 4));
        assertTrueIfShown("6", row(figures, "2025-Q1", "safety").count(Measure.RECEIVED));
        assertEquals("6", value(row(figures, "2025", "safety").count(Measure.RECEIVED)));
        assertEquals("fewer-than-5", value(row(figures, "2025-Q3", "safety").count(Measure.DELETED)));
    }

    @Test
    void aYearWithOneSmallQuarterWithholdsAnotherQuarterSoTheSmallOneCannotBeSubtracted() {
        Figures figures = Figures.compute(history(3), CHANNELS, new Quarter(2025, 4));
        assertEquals("fewer-than-5", value(row(figures, "2025-Q2", "fraud").count(Measure.RECEIVED)));
        Cell year = row(figures, "2025", "fraud").count(Measure.RECEIVED);
        Cell q1 = row(figures, "2025-Q1", "fraud").count(Measure.RECEIVED);
        assertFalse(year.isShown() && q1.isShown(), "15 - 12 would give away the 3 of the second quarter");
    }

    @Test
    void noSmallCountOfTheWholeHistoryCanBeWorkedOutFromWhatIsShown() {
        for (int seed = 0; seed < 30; seed++) {
            java.util.Random random = new java.util.Random(seed);
            List<CaseFacts> facts = new ArrayList<>();
            int n = 20 + random.nextInt(200);
            for (int i = 0; i < n; i++) {
                LocalDate received = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(500));
                UUID channel = random.nextBoolean() ? FRAUD : SAFETY;
                Optional<LocalDate> ack = random.nextInt(5) == 0 ? Optional.empty()
                        : Optional.of(received.plusDays(random.nextInt(12)));
                Optional<LocalDate> concluded = ack.isEmpty() || random.nextInt(3) == 0 ? Optional.empty()
                        : Optional.of(ack.get().plusDays(random.nextInt(150)));
                Optional<String> outcome = concluded.map(d -> List.of("SUBSTANTIATED", "UNSUBSTANTIATED", "REFERRED")
                        .get(random.nextInt(3)));
                boolean appealed = concluded.isPresent() && random.nextInt(4) == 0;
                Optional<String> decision = appealed && random.nextBoolean()
                        ? Optional.of(List.of("UPHELD", "PARTLY_UPHELD", "REJECTED").get(random.nextInt(3))) : Optional.empty();
                CaseFacts f = CaseFacts.of(channel, received, ack, concluded, outcome,
                        appealed ? Optional.of(decision.isPresent() ? "DECIDED" : "PENDING") : Optional.empty(), decision);
                facts.add(random.nextInt(6) == 0 ? f.deletedIn(Quarter.of(received.plusDays(random.nextInt(300)))) : f);
            }
            Figures.compute(facts, CHANNELS, new Quarter(2026, 1)).rows()
                    .forEach(r -> r.counts().forEach((m, c) -> assertTrue(c.isShown() ? c.value().get() >= 5 : c.value().isEmpty(),
                            "a shown count below 5 in " + r.period().label() + " " + m)));
            FiguresAdversary.assertNoSmallCountDerivable(facts, CHANNELS, new Quarter(2026, 1));
        }
    }
}
