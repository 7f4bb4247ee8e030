package org.candor.portal.governance.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.candor.portal.blobstore.BlobId;
import org.candor.portal.blobstore.SweepableBlobStore;
import org.candor.portal.casefile.CaseRemoval;
import org.candor.portal.platform.persistence.SchemaMigrations;

/**
 * Removes blobs that no case item names and that no live process holds (docs/design.md properties
 * 10 and 11): what a crash left between sealing an upload and recording it, or between a
 * deletion's commit and its blob removal.
 *
 * <p>It runs once when the portal starts, over every blob, so that after a start no orphan of a
 * killed process remains, and with each retention run over blobs older than a day. The rule that
 * keeps it from removing a blob another live instance is still recording: a writer holds its
 * blob from creation until the transaction that records it has ended (a file lock in
 * {@code FileSystemBlobStore}, a row naming the writer's advisory lock in
 * {@code DatabaseBlobStore}); a blob is removed only while the store keeps writers away from it
 * ({@link SweepableBlobStore#deleteIfAbandoned}) and after a query made then still finds no row
 * naming it. Partial uploads of dead writers are removed first ({@link SweepableBlobStore#sweepPending}). A lock that can be taken means the
 * writer's transaction is over (or its process is dead, and with it its transaction), so a row
 * that will ever name the blob is visible by then. Every blob the portal keeps is named by a
 * {@code case_item} row; a feature that keeps blobs otherwise must be added here before it ships.
 */
@ApplicationScoped
public class BlobSweep {

    private static final Logger LOG = Logger.getLogger(BlobSweep.class.getName());
    private static final int BATCH = 200;

    @Inject
    SweepableBlobStore store;

    @Inject
    SchemaMigrations migrations;

    @Inject
    CaseRemoval cases;

    /** Sweeps every blob when the portal starts, once the schema is in place; a failure is logged, not fatal. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try {
            migrations.migrate();
            int removed = sweep(Instant.MAX);
            LOG.info(() -> "Blob sweep at start: " + removed + " unrecorded blobs removed");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the blob sweep at start failed; the next retention run sweeps again", e);
        }
    }

    /** Removes unreferenced, abandoned blobs last written before {@code cutoff}; returns how many. */
    public int sweep(Instant cutoff) {
        List<BlobId> old;
        try {
            store.sweepPending();
            old = store.committedBefore(cutoff);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "the blob sweep could not list the blobs", e);
            return 0;
        }
        int removed = 0;
        for (int i = 0; i < old.size(); i += BATCH) {
            List<BlobId> batch = old.subList(i, Math.min(old.size(), i + BATCH));
            Set<String> referenced = referenced(batch);
            for (BlobId blob : batch) {
                if (!referenced.contains(blob.value())) {
                    try {
                        if (store.deleteIfAbandoned(blob, b -> referenced(List.of(b)).isEmpty())) {
                            removed++;
                        }
                    } catch (IOException e) {
                        LOG.log(Level.WARNING, "an unreferenced blob could not be removed; the next sweep tries again", e);
                    }
                }
            }
        }
        return removed;
    }

    /** Reads outside a transaction: a plain query of committed rows. */
    Set<String> referenced(List<BlobId> batch) {
        return cases.named(batch);
    }
}
