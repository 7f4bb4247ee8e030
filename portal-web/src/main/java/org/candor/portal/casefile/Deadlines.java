package org.candor.portal.casefile;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The legal deadlines of a case (Directive 2019/1937 art. 9(1)(b) and (f)): acknowledge within
 * 7 days of receipt, and give feedback within 3 months of the acknowledgement (or, when no
 * acknowledgement was sent, of the end of the 7 days). Dates are days, never times: that is all
 * the law asks, and all the portal keeps (docs/design.md property 6).
 *
 * <p>{@link #next(CaseStatus)} is the one rule for the deadline a case has pending; the case keeps
 * its result as a stored, indexed column ({@code case_file.next_deadline_on}) so that the desk's
 * list sorts and filters on it without computing it per row (docs/benchmarks.md, "Case list").
 * Migration V10 computes the same rule in SQL once, for cases stored before the column existed.
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

    /**
     * The deadline pending for a case in a status: the acknowledgement while it is received, the
     * feedback from acknowledgement until conclusion, none once concluded.
     */
    public Optional<LocalDate> next(CaseStatus status) {
        return switch (status) {
            case RECEIVED -> Optional.of(acknowledgeBy());
            case ACKNOWLEDGED, IN_ASSESSMENT, IN_INVESTIGATION -> Optional.of(feedbackBy());
            case CONCLUDED -> Optional.empty();
        };
    }

    /** Whether the acknowledgement is late on the given day. */
    public boolean acknowledgementOverdue(LocalDate today) {
        return acknowledged.map(day -> day.isAfter(acknowledgeBy())).orElse(today.isAfter(acknowledgeBy()));
    }
}
