package org.candor.portal.oversight.appeals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.candor.crypto.UnlockedKey;
import org.candor.portal.appeal.Appeal;
import org.candor.portal.appeal.AppealDecision;
import org.candor.portal.appeal.Appeals;
import org.candor.portal.audit.Actor;
import org.candor.portal.audit.AuditAction;
import org.candor.portal.audit.AuditEntry;
import org.candor.portal.audit.AuditEvent;
import org.candor.portal.audit.AuditLog;
import org.candor.portal.casefile.AppealedCasesQuery;
import org.candor.portal.casefile.CaseFile;
import org.candor.portal.casefile.CaseItem;
import org.candor.portal.casefile.CaseMessages;
import org.candor.portal.casefile.CaseRepository;
import org.candor.portal.casefile.ItemKind;
import org.candor.portal.casefile.MessageContents;
import org.candor.portal.channel.Problem;
import org.candor.portal.staff.key.UnlockedKeyHolder;
import org.candor.portal.staff.session.SignedInStaff;

/**
 * What oversight does with appeals: lists them (metadata only, pending first), shows one with the
 * case's timeline, opens the appeal's reasons and the outcome's grounds with the member's
 * unlocked key, and records a decision with its grounds.
 *
 * <p>Least knowledge (docs/design.md property 8 and the role's promise "never report contents"): the
 * list and the timeline come from workflow metadata and the audit log only. The only sealed items
 * an oversight member can open are those sealed to their key: the appeal's reasons and the
 * decision (sealed to oversight by {@link Appeals}) and the outcome's grounds (sealed to oversight
 * by the desk when it concludes). The report, the conversation, the notes and the files stay
 * closed to oversight. Each opening is audited as {@link AuditAction#CASE_CONTENTS_OPENED} with
 * {@code part=appeal}, and each decision as {@link AuditAction#APPEAL_DECIDED}, in the transaction
 * that records it.
 */
@ApplicationScoped
public class AppealReview {

    /** Rows per page of the list. */
    public static final int PAGE_SIZE = 50;
    /** Longest grounds of a decision, in characters. */
    public static final int MAX_GROUNDS = 20_000;

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    @Inject
    Appeals appeals;

    @Inject
    CaseRepository cases;

    @Inject
    AppealedCasesQuery appealed;

    @Inject
    CaseMessages messages;

    @Inject
    UnlockedKeyHolder unlocked;

    @Inject
    AuditLog audit;

    /** One page of the list. */
    public record Listing(List<AppealedCasesQuery.Row> rows, long total, int page, int pages) {
    }

    /** A step of the case's timeline, from the audit log: the day, the action and what changed. */
    public record Step(LocalDate on, String action, String change) {
    }

    /** A sealed text opened for oversight; {@code readable} false when it is not sealed to this key or is damaged. */
    public record Opened(ItemKind kind, LocalDate on, boolean readable, String text, List<String> files) {
        @Override
        public String toString() {
            return "Opened[" + kind + ", " + on + "]";
        }
    }

    /** Pending appeals first (oldest filed first, as they wait longest), then decided ones, newest decision first. */
    @Transactional
    public Listing list(int page) {
        long total = ((Number) em.createNativeQuery("select count(*) from appeal").getSingleResult()).longValue();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(1, page), pages);
        List<AppealedCasesQuery.Row> rows = appealed.page((shown - 1) * PAGE_SIZE, PAGE_SIZE);
        return new Listing(rows, total, shown, pages);
    }

    /** The case an appeal was filed against; 404 when none was. */
    @Transactional
    public CaseFile appealed(UUID caseId) {
        if (appeals.of(caseId).isEmpty()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return cases.find(caseId).orElseThrow(jakarta.ws.rs.NotFoundException::new);
    }

    /** The appeal of a case; 404 when none was filed. */
    public Appeal appeal(UUID caseId) {
        return appeals.of(caseId).orElseThrow(jakarta.ws.rs.NotFoundException::new);
    }

    /** The case's status changes and appeal decisions as the audit log records them, oldest first. */
    @Transactional
    public List<Step> timeline(UUID caseId) {
        List<Step> steps = new ArrayList<>();
        for (AuditEntry e : em.createQuery("select e from AuditEntry e where e.subjectKind = 'case' and e.subjectId = :id"
                + " and e.action in ('CASE_STATUS_CHANGED', 'APPEAL_DECIDED', 'CASE_EXPORTED') order by e.seq",
                AuditEntry.class).setParameter("id", caseId.toString()).getResultList()) {
            String change = switch (e.action()) {
                case "CASE_STATUS_CHANGED" -> e.details().getOrDefault("from", "") + " → " + e.details().getOrDefault("to", "")
                        + (e.details().containsKey("outcome") ? " (" + e.details().get("outcome") + ")" : "");
                case "APPEAL_DECIDED" -> e.details().getOrDefault("decision", "");
                default -> "";
            };
            steps.add(new Step(e.recordedAt().atZone(ZoneOffset.UTC).toLocalDate(), e.action(), change));
        }
        return steps;
    }

    /** Whether this session holds an unlocked key. */
    public boolean isUnlocked() {
        return unlocked.key().isPresent();
    }

    /**
     * Opens, with the member's unlocked key, the appeal's reasons, the outcome's grounds and any
     * decision; records the opening. Empty when the key is locked (nothing opened, nothing recorded).
     */
    @Transactional
    public Optional<List<Opened>> open(SignedInStaff me, UUID caseId) {
        Optional<UnlockedKey> key = unlocked.key();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        appealed(caseId);
        List<Opened> opened = new ArrayList<>();
        for (CaseItem item : cases.items(caseId)) {
            if (item.kind() != ItemKind.APPEAL && item.kind() != ItemKind.OUTCOME_GROUNDS
                    && item.kind() != ItemKind.APPEAL_DECISION) {
                continue;
            }
            try {
                MessageContents m = messages.openMessage(item, key.get());
                opened.add(new Opened(item.kind(), item.createdOn(), true, m.text(),
                        m.attachments().stream().map(a -> a.name()).toList()));
            } catch (IOException | IllegalArgumentException notForThisKey) {
                opened.add(new Opened(item.kind(), item.createdOn(), false, "", List.of()));
            }
        }
        audit.record(AuditEvent.of(AuditAction.CASE_CONTENTS_OPENED, actor(me)).about("case", caseId)
                .with("part", "appeal").with("items", opened.size())
                .with("readable", opened.stream().filter(Opened::readable).count()));
        return Optional.of(opened);
    }

    /** The decision form cannot be accepted; the key names the message. */
    public static final class InvalidDecision extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        InvalidDecision(Problem problem) {
            super(problem.key());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** The appeal was decided already (a form sent twice, or by a colleague). */
    public static final class AlreadyDecided extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyDecided() {
            super("the appeal was decided already", null, false, false);
        }
    }

    /**
     * Records oversight's decision with its grounds (sealed to the whistleblower, the case's
     * investigators and oversight) and its audit entry, in one transaction.
     *
     * @throws InvalidDecision for a missing or unknown decision, or missing or too long grounds
     * @throws AlreadyDecided when the appeal is no longer pending
     */
    @Transactional(rollbackOn = Exception.class)
    public void decide(SignedInStaff me, UUID caseId, String decision, String grounds) throws IOException {
        appealed(caseId);
        AppealDecision kind;
        try {
            kind = AppealDecision.valueOf(decision == null ? "" : decision.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidDecision(Problem.of("appeals.decision.missing"));
        }
        String text = grounds == null ? "" : grounds.replace("\r\n", "\n").strip();
        if (text.isEmpty()) {
            throw new InvalidDecision(Problem.of("appeal.groundsRequired"));
        }
        if (text.length() > MAX_GROUNDS) {
            throw new InvalidDecision(Problem.of("appeals.grounds.tooLong", MAX_GROUNDS));
        }
        if (!appeal(caseId).isPending()) {
            throw new AlreadyDecided();
        }
        try {
            appeals.decide(caseId, kind, text, me.id());
        } catch (IllegalStateException decidedMeanwhile) {
            throw new AlreadyDecided();
        } catch (CaseMessages.Refused refused) {
            throw new InvalidDecision(refused.problem());
        }
        audit.record(AuditEvent.of(AuditAction.APPEAL_DECIDED, actor(me)).about("case", caseId)
                .with("decision", kind.name()));
    }

    private static Actor actor(SignedInStaff staff) {
        return Actor.staff(staff.id(), staff.username());
    }
}
