package org.candor.portal.desk.cases;

import java.time.LocalDate;
import java.util.Optional;
import org.candor.portal.casefile.Deadlines;

/**
 * Where a case stands against its next legal deadline: overdue, due soon (within
 * {@value #SOON_DAYS} days), on time, or without a deadline (concluded). Which deadline is next is
 * {@link Deadlines#next}'s rule, kept on the case ({@code CaseFile.nextDeadline()}).
 */
public enum Standing {
    OVERDUE, DUE_SOON, ON_TIME, NONE;

    /** Days before a deadline from which a case counts as due soon. */
    public static final int SOON_DAYS = 7;

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
