package org.candor.portal.governance.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.candor.portal.audit.Actor;
import org.candor.portal.audit.AuditAction;
import org.candor.portal.audit.AuditEvent;
import org.candor.portal.audit.AuditLog;
import org.candor.portal.blobstore.BlobId;
import org.candor.portal.blobstore.BlobStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.candor.portal.platform.persistence.JdbcValues;

/**
 * One pass of retention (docs/design.md property 9): claims the job (so that one instance of several
 * runs it), then, channel by channel, deletes the cases due today in batches, each case in its
 * own transaction ({@link CaseDeletion}); removes each deleted case's blobs after its rows
 * committed; tells observers ({@link CaseDeleted}, for the search index); then sweeps blobs no
 * row names. A case that fails is logged by id only and left for the next pass; the others go on.
 * The pass ends with one RETENTION_RUN audit entry with its counts.
 */
@ApplicationScoped
public class RetentionRun {

    /** The job's name in {@code governance_job}. */
    public static final String JOB = "retention";

    private static final Logger LOG = Logger.getLogger(RetentionRun.class.getName());
    private static final Duration LEASE = Duration.ofMinutes(15);
    private static final String INSTANCE = "instance-" + UUID.randomUUID();

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    @Inject
    JobClaim claim;

    @Inject
    CaseRetention retention;

    @Inject
    CaseDeletion deletion;

    @Inject
    BlobStore blobs;

    @Inject
    BlobSweep sweep;

    @Inject
    AuditLog audit;

    @Inject
    Event<CaseDeleted> deletedEvents;

    @Inject
    @ConfigProperty(name = "candor.retention.batch", defaultValue = "100")
    int batchSize;

    Clock clock = Clock.systemUTC();

    /** What a pass did; {@code ran} is false when another instance held the job. */
    public record Outcome(boolean ran, int deleted, int failed, int swept) {
    }

    /** Runs a pass now, as of today. */
    public Outcome runOnce() {
        return runOnce(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    /** Runs a pass as of a day (today, or a later day in tests of what will be due). */
    public Outcome runOnce(LocalDate today) {
        Instant started = clock.instant();
        if (!claim.claim(JOB, INSTANCE, started, started.plus(LEASE))) {
            return new Outcome(false, 0, 0, 0);
        }
        int deleted = 0;
        Set<UUID> failed = new HashSet<>();
        Set<UUID> skipped = new HashSet<>();
        int swept = 0;
        try {
            for (Object[] channel : channels()) {
                UUID channelId = JdbcValues.uuid(channel[0]);
                int days = (int) JdbcValues.number(channel[1]);
                boolean progress = true;
                while (progress) {
                    progress = false;
                    for (UUID caseId : retention.dueIds(channelId, days, today, batchSize)) {
                        if (failed.contains(caseId) || skipped.contains(caseId)) {
                            continue;
                        }
                        switch (deleteOne(caseId, today)) {
                            case DELETED -> {
                                deleted++;
                                progress = true;
                            }
                            case NOT_DUE -> skipped.add(caseId);
                            case FAILED -> failed.add(caseId);
                        }
                    }
                    if (progress && !claim.renew(JOB, INSTANCE, clock.instant().plus(LEASE))) {
                        LOG.warning("the retention run lost its claim and stops; the next pass goes on");
                        return new Outcome(true, deleted, failed.size(), swept);
                    }
                }
            }
            swept = sweep.sweep(clock.instant().minus(Duration.ofDays(1)));
        } finally {
            claim.release(JOB, INSTANCE, clock.instant(), deleted, failed.size(), swept);
            audit.record(AuditEvent.of(AuditAction.RETENTION_RUN, Actor.system())
                    .with("deleted", deleted).with("failed", failed.size()).with("swept", swept)
                    .with("day", today.toString()));
        }
        return new Outcome(true, deleted, failed.size(), swept);
    }

    private enum Result { DELETED, NOT_DUE, FAILED }

    /** Deletes one case and then its blobs; a case that fails stays for the next pass. */
    private Result deleteOne(UUID caseId, LocalDate today) {
        Optional<CaseDeletion.Deleted> done;
        try {
            done = deletion.deleteIfDue(caseId, today);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "case " + caseId + " could not be deleted; the next pass tries again", e);
            return Result.FAILED;
        }
        if (done.isEmpty()) {
            return Result.NOT_DUE;
        }
        deletion.forget(caseId);
        for (BlobId blob : done.get().blobs()) {
            try {
                blobs.delete(blob);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "a blob of deleted case " + caseId + " stays until the sweep removes it", e);
            }
        }
        try {
            deletedEvents.fire(new CaseDeleted(caseId));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an observer of the deletion of case " + caseId + " failed", e);
        }
        return Result.DELETED;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> channels() {
        return em.createNativeQuery("select id, retention_days from channel order by id").getResultList();
    }
}
