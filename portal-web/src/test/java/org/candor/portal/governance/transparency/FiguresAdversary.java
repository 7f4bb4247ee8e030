package org.candor.portal.governance.transparency;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Attacks published figures with {@link SuppressionTest#attack} over every relation Figures documents. */
final class FiguresAdversary {

    private FiguresAdversary() {
    }

    static void assertNoSmallCountDerivable(List<CaseFacts> facts, List<Figures.Channel> channels, Quarter current) {
        Figures figures = Figures.compute(facts, channels, current);
        Set<java.util.UUID> ids = channels.stream().map(Figures.Channel::id).collect(Collectors.toSet());
        List<CaseFacts> published = facts.stream().filter(f -> ids.contains(f.channelId())).toList();
        Optional<Quarter> first = published.stream().map(CaseFacts::receivedIn).min(Quarter::compareTo);
        Figures.Inputs inputs = Figures.inputs(published, channels,
                Figures.periods(first.orElseThrow(), current));
        Map<Figures.Key, Cell.Status> shown = new HashMap<>();
        for (Figures.Row row : figures.rows()) {
            row.counts().forEach((m, cell) -> shown.put(new Figures.Key(row.period(), row.channel().id(), m), cell.status()));
        }
        // Periods with deletions only may start earlier; they are not in this history.
        Map<Figures.Key, Integer> values = new HashMap<>(inputs.values());
        values.keySet().retainAll(shown.keySet());
        SuppressionTest.assertNoSmallCountDerivable(values, inputs.relations(), shown);
    }
}
