package org.candor.portal.appeal;

import java.time.LocalDate;
import java.util.Optional;
import org.candor.portal.casefile.CaseFile;
import org.candor.portal.casefile.CaseStatus;
import org.candor.portal.casefile.Deadlines;

/**
 * Why a whistleblower may ask for redress now (Directive 2019/1937 art. 9 deadlines, ISO 37002
 * review): the case was concluded, or it was not acknowledged in time, or no outcome came
 * within the feedback deadline.
 */
public enum AppealGround {
    CONCLUDED,
    NOT_ACKNOWLEDGED_IN_TIME,
    NO_FEEDBACK_IN_TIME;

    /** The ground on which a case may be appealed on a day, if any (before any appeal was filed). */
    public static Optional<AppealGround> of(CaseFile caseFile, LocalDate today) {
        if (caseFile.status() == CaseStatus.CONCLUDED) {
            return Optional.of(CONCLUDED);
        }
        Deadlines deadlines = caseFile.deadlines();
        if (caseFile.acknowledgedOn().isEmpty() && today.isAfter(deadlines.acknowledgeBy())) {
            return Optional.of(NOT_ACKNOWLEDGED_IN_TIME);
        }
        if (today.isAfter(deadlines.feedbackBy())) {
            return Optional.of(NO_FEEDBACK_IN_TIME);
        }
        return Optional.empty();
    }
}
