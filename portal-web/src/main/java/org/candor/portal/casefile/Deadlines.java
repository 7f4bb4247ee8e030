package org.candor.portal.casefile;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The legal deadlines of a case (Directive 2019/1937 art. 9(1)(b) and (f)): acknowledge within
 * 7 days of receipt, and give feedback within 3 months of the acknowledgement (or, when no
 * acknowledgement was sent, of the end of the 7 days). Dates are days, never times: that is all
 * the law asks, and all the portal keeps (DESIGN.md property 6).
 */
public record Deadlines(LocalDate received, Optional<LocalDate> acknowledged) {

    /** Days allowed to acknowledge a report. */
    public static final int ACKNOWLEDGE_WITHIN_DAYS = 7;
    /** Months allowed to give feedback after acknowledging. */
    public static final int FEEDBACK_WITHIN_MONTHS = 3;

    public Deadlines {
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(acknowledged, "acknowledged");
        if (acknowledged.isPresent() && acknowledged.get().isBefore(received)) {
            throw new IllegalArgumentException("a case cannot be acknowledged before it was received");
        }
    }

    /** The deadlines of a case received on a day and not yet acknowledged. */
    public static Deadlines receivedOn(LocalDate received) {
        return new Deadlines(received, Optional.empty());
    }

    /** The last day on which the acknowledgement is on time. */
    public LocalDate acknowledgeBy() {
        return received.plusDays(ACKNOWLEDGE_WITHIN_DAYS);
    }

    /** The last day on which feedback is on time. */
    public LocalDate feedbackBy() {
        return acknowledged.orElse(acknowledgeBy()).plusMonths(FEEDBACK_WITHIN_MONTHS);
    }

    /** Whether the acknowledgement is late on the given day. */
    public boolean acknowledgementOverdue(LocalDate today) {
        return acknowledged.map(day -> day.isAfter(acknowledgeBy())).orElse(today.isAfter(acknowledgeBy()));
    }
}
