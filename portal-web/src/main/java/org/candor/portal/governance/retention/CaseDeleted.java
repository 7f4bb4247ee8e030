package org.candor.portal.governance.retention;

import java.util.Objects;
import java.util.UUID;

/**
 * A CDI event fired after a case's deletion committed and its blobs were removed: whoever keeps
 * something about the case elsewhere (the desk's search index) observes it and removes that too
 * (docs/design.md property 9). Observers run outside the deleting transaction; the case is gone.
 */
public record CaseDeleted(UUID caseId) {

    public CaseDeleted {
        Objects.requireNonNull(caseId, "caseId");
    }
}
