package org.candor.portal.governance.transparency;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.candor.portal.casefile.CaseFactsQuery;
import org.candor.portal.casefile.Deadlines;

/**
 * What the transparency figures need to know of one case, and no more: no case id, no exact day,
 * no contents. Live cases give these from their rows; a deleted case leaves them behind as a
 * {@code case_stats} row written in the deleting transaction, so that deleting a case never
 * changes the figures of the period it was received in.
 *
 * @param daysToAcknowledge from receipt to acknowledgement, if acknowledged
 * @param acknowledgedInTime acknowledged within 7 days of receipt
 * @param daysToFeedback    from receipt to conclusion (the feedback with its grounds), if concluded
 * @param feedbackInTime    concluded within 3 months of the acknowledgement (Deadlines)
 * @param outcome           the outcome's kind if concluded, else empty
 * @param appealState       PENDING or DECIDED if an appeal was filed, else empty
 * @param appealDecision    the decision's kind if decided, else empty
 * @param deletedIn         the quarter the case was deleted in, if it was
 */
public record CaseFacts(UUID channelId, Quarter receivedIn, Optional<Integer> daysToAcknowledge,
        boolean acknowledgedInTime, Optional<Integer> daysToFeedback, boolean feedbackInTime, Optional<String> outcome,
        Optional<String> appealState, Optional<String> appealDecision, Optional<Quarter> deletedIn) {

    public CaseFacts {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(receivedIn, "receivedIn");
    }

    /** The facts of a case from its coarse dates. */
    public static CaseFacts of(UUID channelId, LocalDate receivedOn, Optional<LocalDate> acknowledgedOn,
            Optional<LocalDate> concludedOn, Optional<String> outcome, Optional<String> appealState,
            Optional<String> appealDecision) {
        Deadlines deadlines = new Deadlines(receivedOn, acknowledgedOn);
        Optional<Integer> toAcknowledge = acknowledgedOn.map(d -> (int) ChronoUnit.DAYS.between(receivedOn, d));
        boolean acknowledgedInTime = acknowledgedOn.filter(d -> !d.isAfter(deadlines.acknowledgeBy())).isPresent();
        Optional<Integer> toFeedback = concludedOn.map(d -> (int) ChronoUnit.DAYS.between(receivedOn, d));
        boolean feedbackInTime = concludedOn.filter(d -> !d.isAfter(deadlines.feedbackBy())).isPresent();
        return new CaseFacts(channelId, Quarter.of(receivedOn), toAcknowledge, acknowledgedInTime, toFeedback,
                feedbackInTime, outcome, appealState, appealDecision, Optional.empty());
    }

    /** The facts of a live case as the case core reads them. */
    public static CaseFacts of(CaseFactsQuery.Facts live) {
        return of(live.channelId(), live.receivedOn(), live.acknowledgedOn(), live.concludedOn(), live.outcome(),
                live.appealState(), live.appealDecision());
    }

    /** The same facts, without a deletion (one after the period shown). */
    public CaseFacts notDeleted() {
        return new CaseFacts(channelId, receivedIn, daysToAcknowledge, acknowledgedInTime, daysToFeedback, feedbackInTime,
                outcome, appealState, appealDecision, Optional.empty());
    }

    /** The same facts, for a case deleted in a quarter. */
    public CaseFacts deletedIn(Quarter quarter) {
        return new CaseFacts(channelId, receivedIn, daysToAcknowledge, acknowledgedInTime, daysToFeedback, feedbackInTime,
                outcome, appealState, appealDecision, Optional.of(quarter));
    }
}
