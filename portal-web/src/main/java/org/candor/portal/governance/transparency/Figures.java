package org.candor.portal.governance.transparency;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The transparency figures, computed from the facts of every case of the published channels
 * (live and deleted alike) and suppressed together, so that the page, the CSV and the JSON show
 * exactly the same cells.
 *
 * <p>Each report counts in the period it was received in (a cohort): its acknowledgement,
 * feedback, outcome and appeal count there too, so the figures of recent periods still move as
 * cases progress. Deletions count in the period they happened in. Periods are the quarters from
 * the first one with a figure up to the current one, and the years they fall in.
 *
 * <p>Suppression ({@link Suppression}) runs over all cells at once, with these relations: in each
 * row, received = acknowledged within 7 days + not; received = feedback within 3 months + not;
 * received = the three outcomes + not concluded; appeals filed = the three decisions + pending;
 * and for each channel and count, a year = its quarters (quarters not shown had none).
 * Shares show only when both their counts show; medians only when they rest on at least
 * {@value Suppression#THRESHOLD} cases.
 */
public final class Figures {

    /** A period: a quarter, or a year ({@code quarter} empty). */
    public record Period(int year, Optional<Integer> quarter) {

        public String label() {
            return quarter.map(q -> year + "-Q" + q).orElse(String.valueOf(year));
        }

        public boolean isYear() {
            return quarter.isEmpty();
        }

        boolean contains(Quarter q) {
            return q.year() == year && quarter.map(n -> n == q.number()).orElse(true);
        }
    }

    /** A published channel: its id, its stable short name, and its name to show. */
    public record Channel(UUID id, String slug, String name) {
    }

    /** The figures of one period and channel. */
    public record Row(Period period, Channel channel, Map<Measure, Cell> counts, Cell acknowledgedShare,
            Cell feedbackShare, Cell medianDaysToAcknowledge, Cell medianDaysToFeedback) {

        public Cell count(Measure measure) {
            return counts.get(measure);
        }
    }

    /** A count's cell: period, channel and measure. */
    record Key(Period period, UUID channel, Measure measure) {
    }

    /** The counts before suppression and the relations that tie them. */
    record Inputs(List<Period> periods, Map<Key, Integer> values, List<Suppression.Relation<Key>> relations) {
    }

    private final List<Row> rows;

    private Figures(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /** The rows of a channel, quarters only, oldest first (for its chart). */
    public List<Row> quartersOf(Channel channel) {
        return rows.stream().filter(r -> r.channel().equals(channel) && !r.period().isYear())
                .sorted(java.util.Comparator.comparing((Row r) -> r.period().year())
                        .thenComparing(r -> r.period().quarter().orElse(0)))
                .toList();
    }

    /**
     * Computes the figures.
     *
     * @param facts    the facts of every case (those of other channels are ignored)
     * @param channels the published channels, in the order to show them
     * @param current  the quarter of today: the last period shown
     */
    public static Figures compute(List<CaseFacts> facts, List<Channel> channels, Quarter current) {
        Map<UUID, Channel> byId = new LinkedHashMap<>();
        channels.forEach(c -> byId.put(c.id(), c));
        List<CaseFacts> published = facts.stream().filter(f -> byId.containsKey(f.channelId()))
                .filter(f -> f.receivedIn().compareTo(current) <= 0)
                .map(f -> f.deletedIn().filter(q -> q.compareTo(current) > 0).isPresent() ? f.notDeleted() : f)
                .toList();
        Optional<Quarter> first = published.stream()
                .flatMap(f -> java.util.stream.Stream.concat(java.util.stream.Stream.of(f.receivedIn()), f.deletedIn().stream()))
                .min(Quarter::compareTo);
        if (first.isEmpty() || channels.isEmpty()) {
            return new Figures(List.of());
        }
        Inputs inputs = inputs(published, channels, periods(first.get(), current));
        List<Period> periods = inputs.periods();
        Map<Key, Integer> values = inputs.values();
        List<Suppression.Relation<Key>> relations = inputs.relations();
        Map<Key, Cell> cells = new Suppression<>(values, relations).cells();
        List<Row> rows = new ArrayList<>();
        for (Period period : periods) {
            for (Channel channel : channels) {
                Map<Measure, Cell> counts = new EnumMap<>(Measure.class);
                for (Measure m : Measure.values()) {
                    counts.put(m, cells.get(new Key(period, channel.id(), m)));
                }
                List<CaseFacts> received = published.stream()
                        .filter(f -> f.channelId().equals(channel.id()) && period.contains(f.receivedIn())).toList();
                rows.add(new Row(period, channel, counts,
                        share(counts.get(Measure.ACKNOWLEDGED_IN_TIME), counts.get(Measure.RECEIVED), values,
                                new Key(period, channel.id(), Measure.ACKNOWLEDGED_IN_TIME), new Key(period, channel.id(), Measure.RECEIVED)),
                        share(counts.get(Measure.FEEDBACK_IN_TIME), counts.get(Measure.RECEIVED), values,
                                new Key(period, channel.id(), Measure.FEEDBACK_IN_TIME), new Key(period, channel.id(), Measure.RECEIVED)),
                        median(received.stream().flatMap(f -> f.daysToAcknowledge().stream()).toList()),
                        median(received.stream().flatMap(f -> f.daysToFeedback().stream()).toList())));
            }
        }
        return new Figures(rows);
    }

    /** The counts of every period and channel, and their relations. */
    static Inputs inputs(List<CaseFacts> published, List<Channel> channels, List<Period> periods) {
        Map<Key, Integer> values = new HashMap<>();
        List<Suppression.Relation<Key>> relations = new ArrayList<>();
        for (Period period : periods) {
            for (Channel channel : channels) {
                List<CaseFacts> received = published.stream()
                        .filter(f -> f.channelId().equals(channel.id()) && period.contains(f.receivedIn())).toList();
                Map<Measure, Integer> counts = counts(received);
                counts.put(Measure.DELETED, (int) published.stream().filter(f -> f.channelId().equals(channel.id())
                        && f.deletedIn().filter(period::contains).isPresent()).count());
                counts.forEach((m, v) -> values.put(new Key(period, channel.id(), m), v));
                relations.addAll(rowRelations(period, channel.id()));
            }
        }
        for (Period year : periods.stream().filter(Period::isYear).toList()) {
            List<Period> quarters = periods.stream().filter(p -> !p.isYear() && p.year() == year.year()).toList();
            for (Channel channel : channels) {
                for (Measure m : Measure.values()) {
                    relations.add(new Suppression.Relation<>(new Key(year, channel.id(), m),
                            quarters.stream().map(q -> new Key(q, channel.id(), m)).toList()));
                }
            }
        }
        return new Inputs(periods, values, relations);
    }

    /** Years newest first, each followed by its quarters, newest first. */
    static List<Period> periods(Quarter first, Quarter current) {
        List<Period> periods = new ArrayList<>();
        for (int year = current.year(); year >= first.year(); year--) {
            periods.add(new Period(year, Optional.empty()));
            for (int q = 4; q >= 1; q--) {
                Quarter quarter = new Quarter(year, q);
                if (quarter.compareTo(first) >= 0 && quarter.compareTo(current) <= 0) {
                    periods.add(new Period(year, Optional.of(q)));
                }
            }
        }
        return periods;
    }

    private static Map<Measure, Integer> counts(List<CaseFacts> received) {
        Map<Measure, Integer> c = new EnumMap<>(Measure.class);
        c.put(Measure.RECEIVED, received.size());
        c.put(Measure.ACKNOWLEDGED_IN_TIME, count(received, CaseFacts::acknowledgedInTime));
        c.put(Measure.NOT_ACKNOWLEDGED_IN_TIME, count(received, f -> !f.acknowledgedInTime()));
        c.put(Measure.FEEDBACK_IN_TIME, count(received, CaseFacts::feedbackInTime));
        c.put(Measure.NO_FEEDBACK_IN_TIME, count(received, f -> !f.feedbackInTime()));
        c.put(Measure.SUBSTANTIATED, count(received, f -> f.outcome().filter("SUBSTANTIATED"::equals).isPresent()));
        c.put(Measure.UNSUBSTANTIATED, count(received, f -> f.outcome().filter("UNSUBSTANTIATED"::equals).isPresent()));
        c.put(Measure.REFERRED, count(received, f -> f.outcome().filter("REFERRED"::equals).isPresent()));
        c.put(Measure.NOT_CONCLUDED, count(received, f -> f.outcome().isEmpty()));
        c.put(Measure.APPEALS_FILED, count(received, f -> f.appealState().isPresent()));
        c.put(Measure.APPEAL_UPHELD, count(received, f -> f.appealDecision().filter("UPHELD"::equals).isPresent()));
        c.put(Measure.APPEAL_PARTLY_UPHELD, count(received, f -> f.appealDecision().filter("PARTLY_UPHELD"::equals).isPresent()));
        c.put(Measure.APPEAL_REJECTED, count(received, f -> f.appealDecision().filter("REJECTED"::equals).isPresent()));
        c.put(Measure.APPEAL_PENDING, count(received, f -> f.appealState().isPresent() && f.appealDecision().isEmpty()));
        return c;
    }

    private static int count(List<CaseFacts> facts, Predicate<CaseFacts> which) {
        return (int) facts.stream().filter(which).count();
    }

    private static List<Suppression.Relation<Key>> rowRelations(Period p, UUID c) {
        return List.of(
                relation(p, c, Measure.RECEIVED, Measure.ACKNOWLEDGED_IN_TIME, Measure.NOT_ACKNOWLEDGED_IN_TIME),
                relation(p, c, Measure.RECEIVED, Measure.FEEDBACK_IN_TIME, Measure.NO_FEEDBACK_IN_TIME),
                relation(p, c, Measure.RECEIVED, Measure.SUBSTANTIATED, Measure.UNSUBSTANTIATED, Measure.REFERRED,
                        Measure.NOT_CONCLUDED),
                relation(p, c, Measure.APPEALS_FILED, Measure.APPEAL_UPHELD, Measure.APPEAL_PARTLY_UPHELD,
                        Measure.APPEAL_REJECTED, Measure.APPEAL_PENDING));
    }

    private static Suppression.Relation<Key> relation(Period p, UUID c, Measure total, Measure... parts) {
        return new Suppression.Relation<>(new Key(p, c, total),
                java.util.Arrays.stream(parts).map(m -> new Key(p, c, m)).toList());
    }

    /** A share in percent, shown only when both counts are. */
    private static Cell share(Cell part, Cell whole, Map<Key, Integer> values, Key partKey, Key wholeKey) {
        if (!part.isShown() || !whole.isShown()) {
            return Cell.suppressed(part.isShown() ? whole.status() : part.status());
        }
        int of = Objects.requireNonNull(values.get(wholeKey));
        return Cell.shown(Math.round(1000.0 * values.get(partKey) / of) / 10.0);
    }

    /** The median of at least {@value Suppression#THRESHOLD} values, else suppressed. */
    static Cell median(List<Integer> days) {
        if (days.size() < Suppression.THRESHOLD) {
            return Cell.suppressed(Cell.Status.FEWER_THAN_5);
        }
        List<Integer> sorted = days.stream().sorted().toList();
        int n = sorted.size();
        return Cell.shown(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0);
    }
}
