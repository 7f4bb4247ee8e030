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
 * Reads what the retention rule needs of cases (metadata only): the days it counts from, the
 * channel's period, the decisions kept in {@code case_retention} and whether an appeal is pending;
 * and which cases of a channel are due by a day.
 */
@ApplicationScoped
@Transactional
public class CaseRetentionQuery {

    private static final String STATE_SQL = "select c.id, c.channel_id, c.concluded_on, c.last_activity_on, ch.retention_days,"
            + " r.extended_until, r.extension_reason, r.legal_hold, r.hold_reason, r.hold_since, a.state"
            + " from case_file c join channel ch on ch.id = c.channel_id"
            + " left join case_retention r on r.case_id = c.id left join appeal a on a.case_id = c.id";

    /** The conditions under which a case of a channel is due by a day (?2: last day counted from, ?3: the day). */
    private static final String DUE_WHERE = " c.channel_id = cast(?1 as uuid) and coalesce(c.concluded_on, c.last_activity_on) <= ?2"
            + " and (r.extended_until is null or r.extended_until < ?3)"
            + " and (r.legal_hold is null or r.legal_hold = false)"
            + " and (a.state is null or a.state <> 'PENDING')";

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    /** A case's retention as stored: the reasons are the names a decision recorded, the appeal state its state. */
    public record Retention(UUID caseId, UUID channelId, Optional<LocalDate> concludedOn, LocalDate lastActivityOn,
            int retentionDays, Optional<LocalDate> extendedUntil, Optional<String> extensionReason, boolean legalHold,
            Optional<String> holdReason, Optional<LocalDate> holdSince, Optional<String> appealState) {
    }

    /** The retention of a case, if it exists. */
    public Optional<Retention> of(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(STATE_SQL + " where c.id = cast(?1 as uuid)")
                .setParameter(1, caseId.toString()).getResultList();
        return rows.stream().findFirst().map(CaseRetentionQuery::retention);
    }

    /** The retention of every case sealed to an investigator, in no particular order. */
    public List<Retention> ofCasesSealedTo(UUID staffId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(STATE_SQL + " join case_recipient cr on cr.case_id = c.id"
                + " where cr.staff_id = cast(?1 as uuid)").setParameter(1, staffId.toString()).getResultList();
        return rows.stream().map(CaseRetentionQuery::retention).toList();
    }

    /** Whether a case is sealed to an investigator. */
    public boolean isSealedTo(UUID caseId, UUID staffId) {
        return JdbcValues.number(em.createNativeQuery("select count(*) from case_recipient where case_id = cast(?1 as uuid)"
                + " and staff_id = cast(?2 as uuid)").setParameter(1, caseId.toString()).setParameter(2, staffId.toString())
                .getSingleResult()) != 0;
    }

    /**
     * The ids of a channel's cases due on {@code day}: concluded (or last active) on or before
     * {@code lastCountedFrom}, not kept longer past the day, not held, without a pending appeal;
     * oldest first, at most {@code limit}.
     */
    public List<UUID> dueIds(UUID channelId, LocalDate lastCountedFrom, LocalDate day, int limit) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select c.id from case_file c left join case_retention r on r.case_id = c.id"
                        + " left join appeal a on a.case_id = c.id where" + DUE_WHERE
                        + " order by coalesce(c.concluded_on, c.last_activity_on), c.id")
                .setParameter(1, channelId.toString())
                .setParameter(2, lastCountedFrom)
                .setParameter(3, day)
                .setMaxResults(limit)
                .getResultList();
        return ids.stream().map(JdbcValues::uuid).toList();
    }

    /** How many of a channel's cases {@link #dueIds} would name, without a limit. */
    public long countDue(UUID channelId, LocalDate lastCountedFrom, LocalDate day) {
        return JdbcValues.number(em.createNativeQuery("select count(*) from case_file c left join case_retention r on r.case_id = c.id"
                        + " left join appeal a on a.case_id = c.id where" + DUE_WHERE)
                .setParameter(1, channelId.toString())
                .setParameter(2, lastCountedFrom)
                .setParameter(3, day)
                .getSingleResult());
    }

    /** How many of a channel's cases are under legal hold. */
    public long countHeld(UUID channelId) {
        return JdbcValues.number(em.createNativeQuery("select count(*) from case_file c join case_retention r on r.case_id = c.id"
                + " where c.channel_id = cast(?1 as uuid) and r.legal_hold = true")
                .setParameter(1, channelId.toString()).getSingleResult());
    }

    private static Retention retention(Object[] row) {
        return new Retention(JdbcValues.uuid(row[0]), JdbcValues.uuid(row[1]), JdbcValues.day(row[2]),
                JdbcValues.day(row[3]).orElseThrow(), (int) JdbcValues.number(row[4]), JdbcValues.day(row[5]),
                JdbcValues.text(row[6]), JdbcValues.bool(row[7]), JdbcValues.text(row[8]), JdbcValues.day(row[9]),
                JdbcValues.text(row[10]));
    }
}
