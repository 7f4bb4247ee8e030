package org.candor.portal.casefile;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands in its lifecycle (EU Directive 2019/1937, ISO 37002): received,
 * acknowledged, in assessment, in investigation, concluded. Each status knows the statuses
 * that may follow it. A case only moves forward; it may be concluded straight after
 * acknowledgement or assessment (for example when it is referred elsewhere).
 */
public enum CaseStatus {
    RECEIVED,
    ACKNOWLEDGED,
    IN_ASSESSMENT,
    IN_INVESTIGATION,
    CONCLUDED;

    /** The statuses a case in this status may move to. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(ACKNOWLEDGED);
            case ACKNOWLEDGED -> EnumSet.of(IN_ASSESSMENT, CONCLUDED);
            case IN_ASSESSMENT -> EnumSet.of(IN_INVESTIGATION, CONCLUDED);
            case IN_INVESTIGATION -> EnumSet.of(CONCLUDED);
            case CONCLUDED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    /** Whether a case may move from this status to the other. */
    public boolean mayMoveTo(CaseStatus other) {
        return next().contains(other);
    }
}
