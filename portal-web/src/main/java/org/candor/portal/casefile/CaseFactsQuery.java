package org.candor.portal.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.candor.portal.platform.persistence.JdbcValues;

/**
 * Reads the contents-free facts of live cases that the transparency figures count and that a
 * deleted case leaves behind: channel, days of receipt, acknowledgement and conclusion, outcome,
 * and the state and decision of an appeal.
 */
@ApplicationScoped
@Transactional
public class CaseFactsQuery {

    private static final String FACTS = "select c.channel_id, c.received_on, c.acknowledged_on, c.concluded_on,"
            + " c.outcome, a.state, a.decision from case_file c";

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    /** A live case's facts. */
    public record Facts(UUID channelId, LocalDate receivedOn, Optional<LocalDate> acknowledgedOn,
            Optional<LocalDate> concludedOn, Optional<String> outcome, Optional<String> appealState,
            Optional<String> appealDecision) {
    }

    /** The facts of one case; empty when it does not exist. */
    public Optional<Facts> of(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(FACTS + " left join appeal a on a.case_id = c.id"
                + " where c.id = cast(?1 as uuid)").setParameter(1, caseId.toString()).getResultList();
        return rows.stream().findFirst().map(CaseFactsQuery::facts);
    }

    /** The facts of every case of the channels whose figures are published. */
    public List<Facts> ofPublishedChannels() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(FACTS + " join channel ch on ch.id = c.channel_id"
                + " left join appeal a on a.case_id = c.id where ch.published_in_transparency = true").getResultList();
        return rows.stream().map(CaseFactsQuery::facts).toList();
    }

    private static Facts facts(Object[] r) {
        return new Facts(JdbcValues.uuid(r[0]), JdbcValues.day(r[1]).orElseThrow(), JdbcValues.day(r[2]),
                JdbcValues.day(r[3]), JdbcValues.text(r[4]), JdbcValues.text(r[5]), JdbcValues.text(r[6]));
    }
}
