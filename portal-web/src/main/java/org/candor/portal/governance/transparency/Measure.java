package org.candor.portal.governance.transparency;

/**
 * The counts the transparency page publishes for a period and a channel. The complements
 * (not acknowledged in time, not concluded, appeal pending) are published too: they follow from
 * the others anyway, so suppression must treat them as cells of their own.
 */
public enum Measure {
    RECEIVED("received"),
    ACKNOWLEDGED_IN_TIME("acknowledgedWithin7Days"),
    NOT_ACKNOWLEDGED_IN_TIME("notAcknowledgedWithin7Days"),
    FEEDBACK_IN_TIME("feedbackWithin3Months"),
    NO_FEEDBACK_IN_TIME("noFeedbackWithin3Months"),
    SUBSTANTIATED("outcomeSubstantiated"),
    UNSUBSTANTIATED("outcomeUnsubstantiated"),
    REFERRED("outcomeReferred"),
    NOT_CONCLUDED("notConcluded"),
    APPEALS_FILED("appealsFiled"),
    APPEAL_UPHELD("appealsUpheld"),
    APPEAL_PARTLY_UPHELD("appealsPartlyUpheld"),
    APPEAL_REJECTED("appealsRejected"),
    APPEAL_PENDING("appealsPending"),
    DELETED("deletedUnderRetention");

    private final String key;

    Measure(String key) {
        this.key = key;
    }

    /** The name in downloads and the suffix of its message keys. */
    public String key() {
        return key;
    }
}
