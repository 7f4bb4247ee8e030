package org.candor.portal.casefile;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who besides the case's investigators reads an item, and so who may even learn that it exists
 * (docs/design.md properties 5 and 6), by the rule its writer followed: the
 * whistleblower key for kinds shared with the whistleblower (never an internal note), and
 * oversight for appeals, their decisions and outcome grounds. A file ({@link ItemKind#ATTACHMENT})
 * has the readers of the report or message it came with, which is the nearest item before it:
 * the intake and {@code CaseMessages} store a report or message and then its files at the
 * following positions, in one transaction. So a file of an internal note is internal: the
 * whistleblower's pages and API list, count and serve only {@link #sharedWithWhistleblower} items,
 * and re-sealing after a grant follows the same rule.
 */
public record ItemReaders(boolean whistleblower, boolean oversight) {

    private static final Set<ItemKind> READ_BY_OVERSIGHT = EnumSet.of(ItemKind.APPEAL, ItemKind.APPEAL_DECISION,
            ItemKind.OUTCOME_GROUNDS);

    /** The readers of each item of a case, given the kinds in position order. */
    public static List<ItemReaders> of(List<ItemKind> kinds) {
        List<ItemReaders> readers = new ArrayList<>(kinds.size());
        ItemReaders carrier = null;
        for (ItemKind kind : kinds) {
            if (kind == ItemKind.ATTACHMENT) {
                if (carrier == null) {
                    throw new IllegalStateException("a file without a report or message before it");
                }
                readers.add(carrier);
            } else {
                carrier = new ItemReaders(kind.sharedWithWhistleblower(), READ_BY_OVERSIGHT.contains(kind));
                readers.add(carrier);
            }
        }
        return readers;
    }

    /** The items of a case (in position order) that the whistleblower reads, each judged by its parent's kind. */
    public static List<CaseItem> sharedWithWhistleblower(List<CaseItem> items) {
        List<ItemReaders> readers = of(items.stream().map(CaseItem::kind).toList());
        List<CaseItem> shared = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (readers.get(i).whistleblower()) {
                shared.add(items.get(i));
            }
        }
        return shared;
    }
}
