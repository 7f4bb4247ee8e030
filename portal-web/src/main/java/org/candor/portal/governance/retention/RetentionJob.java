package org.candor.portal.governance.retention;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.concurrent.CronTrigger;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.candor.portal.platform.config.PortalConfig;
import org.candor.portal.platform.config.PortalRole;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs retention once a day, at 03:17 UTC, on every instance; the claim in
 * {@link RetentionRun} lets one of them do the pass. Switch it off on an instance with
 * {@code candor.retention.enabled=false}. The task runs outside any transaction: each case is
 * deleted in its own. It never runs on an instance that serves the intake alone: deleting cases and
 * recording it in the audit log belong to the staff hosts, and the intake's database role may do
 * neither (deploy/postgresql/roles.sql).
 *
 * <p>It is scheduled on the server's managed scheduled executor (Jakarta Concurrency), which
 * keeps nothing on disk, rather than with an EJB timer: Payara Micro runs the EJB Lite profile and
 * warns at every start that a timed EJB needs the full profile, even a non-persistent one.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    RetentionRun run;

    @Inject
    @ConfigProperty(name = "candor.retention.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    PortalConfig config;

    private ScheduledFuture<?> schedule;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (enabled && staffHost()) {
            schedule = scheduler.schedule(this::daily, new CronTrigger("17 3 * * *", ZoneOffset.UTC));
        }
    }

    private boolean staffHost() {
        return config.serves(PortalRole.DESK) || config.serves(PortalRole.OVERSIGHT) || config.serves(PortalRole.ADMIN);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    /** One retention pass; a failure is logged and the next day's run tries again. */
    void daily() {
        try {
            RetentionRun.Outcome outcome = run.runOnce();
            if (outcome.ran()) {
                LOG.info("retention: " + outcome.deleted() + " cases deleted, " + outcome.failed() + " failed, "
                        + outcome.swept() + " unreferenced blobs removed");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "the retention run failed; the next one tries again", e);
        }
    }
}
