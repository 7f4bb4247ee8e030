package org.candor.portal.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.candor.portal.platform.persistence.JdbcValues;

/**
 * Reads the appealed cases for oversight's list, in one statement per page: each appeal with its
 * case's channel (metadata only).
 */
@ApplicationScoped
@Transactional
public class AppealedCasesQuery {

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    /** An appeal and its case's channel. */
    public record Row(UUID caseId, UUID channelId, LocalDate filedOn, String state, Optional<String> decision,
            Optional<LocalDate> decidedOn) {
    }

    /** Pending appeals first (oldest filed first), then decided ones, newest decision first. */
    public List<Row> page(int offset, int limit) {
        List<Row> rows = new ArrayList<>();
        for (Object found : em.createNativeQuery("select a.case_id, c.channel_id, a.filed_on, a.state, a.decision,"
                + " a.decided_on from appeal a join case_file c on c.id = a.case_id"
                + " order by case when a.state = 'PENDING' then 0 else 1 end,"
                + " case when a.state = 'PENDING' then a.filed_on end asc, a.decided_on desc, a.case_id")
                .setFirstResult(offset).setMaxResults(limit).getResultList()) {
            Object[] r = (Object[]) found;
            rows.add(new Row(JdbcValues.uuid(r[0]), JdbcValues.uuid(r[1]), JdbcValues.day(r[2]).orElseThrow(),
                    (String) r[3], Optional.ofNullable((String) r[4]), JdbcValues.day(r[5])));
        }
        return rows;
    }
}
