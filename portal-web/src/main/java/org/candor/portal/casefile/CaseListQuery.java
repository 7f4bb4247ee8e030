package org.candor.portal.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.candor.portal.platform.persistence.JdbcValues;

/**
 * Reads the desk's case list: one page of an investigator's cases with their labels, and the
 * total over all pages, in three statements whatever the page size ({@link CaseListSql}).
 * Metadata only.
 */
@ApplicationScoped
@Transactional
public class CaseListQuery {

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    /**
     * A case as the list shows it; {@code due} is its next deadline, empty once concluded; {@code
     * nextActor} empty once concluded; {@code unread} when the whistleblower wrote something the
     * investigator has not opened yet; {@code category} the key of the option chosen for the
     * channel's category question, if any.
     */
    public record Row(UUID id, UUID channelId, CaseStatus status, LocalDate receivedOn, Optional<LocalDate> due,
            LocalDate lastActivityOn, Optional<NextActor> nextActor, boolean unread, List<String> labels,
            Optional<String> category) {
    }

    /** The figures of the desk's start ({@link CaseListSql#counts}). */
    public record Counts(long all, long open, long toAcknowledge, long overdue, long waiting, long unread) {
    }

    /** One page of rows and how many cases match over all pages. */
    public record Found(List<Row> rows, long total) {
    }

    /** The page the filter asks for, among the cases sealed to the investigator. */
    public Found find(UUID staffId, CaseListSql.Filter filter) {
        long total = JdbcValues.number(query(CaseListSql.count(staffId, filter)).getSingleResult());
        Map<UUID, Row> rows = new LinkedHashMap<>();
        for (Object found : query(CaseListSql.page(staffId, filter)).getResultList()) {
            Object[] r = (Object[]) found;
            UUID id = JdbcValues.uuid(r[0]);
            rows.put(id, new Row(id, JdbcValues.uuid(r[1]), CaseStatus.valueOf((String) r[2]),
                    JdbcValues.day(r[3]).orElseThrow(), JdbcValues.day(r[4]), JdbcValues.day(r[5]).orElseThrow(),
                    Optional.ofNullable((String) r[6]).map(NextActor::valueOf), JdbcValues.number(r[7]) > 0,
                    new ArrayList<>(), JdbcValues.text(r[8])));
        }
        if (!rows.isEmpty()) {
            for (Object found : query(CaseListSql.labels(List.copyOf(rows.keySet()))).getResultList()) {
                Object[] r = (Object[]) found;
                rows.get(JdbcValues.uuid(r[0])).labels().add((String) r[1]);
            }
        }
        return new Found(List.copyOf(rows.values()), total);
    }

    /** The figures of the desk's start, counted in one statement. */
    public Counts counts(UUID staffId, LocalDate today) {
        Object[] r = (Object[]) query(CaseListSql.counts(staffId, today)).getSingleResult();
        return new Counts(JdbcValues.number(r[0]), JdbcValues.number(r[1]), JdbcValues.number(r[2]),
                JdbcValues.number(r[3]), JdbcValues.number(r[4]), JdbcValues.number(r[5]));
    }

    /**
     * Records that an investigator had a case's items up to {@code position} in front of them. In a
     * transaction of its own: a reading that could not be recorded (two first openings at once)
     * costs an "unread" mark, never the opening.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markRead(UUID staffId, UUID caseId, int position) {
        if (query(CaseListSql.markRead(staffId, caseId, position)).executeUpdate() == 0) {
            query(CaseListSql.firstRead(staffId, caseId, position)).executeUpdate();
        }
    }

    /** The labels on the investigator's cases, for the filter. */
    @SuppressWarnings("unchecked")
    public List<String> labelsInUse(UUID staffId) {
        return ((List<Object>) query(CaseListSql.labelsInUse(staffId)).getResultList()).stream()
                .map(String::valueOf).toList();
    }

    private Query query(CaseListSql.Statement statement) {
        Query query = em.createNativeQuery(statement.sql());
        for (int i = 0; i < statement.parameters().size(); i++) {
            query.setParameter(i + 1, statement.parameters().get(i));
        }
        return query;
    }
}
