package org.candor.portal.desk.cases;

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
import org.candor.portal.casefile.CaseStatus;
import org.candor.portal.platform.persistence.JdbcValues;

/**
 * An investigator's case list: metadata only, straight from SQL ({@link CaseListSql}), one page
 * at a time with its total, so that it stays fast with 100,000 cases. Nothing is decrypted and
 * nothing is audited here: listing shows no contents.
 */
@ApplicationScoped
@Transactional
public class CaseList {

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    /** A case as the list shows it. */
    public record Row(UUID id, UUID channelId, CaseStatus status, LocalDate receivedOn, Optional<LocalDate> due,
            List<String> labels) {

        public Standing standing(LocalDate today) {
            return Standing.of(due, today);
        }
    }

    /** One page of the list. */
    public record Listing(List<Row> rows, long total, int page, int pages) {
    }

    public Listing list(UUID staffId, CaseQuery query, LocalDate today) {
        long total = ((Number) query(CaseListSql.count(staffId, query, today)).getSingleResult()).longValue();
        Map<UUID, Row> rows = new LinkedHashMap<>();
        for (Object found : query(CaseListSql.page(staffId, query, today)).getResultList()) {
            Object[] r = (Object[]) found;
            UUID id = JdbcValues.uuid(r[0]);
            rows.put(id, new Row(id, JdbcValues.uuid(r[1]), CaseStatus.valueOf((String) r[2]),
                    JdbcValues.day(r[3]).orElseThrow(), JdbcValues.day(r[4]), new ArrayList<>()));
        }
        if (!rows.isEmpty()) {
            for (Object found : query(CaseListSql.labels(List.copyOf(rows.keySet()))).getResultList()) {
                Object[] r = (Object[]) found;
                rows.get(JdbcValues.uuid(r[0])).labels().add((String) r[1]);
            }
        }
        int pages = (int) Math.max(1, (total + CaseQuery.PAGE_SIZE - 1) / CaseQuery.PAGE_SIZE);
        return new Listing(List.copyOf(rows.values()), total, query.page(), pages);
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
