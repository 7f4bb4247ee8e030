package org.candor.portal.desk.search;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.candor.crypto.UnlockedKey;
import org.candor.portal.audit.Actor;
import org.candor.portal.audit.AuditAction;
import org.candor.portal.audit.AuditEvent;
import org.candor.portal.audit.AuditLog;
import org.candor.portal.casefile.CaseItemsAdded;
import org.candor.portal.governance.retention.CaseDeleted;
import org.candor.search.CaseDocument;
import org.candor.search.RebuildReport;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the open search index current: the one writer of the index. A single task on the
 * container's scheduled executor runs every second while the index is open; it indexes the
 * cases announced by {@link CaseItemsAdded} events, runs the catch-up (cases whose marker is
 * missing or stale: what arrived while the index was closed, status and label changes) every
 * {@code candor.search.catch-up-seconds}, seals the index key to investigators who lack a copy,
 * purges deleted cases, and runs a requested full rebuild from the stored ciphertext.
 *
 * <p>Because every write happens on that one task, there is one writer (STYLE.md) and a rebuild
 * never races an update.
 */
@ApplicationScoped
public class SearchWorker {

    private static final Logger LOG = Logger.getLogger(SearchWorker.class.getName());
    private static final int CATCH_UP_BATCH = 500;

    /** Progress of the last rebuild, for the search page. */
    public record Rebuild(boolean requested, boolean running, long done, long total, Optional<Instant> finished,
            boolean failed) {
        static final Rebuild NONE = new Rebuild(false, false, 0, 0, Optional.empty(), false);

        public int percent() {
            return total <= 0 ? (running ? 0 : 100) : (int) Math.min(100, done * 100 / total);
        }
    }

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    SearchKeyring keyring;

    @Inject
    SearchTables tables;

    @Inject
    CaseReader reader;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "candor.search.catch-up-seconds", defaultValue = "10")
    int catchUpSeconds;

    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
    private final Set<UUID> deletedCases = ConcurrentHashMap.newKeySet();
    private volatile ScheduledFuture<?> task;
    private volatile Instant lastCatchUp = Instant.EPOCH;
    private volatile Rebuild rebuild = Rebuild.NONE;

    /** A case was made or got items: index it within a second if the index is open. */
    void onCaseItemsAdded(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaseItemsAdded added) {
        if (keyring.isOpen()) {
            queued.add(added.caseId());
        }
    }

    /**
     * A case was deleted (retention): purge it from the index files within a second if the index
     * is open; otherwise its marker, left without a case, has the catch-up purge it at the next
     * open (the index cannot be written without its key).
     */
    void onCaseDeleted(@Observes CaseDeleted deleted) {
        if (keyring.isOpen()) {
            deletedCases.add(deleted.caseId());
        }
    }

    /**
     * Asks for a full rebuild from the stored ciphertext; it starts within a second. A request
     * that starts one is audited; one made while a rebuild is pending or running is not.
     */
    public synchronized boolean requestRebuild(Actor by) {
        if (!keyring.isOpen() || rebuild.requested() || rebuild.running()) {
            return false;
        }
        Optional<UUID> indexId = keyring.withIndex(SearchKeyring.OpenIndex::indexId);
        if (indexId.isEmpty()) {
            return false;
        }
        rebuild = new Rebuild(true, false, 0, 0, Optional.empty(), false);
        audit.record(AuditEvent.of(AuditAction.SEARCH_INDEX_REBUILT, by).about("search-index", indexId.get()));
        return true;
    }

    public Rebuild rebuild() {
        return rebuild;
    }

    /** The index was opened: start the task, with a catch-up first. */
    synchronized void started() {
        lastCatchUp = Instant.EPOCH;
        if (task == null || task.isDone()) {
            task = executor.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
        }
    }

    /** The index is closing: stop the task (a running round finishes or aborts on its own). */
    synchronized void stopped() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
        queued.clear();
        deletedCases.clear();
        if (rebuild.requested() && !rebuild.running()) {
            rebuild = Rebuild.NONE;
        }
    }

    private void tick() {
        try {
            keyring.sweep();
            if (!keyring.isOpen()) {
                return;
            }
            if (!deletedCases.isEmpty()) {
                List<UUID> ids = new ArrayList<>(deletedCases);
                deletedCases.removeAll(ids);
                purge(ids);
            }
            if (!queued.isEmpty()) {
                List<UUID> ids = new ArrayList<>(queued);
                queued.removeAll(ids);
                index(ids);
            }
            if (rebuild.requested() && !rebuild.running()) {
                runRebuild();
            }
            if (Instant.now().isAfter(lastCatchUp.plusSeconds(catchUpSeconds))) {
                lastCatchUp = Instant.now();
                catchUp();
            }
        } catch (RuntimeException e) {
            // The next round tries again; the log names the failure, never contents.
            LOG.log(Level.WARNING, "a search indexing round failed ({0})", e.getClass().getSimpleName());
        }
    }

    private void catchUp() {
        keyring.sealMissingCopies();
        purge(tables.markersWithoutCase());
        Optional<UUID> indexId = keyring.withIndex(SearchKeyring.OpenIndex::indexId);
        if (indexId.isPresent()) {
            List<UUID> stale = tables.staleCases(indexId.get(), keyring.holders().keySet(), CATCH_UP_BATCH);
            index(stale);
            if (stale.size() == CATCH_UP_BATCH) {
                lastCatchUp = Instant.EPOCH; // more are waiting: the next round (in a second) goes on
            }
        }
    }

    /** Removes deleted cases from the index files (property 9), then their markers. */
    private void purge(List<UUID> gone) {
        if (gone.isEmpty()) {
            return;
        }
        boolean purged = keyring.withIndex(open -> {
            open.index().indexer().purge(gone.stream().map(UUID::toString).toList());
            return true;
        }).orElse(false);
        if (purged) {
            tables.unmark(gone);
        }
    }

    /** Indexes cases with the holders' keys, commits, then writes their markers. */
    private void index(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Map<UUID, List<UnlockedKey>> holders = keyring.holders();
        List<SearchTables.Marker> markers = new ArrayList<>();
        Optional<UUID> indexId = keyring.withIndex(open -> {
            for (UUID id : ids) {
                reader.read(id, holders).ifPresent(r -> {
                    open.index().indexer().index(r.document());
                    markers.add(r.marker());
                });
            }
            open.index().indexer().commit(open.indexId().toString());
            open.index().refresh();
            return open.indexId();
        });
        indexId.ifPresent(id -> tables.mark(id, markers));
    }

    private void runRebuild() {
        Set<UUID> staff = keyring.holders().keySet();
        List<UUID> ids = tables.casesSealedTo(staff);
        rebuild = new Rebuild(false, true, 0, ids.size(), Optional.empty(), false);
        List<SearchTables.Marker> markers = new ArrayList<>();
        try {
            Optional<UUID> indexId = keyring.withIndex(open -> {
                RebuildReport report = open.index().indexer().rebuild(documents(ids, markers), ids.size(),
                        (done, total) -> rebuild = new Rebuild(false, true, done, total, Optional.empty(), false));
                open.index().indexer().commit(open.indexId().toString());
                LOG.log(Level.INFO, "search index rebuilt: {0} cases, {1} attachments without text",
                        new Object[] {report.indexed(), report.problems().size()});
                return open.indexId();
            });
            if (indexId.isPresent()) {
                tables.dropMarkers();
                tables.mark(indexId.get(), markers);
            }
            rebuild = new Rebuild(false, false, markers.size(), ids.size(), Optional.of(Instant.now()), indexId.isEmpty());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the search index rebuild stopped ({0})", e.getClass().getSimpleName());
            rebuild = new Rebuild(false, false, rebuild.done(), ids.size(), Optional.of(Instant.now()), true);
        }
    }

    /** The cases decrypted one at a time; stops the rebuild when the last holder has left. */
    private Iterator<CaseDocument> documents(List<UUID> ids, List<SearchTables.Marker> markers) {
        Iterator<UUID> source = ids.iterator();
        return new Iterator<>() {
            private CaseDocument next;

            @Override
            public boolean hasNext() {
                while (next == null && source.hasNext()) {
                    Map<UUID, List<UnlockedKey>> holders = keyring.holders();
                    if (holders.isEmpty()) {
                        throw new CancellationException("the last investigator holding the index locked their key");
                    }
                    reader.read(source.next(), holders).ifPresent(r -> {
                        next = r.document();
                        markers.add(r.marker());
                    });
                }
                return next != null;
            }

            @Override
            public CaseDocument next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CaseDocument d = next;
                next = null;
                return d;
            }
        };
    }
}
