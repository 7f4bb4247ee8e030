package org.candor.portal.oversight.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.candor.portal.audit.AuditEntry;

/**
 * Who opened which case when: the audit log's openings of case contents
 * ({@code CASE_CONTENTS_OPENED}: a case view, an attachment, a ciphertext download, an appeal's
 * reasons) and exports ({@code CASE_EXPORTED}), newest first, filtered by staff member and case.
 * Reads the signed, hash-chained log itself, so what it shows is what oversight can verify; it
 * holds and shows no contents (docs/design.md property 8).
 */
@ApplicationScoped
public class AccessLog {

    /** Entries per page. */
    public static final int PAGE_SIZE = 50;
    private static final Pattern CASE = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){0,3}(-[0-9a-f]{12})?");
    private static final Pattern STAFF = Pattern.compile("[\\p{L}\\p{N}._@-]{1,64}");

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    /** A filter that cannot be used; the key names the message. */
    public static final class InvalidFilter extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidFilter(String messageKey) {
            super(messageKey);
        }

        public String messageKey() {
            return getMessage();
        }
    }

    /**
     * What to show: a staff member's sign-in name (exact, any case) and a case id or its first
     * eight or more characters (as the desk shows it).
     */
    public record Filter(Optional<String> staff, Optional<String> caseId) {

        public static Filter none() {
            return new Filter(Optional.empty(), Optional.empty());
        }

        /** Parses the form's fields; blank fields filter nothing. */
        public static Filter parse(String staff, String caseId) {
            Optional<String> s = Optional.ofNullable(staff).map(String::strip).filter(v -> !v.isEmpty());
            Optional<String> c = Optional.ofNullable(caseId).map(String::strip).filter(v -> !v.isEmpty())
                    .map(v -> v.toLowerCase(Locale.ROOT));
            if (s.isPresent() && !STAFF.matcher(s.get()).matches()) {
                throw new InvalidFilter("access.filter.badStaff");
            }
            if (c.isPresent() && !CASE.matcher(c.get()).matches()) {
                throw new InvalidFilter("access.filter.badCase");
            }
            return new Filter(s.map(v -> v.toLowerCase(Locale.ROOT)), c);
        }
    }

    /** One page of openings, newest first. */
    public record Listing(List<AuditEntry> entries, long total, int page, int pages) {
    }

    @Transactional
    public Listing list(Filter filter, int page) {
        long total = bind(filter, em.createQuery("select count(e) from AuditEntry e" + where(filter), Long.class))
                .getSingleResult();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(1, page), pages);
        List<AuditEntry> entries = bind(filter, em.createQuery("select e from AuditEntry e" + where(filter)
                + " order by e.seq desc", AuditEntry.class))
                .setFirstResult((shown - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList();
        return new Listing(entries, total, shown, pages);
    }

    private static String where(Filter filter) {
        StringBuilder where = new StringBuilder(" where e.action in ('CASE_CONTENTS_OPENED', 'CASE_EXPORTED')"
                + " and e.subjectKind = 'case'");
        filter.staff().ifPresent(s -> where.append(" and lower(e.actorName) = :staff"));
        filter.caseId().ifPresent(c -> where.append(c.length() == 36 ? " and e.subjectId = :case"
                : " and e.subjectId like :case"));
        return where.toString();
    }

    private static <T> TypedQuery<T> bind(Filter filter, TypedQuery<T> query) {
        filter.staff().ifPresent(s -> query.setParameter("staff", s));
        // the pattern admits only hex digits and dashes, so no LIKE wildcard can come in
        filter.caseId().ifPresent(c -> query.setParameter("case", c.length() == 36 ? c : c + "%"));
        return query;
    }
}
