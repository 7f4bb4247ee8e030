package org.candor.portal.governance.transparency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Small-count suppression with secondary suppression, over counts tied by additive relations
 * (a total and the parts that add up to it).
 *
 * <p>Primary: every count below {@value #THRESHOLD}, zero included, shows as "fewer than 5".
 * Secondary, repeated until nothing changes: in every relation, (a) never exactly one member is
 * suppressed, since it would be the total minus the others; and (b) when the total is shown and
 * parts are suppressed, at least one suppressed part is a count of {@value #THRESHOLD} or more, so
 * the suppressed parts' known sum never pins a small one (two hidden cells known to sum to 8,
 * each below 5, would both be 4). Each time, the smallest shown part is withheld (the least
 * information lost), or the total if no part is shown. Last, an audit narrows every cell's range
 * through all relations at once, as a reader who knows this rule would; while it pins a count of
 * 1 to 4, one more cell of a relation holding it is withheld. A zero may still be recognised as
 * zero, which discloses no report.
 *
 * @param <K> how a cell is named
 */
public final class Suppression<K> {

    /** Counts below this are not shown. */
    public static final int THRESHOLD = 5;

    /** A total and the parts that add up to it. */
    public record Relation<K>(K total, List<K> parts) {
        public Relation {
            parts = List.copyOf(parts);
        }

        List<K> members() {
            List<K> all = new ArrayList<>(parts);
            all.add(0, total);
            return all;
        }
    }

    private final Map<K, Integer> values;
    private final List<Relation<K>> relations;

    public Suppression(Map<K, Integer> values, List<Relation<K>> relations) {
        this.values = Map.copyOf(values);
        this.relations = List.copyOf(relations);
        for (Relation<K> r : relations) {
            for (K member : r.members()) {
                if (!values.containsKey(member)) {
                    throw new IllegalArgumentException("a relation names a cell without a value: " + member);
                }
            }
        }
    }

    /** Which cells are shown and which not, and why. */
    public Map<K, Cell.Status> apply() {
        Map<K, Cell.Status> status = new HashMap<>();
        values.forEach((k, v) -> status.put(k, v < THRESHOLD ? Cell.Status.FEWER_THAN_5 : Cell.Status.SHOWN));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Relation<K> relation : relations) {
                List<K> hidden = relation.members().stream().filter(k -> status.get(k) != Cell.Status.SHOWN).toList();
                if (hidden.isEmpty()) {
                    continue;
                }
                if (hidden.size() == 1 || pinsSmallParts(relation, hidden, status)) {
                    changed |= withholdOneMore(relation, status);
                }
            }
            if (!changed) {
                for (K pinned : audit(status)) {
                    Optional<Relation<K>> widen = relations.stream().filter(r -> r.members().contains(pinned))
                            .filter(r -> r.members().stream().anyMatch(k -> status.get(k) == Cell.Status.SHOWN))
                            .min(Comparator.comparing(r -> r.members().stream().filter(k -> status.get(k) != Cell.Status.SHOWN).count()));
                    if (widen.isPresent() && withholdOneMore(widen.get(), status)) {
                        changed = true;
                        break;
                    }
                }
            }
        }
        return status;
    }

    /**
     * Whether the total is shown and every hidden member is a part below the threshold whose
     * known sum pins them all (h hidden parts summing to 4h are all 4).
     */
    private boolean pinsSmallParts(Relation<K> relation, List<K> hidden, Map<K, Cell.Status> status) {
        if (status.get(relation.total()) != Cell.Status.SHOWN || hidden.stream().anyMatch(k -> values.get(k) >= THRESHOLD)) {
            return false;
        }
        int sum = hidden.stream().mapToInt(values::get).sum();
        return sum > 0 && sum >= (THRESHOLD - 1) * hidden.size();
    }

    /** Withholds the smallest shown part of a relation, or its total if no part is shown; false if none was shown. */
    private boolean withholdOneMore(Relation<K> relation, Map<K, Cell.Status> status) {
        Optional<K> next = relation.parts().stream().filter(k -> status.get(k) == Cell.Status.SHOWN)
                .min(Comparator.comparing(values::get));
        K withheld = next.orElse(relation.total());
        if (status.get(withheld) != Cell.Status.SHOWN) {
            return false;
        }
        status.put(withheld, Cell.Status.WITHHELD);
        return true;
    }

    /**
     * The hidden counts of 1 to 4 that a reader who knows this rule could pin to one value, by
     * narrowing each cell's range through every relation until nothing changes (shown cells are
     * exact, "fewer than 5" is 0 to 4, "withheld" is 5 or more).
     */
    List<K> audit(Map<K, Cell.Status> status) {
        long big = values.values().stream().mapToLong(Integer::longValue).sum() + THRESHOLD;
        Map<K, long[]> range = new HashMap<>();
        values.forEach((k, v) -> range.put(k, switch (status.get(k)) {
            case SHOWN -> new long[] {v, v};
            case FEWER_THAN_5 -> new long[] {0, THRESHOLD - 1};
            case WITHHELD -> new long[] {THRESHOLD, big};
        }));
        boolean narrowed = true;
        while (narrowed) {
            narrowed = false;
            for (Relation<K> r : relations) {
                long lo = 0;
                long hi = 0;
                for (K p : r.parts()) {
                    lo += range.get(p)[0];
                    hi += range.get(p)[1];
                }
                long[] t = range.get(r.total());
                narrowed |= narrow(t, lo, hi);
                for (K p : r.parts()) {
                    long[] pr = range.get(p);
                    narrowed |= narrow(pr, t[0] - (hi - pr[1]), t[1] - (lo - pr[0]));
                }
            }
        }
        List<K> pinned = new ArrayList<>();
        values.forEach((k, v) -> {
            long[] r = range.get(k);
            if (v > 0 && v < THRESHOLD && r[0] >= r[1]) {
                pinned.add(k);
            }
        });
        return pinned;
    }

    private static boolean narrow(long[] range, long lo, long hi) {
        boolean changed = false;
        if (lo > range[0]) {
            range[0] = lo;
            changed = true;
        }
        if (hi < range[1]) {
            range[1] = hi;
            changed = true;
        }
        return changed;
    }

    /** The cells, each with its value if shown. */
    public Map<K, Cell> cells() {
        Map<K, Cell> cells = new HashMap<>();
        apply().forEach((k, s) -> cells.put(k, s == Cell.Status.SHOWN ? Cell.shown(values.get(k)) : Cell.suppressed(s)));
        return cells;
    }
}
