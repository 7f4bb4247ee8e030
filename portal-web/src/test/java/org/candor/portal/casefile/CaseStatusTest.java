package org.candor.portal.casefile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CaseStatusTest {

    @Test
    void followsTheLifecycleForwardOnly() {
        assertTrue(CaseStatus.RECEIVED.mayMoveTo(CaseStatus.ACKNOWLEDGED));
        assertTrue(CaseStatus.ACKNOWLEDGED.mayMoveTo(CaseStatus.IN_ASSESSMENT));
        assertTrue(CaseStatus.IN_ASSESSMENT.mayMoveTo(CaseStatus.IN_INVESTIGATION));
        assertTrue(CaseStatus.IN_INVESTIGATION.mayMoveTo(CaseStatus.CONCLUDED));
        assertTrue(CaseStatus.ACKNOWLEDGED.mayMoveTo(CaseStatus.CONCLUDED), "a report can be referred at once");

        assertFalse(CaseStatus.RECEIVED.mayMoveTo(CaseStatus.CONCLUDED), "never concluded unacknowledged");
        assertFalse(CaseStatus.IN_INVESTIGATION.mayMoveTo(CaseStatus.IN_ASSESSMENT));
        assertTrue(CaseStatus.CONCLUDED.next().isEmpty());
    }
}
