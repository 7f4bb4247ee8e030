package org.candor.portal.governance.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.candor.portal.platform.persistence.JdbcValues;

/**
 * The claim on a scheduled job's row in {@code governance_job}: an instance runs a pass only if
 * one update-where statement moved the claim to it, which the database grants to one instance at
 * a time however many share it. A claim is a lease: if its holder dies, it runs out and the next
 * pass of any instance takes it. Each call commits on its own.
 */
@ApplicationScoped
public class JobClaim {

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    /** The last pass of a job, as the administrators' page shows it. */
    public record LastRun(Optional<Instant> startedAt, Optional<Instant> endedAt, int deleted, int failed, int swept,
            boolean running) {
    }

    /** Takes the job for {@code holder} until {@code until}, if no live claim stands; true if taken. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String job, String holder, Instant now, Instant until) {
        return em.createNativeQuery("update governance_job set claimed_by = ?1, claimed_until = ?2, last_started_at = ?3"
                        + " where name = ?4 and (claimed_until is null or claimed_until < ?3)")
                .setParameter(1, holder).setParameter(2, until.atOffset(ZoneOffset.UTC))
                .setParameter(3, now.atOffset(ZoneOffset.UTC)).setParameter(4, job)
                .executeUpdate() == 1;
    }

    /** Extends a claim this holder has; false if it lost it (then it must stop). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean renew(String job, String holder, Instant until) {
        return em.createNativeQuery("update governance_job set claimed_until = ?1 where name = ?2 and claimed_by = ?3")
                .setParameter(1, until.atOffset(ZoneOffset.UTC)).setParameter(2, job).setParameter(3, holder)
                .executeUpdate() == 1;
    }

    /** Gives the claim back, with the pass's figures. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String job, String holder, Instant endedAt, int deleted, int failed, int swept) {
        em.createNativeQuery("update governance_job set claimed_by = null, claimed_until = null, last_ended_at = ?1,"
                        + " last_deleted = ?2, last_failed = ?3, last_swept = ?4 where name = ?5 and claimed_by = ?6")
                .setParameter(1, endedAt.atOffset(ZoneOffset.UTC)).setParameter(2, deleted).setParameter(3, failed)
                .setParameter(4, swept).setParameter(5, job).setParameter(6, holder)
                .executeUpdate();
    }

    /** The job's last pass. */
    @Transactional
    public LastRun lastRun(String job, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select last_started_at, last_ended_at, last_deleted, last_failed,"
                + " last_swept, claimed_until from governance_job where name = ?1").setParameter(1, job).getResultList();
        if (rows.isEmpty()) {
            return new LastRun(Optional.empty(), Optional.empty(), 0, 0, 0, false);
        }
        Object[] r = rows.get(0);
        boolean running = JdbcValues.instant(r[5]).filter(until -> until.isAfter(now)).isPresent();
        return new LastRun(JdbcValues.instant(r[0]), JdbcValues.instant(r[1]), (int) JdbcValues.number(r[2]), (int) JdbcValues.number(r[3]),
                (int) JdbcValues.number(r[4]), running);
    }
}
