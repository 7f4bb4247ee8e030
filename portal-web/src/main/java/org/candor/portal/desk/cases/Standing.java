package org.candor.portal.desk.cases;

import java.time.LocalDate;
import java.util.Optional;
import org.candor.portal.casefile.CaseStatus;
import org.candor.portal.casefile.Deadlines;

/**
 * Where a case stands against its next legal deadline: overdue, due soon (within
 * {@value #SOON_DAYS} days), on time, or without a deadline (concluded). The next deadline is the
 * acknowledgement (7 days after receipt) while a case is received, and the feedback (3 months after
 * acknowledgement) until it is concluded.
 */
public enum Standing {
    OVERDUE, DUE_SOON, ON_TIME, NONE;

    /** Days before a deadline from which a case counts as due soon. */
    public static final int SOON_DAYS = 7;

    /** The next deadline of a case in a status, if it has one. */
    public static Optional<LocalDate> nextDue(CaseStatus status, Deadlines deadlines) {
        return switch (status) {
            case RECEIVED -> Optional.of(deadlines.acknowledgeBy());
            case ACKNOWLEDGED, IN_ASSESSMENT, IN_INVESTIGATION -> Optional.of(deadlines.feedbackBy());
            case CONCLUDED -> Optional.empty();
        };
    }

    /** The standing of a deadline on a day: the deadline day itself is still on time. */
    public static Standing of(Optional<LocalDate> due, LocalDate today) {
        if (due.isEmpty()) {
            return NONE;
        }
        if (today.isAfter(due.get())) {
            return OVERDUE;
        }
        return today.plusDays(SOON_DAYS).isBefore(due.get()) ? ON_TIME : DUE_SOON;
    }
}
