package org.candor.portal.governance.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.candor.portal.appeal.Appeal;
import org.candor.portal.audit.Actor;
import org.candor.portal.audit.AuditAction;
import org.candor.portal.audit.AuditEvent;
import org.candor.portal.audit.AuditLog;
import org.candor.portal.blobstore.BlobId;
import org.candor.portal.casefile.CaseFactsQuery;
import org.candor.portal.casefile.CaseFile;
import org.candor.portal.casefile.CaseItem;
import org.candor.portal.casefile.CaseRemoval;
import org.candor.portal.governance.transparency.CaseFacts;
import org.candor.portal.governance.transparency.Quarter;

/**
 * Deletes one case in its own transaction, if it is still due when its row is locked
 * (docs/design.md property 9): its labels, appeal, items, recipients, retention decisions and the
 * case row itself, which holds the whistleblower key and the reply code's lookup handle, so the
 * code then opens nothing and is answered like any wrong code. In the same transaction it writes
 * the case's contents-free {@code case_stats} row and the audit tombstone (CASE_DELETED with the
 * case id, channel and quarters only).
 *
 * <p>It returns the blobs the items named; the caller removes them after the commit, so a
 * rolled-back deletion never loses ciphertext a live case still needs. A blob left behind by a
 * crash between the two is unreferenced and the sweep removes it.
 */
@ApplicationScoped
public class CaseDeletion {

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    @Inject
    CaseRetention retention;

    @Inject
    CaseRemoval removal;

    @Inject
    CaseFactsQuery caseFacts;

    @Inject
    AuditLog audit;

    /** What a deletion removed from the database; its blobs are still to go. */
    public record Deleted(UUID caseId, List<BlobId> blobs) {
    }

    /** Deletes the case if the rule says it is due on {@code today}; empty if it is not (or is gone). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Deleted> deleteIfDue(UUID caseId, LocalDate today) {
        if (!removal.lock(caseId)) {
            return Optional.empty();
        }
        Optional<CaseRetention.State> state = retention.state(caseId);
        if (state.isEmpty() || !state.get().rule().isDue(today)) {
            return Optional.empty();
        }
        CaseFactsQuery.Facts row = caseFacts.of(caseId).orElseThrow();
        Optional<LocalDate> concluded = row.concludedOn();
        CaseFacts facts = CaseFacts.of(row).deletedIn(Quarter.of(today));
        List<BlobId> blobIds = removal.blobsOf(caseId);
        writeStats(facts);
        removal.delete(caseId);
        forget(caseId);
        audit.record(AuditEvent.of(AuditAction.CASE_DELETED, Actor.system()).about("case", caseId)
                .with("channel", facts.channelId().toString())
                .with("received", facts.receivedIn().label())
                .with("concluded", concluded.map(d -> Quarter.of(d).label()).orElse("never"))
                .with("items", blobIds.size())
                .with("by", "retention"));
        return Optional.of(new Deleted(caseId, blobIds));
    }

    /** Drops the case from the persistence provider's shared cache, so no instance of it outlives the row here. */
    public void forget(UUID caseId) {
        var cache = em.getEntityManagerFactory().getCache();
        cache.evict(CaseFile.class, caseId);
        cache.evict(Appeal.class, caseId);
        cache.evict(CaseItem.class);
    }

    private void writeStats(CaseFacts facts) {
        em.createNativeQuery("insert into case_stats (id, channel_id, received_quarter, days_to_acknowledge,"
                        + " acknowledged_in_time, days_to_feedback, feedback_in_time, outcome, appeal_state, appeal_decision,"
                        + " deleted_quarter) values (cast(?1 as uuid), cast(?2 as uuid), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                .setParameter(1, UUID.randomUUID().toString())
                .setParameter(2, facts.channelId().toString())
                .setParameter(3, facts.receivedIn().firstDay())
                .setParameter(4, facts.daysToAcknowledge().orElse(null))
                .setParameter(5, facts.acknowledgedInTime())
                .setParameter(6, facts.daysToFeedback().orElse(null))
                .setParameter(7, facts.feedbackInTime())
                .setParameter(8, facts.outcome().orElse(null))
                .setParameter(9, facts.appealState().orElse(null))
                .setParameter(10, facts.appealDecision().orElse(null))
                .setParameter(11, facts.deletedIn().orElseThrow().firstDay())
                .executeUpdate();
    }
}
