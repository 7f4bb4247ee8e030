package org.candor.portal.governance.retention;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs retention once a day on every instance (a non-persistent Jakarta EE timer, so it needs no
 * timer database); the claim in {@link RetentionRun} lets one of them do the pass. Switch it off
 * on an instance with {@code candor.retention.enabled=false}. Outside any transaction: each case
 * is deleted in its own.
 */
@Singleton
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

    @Inject
    RetentionRun run;

    @Inject
    @ConfigProperty(name = "candor.retention.enabled", defaultValue = "true")
    boolean enabled;

    @Schedule(hour = "3", minute = "17", persistent = false, info = "candor-retention")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void daily() {
        if (!enabled) {
            return;
        }
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
