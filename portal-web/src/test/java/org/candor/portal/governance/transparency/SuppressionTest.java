package org.candor.portal.governance.transparency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Suppression, checked by an adversary who knows the rule: it starts from the shown values, 0..4
 * for "fewer than 5" and at least 5 for "withheld", and narrows every hidden cell through every
 * relation until nothing changes. No count of 1 to 4 may end up pinned to one value.
 */
class SuppressionTest {

    static final int BIG = 1_000_000;

    /** What an adversary can work out: the range of each cell. */
    static <K> Map<K, int[]> attack(Map<K, Integer> values, List<Suppression.Relation<K>> relations, Map<K, Cell.Status> status) {
        Map<K, int[]> range = new HashMap<>();
        values.forEach((k, v) -> range.put(k, switch (status.get(k)) {
            case SHOWN -> new int[] {v, v};
            case FEWER_THAN_5 -> new int[] {0, Suppression.THRESHOLD - 1};
            case WITHHELD -> new int[] {Suppression.THRESHOLD, BIG};
        }));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Suppression.Relation<K> r : relations) {
                int[] t = range.get(r.total());
                long lo = 0;
                long hi = 0;
                for (K p : r.parts()) {
                    lo += range.get(p)[0];
                    hi += range.get(p)[1];
                }
                changed |= narrow(t, lo, hi);
                for (K p : r.parts()) {
                    int[] pr = range.get(p);
                    long othersLo = 0;
                    long othersHi = 0;
                    for (K o : r.parts()) {
                        if (o != p) {
                            othersLo += range.get(o)[0];
                            othersHi += range.get(o)[1];
                        }
                    }
                    changed |= narrow(pr, t[0] - othersHi, t[1] - othersLo);
                }
            }
        }
        return range;
    }

    private static boolean narrow(int[] range, long lo, long hi) {
        boolean changed = false;
        if (lo > range[0]) {
            range[0] = (int) Math.min(lo, BIG);
            changed = true;
        }
        if (hi < range[1]) {
            range[1] = (int) Math.max(hi, 0);
            changed = true;
        }
        return changed;
    }

    static <K> void assertNoSmallCountDerivable(Map<K, Integer> values, List<Suppression.Relation<K>> relations,
            Map<K, Cell.Status> status) {
        Map<K, int[]> range = attack(values, relations, status);
        values.forEach((k, v) -> {
            if (v > 0 && v < Suppression.THRESHOLD) {
                assertNotEquals(Cell.Status.SHOWN, status.get(k), "a small count is shown: " + k);
                int[] r = range.get(k);
                assertTrue(r[1] > r[0], "the hidden count " + k + " = " + v + " can be worked out: " + r[0] + ".." + r[1]);
            }
        });
    }

    @Test
    void aSmallCountShowsAsFewerThanFiveAndItsOnlyPartnerIsWithheld() {
        Map<String, Integer> values = Map.of("total", 20, "a", 3, "b", 17);
        List<Suppression.Relation<String>> relations = List.of(new Suppression.Relation<>("total", List.of("a", "b")));
        Map<String, Cell.Status> status = new Suppression<>(values, relations).apply();
        assertEquals(Cell.Status.FEWER_THAN_5, status.get("a"));
        assertEquals(Cell.Status.WITHHELD, status.get("b"), "17 would give away 20 - 17 = 3");
        assertEquals(Cell.Status.SHOWN, status.get("total"));
        assertNoSmallCountDerivable(values, relations, status);
    }

    @Test
    void twoSmallCountsThatWouldSumToAKnownEightAreJoinedByALargerOne() {
        Map<String, Integer> values = Map.of("total", 30, "a", 4, "b", 4, "c", 10, "d", 12);
        List<Suppression.Relation<String>> relations = List.of(new Suppression.Relation<>("total", List.of("a", "b", "c", "d")));
        Map<String, Cell.Status> status = new Suppression<>(values, relations).apply();
        assertEquals(Cell.Status.WITHHELD, status.get("c"), "the smallest shown part is withheld");
        assertEquals(Cell.Status.SHOWN, status.get("d"));
        assertNoSmallCountDerivable(values, relations, status);
    }

    @Test
    void aTotalBelowFiveHidesEverythingBelowIt() {
        Map<String, Integer> values = Map.of("total", 3, "a", 1, "b", 2);
        List<Suppression.Relation<String>> relations = List.of(new Suppression.Relation<>("total", List.of("a", "b")));
        Map<String, Cell.Status> status = new Suppression<>(values, relations).apply();
        assertTrue(status.values().stream().allMatch(s -> s == Cell.Status.FEWER_THAN_5));
    }

    @Test
    void noHiddenSmallCountCanBeDerivedInRandomTablesWithRowAndColumnTotals() {
        Random random = new Random(20260101);
        for (int round = 0; round < 2000; round++) {
            int rows = 2 + random.nextInt(4);
            int cols = 2 + random.nextInt(4);
            Map<String, Integer> values = new HashMap<>();
            List<Suppression.Relation<String>> relations = new java.util.ArrayList<>();
            int grand = 0;
            int[] colSums = new int[cols];
            for (int r = 0; r < rows; r++) {
                int sum = 0;
                List<String> parts = new java.util.ArrayList<>();
                for (int c = 0; c < cols; c++) {
                    int v = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextInt(40);
                    values.put(r + ":" + c, v);
                    parts.add(r + ":" + c);
                    sum += v;
                    colSums[c] += v;
                }
                values.put(r + ":T", sum);
                relations.add(new Suppression.Relation<>(r + ":T", parts));
                grand += sum;
            }
            for (int c = 0; c < cols; c++) {
                values.put("T:" + c, colSums[c]);
                List<String> parts = new java.util.ArrayList<>();
                for (int r = 0; r < rows; r++) {
                    parts.add(r + ":" + c);
                }
                relations.add(new Suppression.Relation<>("T:" + c, parts));
            }
            values.put("T:T", grand);
            List<String> rowTotals = new java.util.ArrayList<>();
            List<String> colTotals = new java.util.ArrayList<>();
            for (int r = 0; r < rows; r++) {
                rowTotals.add(r + ":T");
            }
            for (int c = 0; c < cols; c++) {
                colTotals.add("T:" + c);
            }
            relations.add(new Suppression.Relation<>("T:T", rowTotals));
            relations.add(new Suppression.Relation<>("T:T", colTotals));
            Map<String, Cell.Status> status = new Suppression<>(values, relations).apply();
            assertNoSmallCountDerivable(values, relations, status);
        }
    }
}
