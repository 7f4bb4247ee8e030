package org.candor.portal.governance.retention;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What a whistleblower is told about how long their report is kept. Neutral on purpose: an
 * extension and a legal hold read the same ({@link Kind#KEPT_LONGER}), with no reason and no date,
 * so that the notice reveals nothing about proceedings.
 *
 * @param kind          which text to show
 * @param retentionDays the channel's period
 * @param deleteOn      the expected deletion day, for {@link Kind#SCHEDULED} only
 */
public record RetentionNotice(Kind kind, int retentionDays, Optional<LocalDate> deleteOn) {

    /** The notices there are. */
    public enum Kind {
        /** Not concluded: kept for the period after the last activity. */
        UNTIL_INACTIVE,
        /** Concluded: deleted on a known day. */
        SCHEDULED,
        /** Kept beyond the usual period (an extension or a hold, not said which). */
        KEPT_LONGER
    }

    /** The notice for a case under a rule. */
    public static RetentionNotice of(RetentionRule rule) {
        if (rule.held() || rule.extended()) {
            return new RetentionNotice(Kind.KEPT_LONGER, rule.retentionDays(), Optional.empty());
        }
        if (rule.concludedOn().isEmpty()) {
            return new RetentionNotice(Kind.UNTIL_INACTIVE, rule.retentionDays(), Optional.empty());
        }
        return new RetentionNotice(Kind.SCHEDULED, rule.retentionDays(), Optional.of(rule.deleteOn()));
    }

    /** The message key of the notice's text. */
    public String messageKey() {
        return switch (kind) {
            case UNTIL_INACTIVE -> "retention.notice.untilInactive";
            case SCHEDULED -> "retention.notice.scheduled";
            case KEPT_LONGER -> "retention.notice.keptLonger";
        };
    }
}
