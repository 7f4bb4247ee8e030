package org.candor.portal.casefile;

import java.util.Objects;
import java.util.UUID;

/**
 * A CDI event: a case was made or items were appended to it, so features that keep derived
 * data (the desk's search index) can catch up. Fired by {@link CaseStore} after the rows were
 * written; observe it with {@code during = TransactionPhase.AFTER_SUCCESS} to see only what
 * committed. Carries the case id only, never contents.
 */
public record CaseItemsAdded(UUID caseId) {

    public CaseItemsAdded {
        Objects.requireNonNull(caseId, "caseId");
    }
}
