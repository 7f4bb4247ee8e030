package org.candor.portal.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ItemReadersTest {

    private static final ItemReaders SHARED = new ItemReaders(true, false);
    private static final ItemReaders INTERNAL = new ItemReaders(false, false);
    private static final ItemReaders OVERSIGHT = new ItemReaders(true, true);

    @Test
    void aFileIsReadByWhoeverReadsTheReportOrMessageItCameWith() {
        List<ItemReaders> readers = ItemReaders.of(List.of(ItemKind.REPORT, ItemKind.ATTACHMENT,
                ItemKind.INTERNAL_NOTE, ItemKind.ATTACHMENT, ItemKind.ATTACHMENT, ItemKind.INVESTIGATOR_REPLY,
                ItemKind.ATTACHMENT, ItemKind.APPEAL, ItemKind.ATTACHMENT));
        assertEquals(List.of(SHARED, SHARED, INTERNAL, INTERNAL, INTERNAL, SHARED, SHARED, OVERSIGHT, OVERSIGHT),
                readers);
    }

    @Test
    void anInternalNoteNeverReachesTheWhistleblowerAndOversightReadsOnlyAppealsDecisionsAndGrounds() {
        List<ItemReaders> readers = ItemReaders.of(List.of(ItemKind.REPORT, ItemKind.WHISTLEBLOWER_MESSAGE,
                ItemKind.INTERNAL_NOTE, ItemKind.OUTCOME_GROUNDS, ItemKind.APPEAL, ItemKind.APPEAL_DECISION));
        assertEquals(List.of(SHARED, SHARED, INTERNAL, OVERSIGHT, OVERSIGHT, OVERSIGHT), readers);
    }

    @Test
    void aFileWithoutAnythingBeforeItIsRefusedRatherThanGuessed() {
        assertThrows(IllegalStateException.class, () -> ItemReaders.of(List.of(ItemKind.ATTACHMENT)));
    }
}
