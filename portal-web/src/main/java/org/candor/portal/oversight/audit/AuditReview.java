package org.candor.portal.oversight.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.candor.portal.audit.Actor;
import org.candor.portal.audit.AuditAction;
import org.candor.portal.audit.AuditEntry;
import org.candor.portal.audit.AuditEvent;
import org.candor.portal.audit.AuditHead;
import org.candor.portal.audit.AuditLog;
import org.candor.portal.audit.AuditVerdict;
import org.candor.portal.staff.session.SignedInStaff;

/**
 * What oversight does with the audit log: reads it a page at a time, verifies the whole chain
 * (and records that it did, with the verdict), and fetches the head and public key to hand to
 * an external auditor.
 */
@ApplicationScoped
public class AuditReview {

    /** Entries per page. */
    public static final int PAGE_SIZE = 50;

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    @Inject
    AuditLog log;

    /** One page of entries, newest first. */
    public record Listing(List<AuditEntry> entries, long total, int page, int pages) {

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }
    }

    /** The entries a filter selects, newest first; page 1 holds the newest {@link #PAGE_SIZE}. */
    @Transactional
    public Listing list(AuditFilter filter, int page) {
        long total = where(filter, em.createQuery("select count(e) from AuditEntry e" + conditions(filter), Long.class))
                .getSingleResult();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(1, page), pages);
        List<AuditEntry> entries = where(filter,
                em.createQuery("select e from AuditEntry e" + conditions(filter) + " order by e.seq desc", AuditEntry.class))
                .setFirstResult((shown - 1) * PAGE_SIZE)
                .setMaxResults(PAGE_SIZE)
                .getResultList();
        return new Listing(entries, total, shown, pages);
    }

    /**
     * Verifies the whole chain, and its end against a head noted earlier if given, then records
     * who verified and the verdict (an {@link AuditAction#AUDIT_VERIFIED} entry, after the check,
     * so it is never part of what it vouches for).
     */
    public AuditVerdict verify(SignedInStaff by, Optional<AuditHead> noted) {
        AuditVerdict verdict = log.verify(noted);
        AuditEvent event = AuditEvent.of(AuditAction.AUDIT_VERIFIED, Actor.staff(by.id(), by.username()))
                .with("result", verdict.isIntact() ? "intact" : "broken")
                .with("checked", verdict.checked());
        if (!verdict.isIntact()) {
            event = event.with("first_broken", verdict.firstBroken()).with("problem", verdict.problem().name());
        }
        if (noted.isPresent()) {
            event = event.with("noted_head", noted.get().seq());
        }
        log.record(event);
        return verdict;
    }

    /** The end of the chain now, for oversight to note down. */
    public AuditHead head() {
        return log.head();
    }

    /** The portal's audit public key in PEM. */
    public String publicKeyPem() {
        return log.publicKeyPem();
    }

    /** The id of the portal's audit key. */
    public String keyId() {
        return log.keyId();
    }

    /** The fingerprint of the key auditors pin (docs/operations.md, "Audit signing key"). */
    public String fingerprint() {
        return log.fingerprint();
    }

    private static String conditions(AuditFilter filter) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (filter.action() != null) {
            where.append(" and e.action = :action");
        }
        if (filter.actor() != null) {
            where.append(" and lower(e.actorName) like :actor escape '!'");
        }
        if (filter.from() != null) {
            where.append(" and e.recordedAt >= :from");
        }
        if (filter.to() != null) {
            where.append(" and e.recordedAt < :to");
        }
        return where.toString();
    }

    private static <T> TypedQuery<T> where(AuditFilter filter, TypedQuery<T> query) {
        if (filter.action() != null) {
            query.setParameter("action", filter.action().name());
        }
        if (filter.actor() != null) {
            query.setParameter("actor", "%" + filter.actor().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (filter.from() != null) {
            query.setParameter("from", filter.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            query.setParameter("to", filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        return query;
    }
}
