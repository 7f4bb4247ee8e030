package org.candor.portal.contact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.candor.portal.appeal.Appeal;
import org.candor.portal.appeal.AppealGround;
import org.candor.portal.casefile.CaseFile;
import org.candor.portal.casefile.CaseStatus;
import org.candor.portal.casefile.Deadlines;
import org.candor.portal.casefile.ItemKind;

/**
 * The status page's values: the status in words (by key), the timeline, the two legal deadlines
 * and whether each was met, the outcome with its grounds, and the appeal's state. The grounds are
 * sealed items: the plain path adds them after opening the conversation on the server
 * ({@link #withGrounds}); with JavaScript the browser decrypts them and the view carries none.
 *
 * @param acknowledgement whether the acknowledgement deadline was {@code met}, {@code late}, is {@code open} or {@code overdue}
 * @param feedback        the same for the feedback deadline
 * @param outcomeGrounds  the text of the last outcome grounds; empty if there are none, null if they could not be read
 * @param decisionGrounds the same for the appeal decision
 */
public record StatusView(String status, List<Step> timeline, LocalDate acknowledgeBy, String acknowledgement,
        LocalDate feedbackBy, String feedback, String outcome, String outcomeGrounds, String appealState,
        String appealGround, LocalDate appealFiledOn, String decision, LocalDate decidedOn, String decisionGrounds) {

    /** The sealed items whose texts the status page shows: the last of each kind. */
    public static final Set<ItemKind> GROUNDS = Set.of(ItemKind.OUTCOME_GROUNDS, ItemKind.APPEAL_DECISION);

    /** A step of the case's life: its status key and the day it happened, if it did. */
    public record Step(String status, LocalDate day) {
    }

    /** The view of a case on a day, without the sealed grounds. */
    public static StatusView of(CaseFile c, LocalDate today, Optional<Appeal> appeal) {
        // as Appeals.mayFile: one appeal per case, on the ground the case gives today
        Optional<AppealGround> mayAppeal = appeal.isEmpty() ? AppealGround.of(c, today) : Optional.empty();
        List<Step> timeline = new ArrayList<>();
        timeline.add(new Step(CaseStatus.RECEIVED.name(), c.receivedOn()));
        c.acknowledgedOn().ifPresent(d -> timeline.add(new Step(CaseStatus.ACKNOWLEDGED.name(), d)));
        c.assessmentOn().ifPresent(d -> timeline.add(new Step(CaseStatus.IN_ASSESSMENT.name(), d)));
        c.investigationOn().ifPresent(d -> timeline.add(new Step(CaseStatus.IN_INVESTIGATION.name(), d)));
        c.concludedOn().ifPresent(d -> timeline.add(new Step(CaseStatus.CONCLUDED.name(), d)));
        Deadlines deadlines = c.deadlines();
        String acknowledgement = c.acknowledgedOn()
                .map(d -> d.isAfter(deadlines.acknowledgeBy()) ? "late" : "met")
                .orElse(today.isAfter(deadlines.acknowledgeBy()) ? "overdue" : "open");
        String feedback = c.concludedOn()
                .map(d -> d.isAfter(deadlines.feedbackBy()) ? "late" : "met")
                .orElse(today.isAfter(deadlines.feedbackBy()) ? "overdue" : "open");
        String appealState = appeal.map(a -> a.isPending() ? "pending" : "decided")
                .orElse(mayAppeal.isPresent() ? "allowed" : "notYet");
        return new StatusView(c.status().name(), timeline, deadlines.acknowledgeBy(), acknowledgement,
                deadlines.feedbackBy(), feedback,
                c.outcome().map(Enum::name).orElse(""),
                "",
                appealState,
                mayAppeal.map(Enum::name).orElse(""),
                appeal.map(Appeal::filedOn).orElse(null),
                appeal.flatMap(Appeal::decision).map(Enum::name).orElse(""),
                appeal.flatMap(Appeal::decidedOn).orElse(null),
                "");
    }

    /**
     * This view with the grounds of the outcome and of the appeal decision, from the conversation
     * opened on the server (enough: {@link Conversation#openLast} of {@link #GROUNDS}).
     */
    public StatusView withGrounds(Conversation.Opened opened) {
        return new StatusView(status, timeline, acknowledgeBy, acknowledgement, feedbackBy, feedback, outcome,
                grounds(opened, ItemKind.OUTCOME_GROUNDS), appealState, appealGround, appealFiledOn, decision, decidedOn,
                grounds(opened, ItemKind.APPEAL_DECISION));
    }

    private static String grounds(Conversation.Opened opened, ItemKind kind) {
        Optional<Conversation.Entry> last = opened.last(kind);
        if (last.isEmpty()) {
            return "";
        }
        return last.get().readable() ? last.get().text() : null;
    }

    @Override
    public String toString() {
        return "StatusView[" + status + ", appeal " + appealState + "]";
    }
}
