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
 * information lost), or the total if no part is shown. A count of 1 to 4 then always keeps at
 * least two possible values, whatever combination of relations is used; a zero may still be
 * recognised as zero, which discloses no report.
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
                boolean totalShown = status.get(relation.total()) == Cell.Status.SHOWN;
                boolean onlySmallPartsHidden = totalShown
                        && hidden.stream().allMatch(k -> values.get(k) < THRESHOLD);
                if (hidden.size() == 1 || onlySmallPartsHidden) {
                    Optional<K> next = relation.parts().stream().filter(k -> status.get(k) == Cell.Status.SHOWN)
                            .min(Comparator.comparing(values::get));
                    K withheld = next.orElse(relation.total());
                    if (status.get(withheld) == Cell.Status.SHOWN) {
                        status.put(withheld, Cell.Status.WITHHELD);
                        changed = true;
                    }
                }
            }
        }
        return status;
    }

    /** The cells, each with its value if shown. */
    public Map<K, Cell> cells() {
        Map<K, Cell> cells = new HashMap<>();
        apply().forEach((k, s) -> cells.put(k, s == Cell.Status.SHOWN ? Cell.shown(values.get(k)) : Cell.suppressed(s)));
        return cells;
    }
}
