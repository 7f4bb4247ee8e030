package org.candor.portal.governance.retention;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * When a case is deleted (docs/design.md property 9). A case is kept for its channel's retention
 * period, counted from the day it was concluded, or from its last activity (a message, a status
 * change) if it was never concluded. It is deleted on the first day after that period, or after
 * the day an investigator extended it to, whichever is later. A legal hold or a pending appeal
 * keeps it however late that is.
 *
 * @param concludedOn    the day the case was concluded, if it was
 * @param lastActivityOn the last day something happened on the case
 * @param retentionDays  the channel's retention period, in days
 * @param extendedUntil  the last day an investigator decided to keep it, if they did
 * @param legalHold      whether a legal hold keeps it
 * @param appealPending  whether an appeal waits for oversight's decision
 */
public record RetentionRule(Optional<LocalDate> concludedOn, LocalDate lastActivityOn, int retentionDays,
        Optional<LocalDate> extendedUntil, boolean legalHold, boolean appealPending) {

    public RetentionRule {
        Objects.requireNonNull(concludedOn, "concludedOn");
        Objects.requireNonNull(lastActivityOn, "lastActivityOn");
        Objects.requireNonNull(extendedUntil, "extendedUntil");
        if (retentionDays <= 0) {
            throw new IllegalArgumentException("a retention period is at least a day");
        }
    }

    /** The day the period is counted from: the conclusion, or the last activity if never concluded. */
    public LocalDate countedFrom() {
        return concludedOn.orElse(lastActivityOn);
    }

    /** The day the case is due for deletion, holds aside: the day after the period or the extension ends. */
    public LocalDate deleteOn() {
        LocalDate byPeriod = countedFrom().plusDays(retentionDays);
        return extendedUntil.map(last -> last.plusDays(1)).filter(byPeriod::isBefore).orElse(byPeriod);
    }

    /** Whether something other than the date keeps the case: a legal hold or a pending appeal. */
    public boolean held() {
        return legalHold || appealPending;
    }

    /** Whether the case is to be deleted on the given day. */
    public boolean isDue(LocalDate today) {
        return !held() && !today.isBefore(deleteOn());
    }

    /** Whether an investigator kept it beyond the channel's period. */
    public boolean extended() {
        return extendedUntil.isPresent() && extendedUntil.get().plusDays(1).isAfter(countedFrom().plusDays(retentionDays));
    }

    /**
     * The first day a case counted from {@code countedFrom} is not yet due, read backwards: a case
     * whose period began on or before the returned day is due on {@code day} (for queries).
     */
    public static LocalDate lastCountedFromDueBy(LocalDate day, int retentionDays) {
        return day.minusDays(retentionDays);
    }
}
