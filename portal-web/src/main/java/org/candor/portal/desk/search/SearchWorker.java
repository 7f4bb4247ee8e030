package org.candor.portal.desk.search;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.candor.crypto.UnlockedKey;
import org.candor.portal.audit.Actor;
import org.candor.portal.audit.AuditAction;
import org.candor.portal.audit.AuditEvent;
import org.candor.portal.audit.AuditLog;
import org.candor.portal.casefile.CaseIndexQuery;
import org.candor.portal.casefile.CaseItemsAdded;
import org.candor.portal.governance.retention.CaseDeleted;
import org.candor.search.CaseDocument;
import org.candor.search.CaseIndexer;
import org.candor.search.RebuildReport;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the open search indexes current: the one writer of every investigator's index. A single
 * task on the container's scheduled executor runs every second while any index is open; for each
 * open index it indexes the cases announced by {@link CaseItemsAdded} events that are sealed to
 * the index's investigator, runs the catch-up (that investigator's cases whose marker is missing
 * or stale: what arrived while their index was closed, status and label changes) every {@code
 * candor.search.catch-up-seconds}, purges cases deleted or no longer sealed to them, and runs a
 * full rebuild they requested from the stored ciphertext. A case is decrypted for an index only
 * with the key of that index's investigator (docs/design.md property 7).
 *
 * <p>Because every write happens on that one task, there is one writer (docs/design.md) and a rebuild
 * never races an update.
 */
@ApplicationScoped
public class SearchWorker {

    private static final Logger LOG = Logger.getLogger(SearchWorker.class.getName());
    /*
     * Each catch-up batch ends with a commit of the index (a flush and an fsync, 0.2 to 1 s on a
     * busy 2-core machine), so batches are large: 2,000 instead of 500 took 10,000 cases from 41 s
     * to 29 s. A batch holds rows (metadata and item lists) in memory, decrypted text only for the
     * few cases being indexed at once.
     */
    private static final int CATCH_UP_BATCH = 2000;
    private static final Duration CATCH_UP_SLICE = Duration.ofSeconds(15);

    /** Progress of an investigator's last rebuild, for the search page. */
    public record Rebuild(boolean requested, boolean running, long done, long total, Optional<Instant> finished,
            boolean failed) {
        static final Rebuild NONE = new Rebuild(false, false, 0, 0, Optional.empty(), false);

        public int percent() {
            return total <= 0 ? (running ? 0 : 100) : (int) Math.min(100, done * 100 / total);
        }
    }

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService parallel;

    @Inject
    SearchKeyring keyring;

    @Inject
    SearchTables tables;

    @Inject
    CaseIndexQuery caseIndex;

    @Inject
    CaseReader reader;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "candor.search.catch-up-seconds", defaultValue = "10")
    int catchUpSeconds;

    @Inject
    @ConfigProperty(name = "candor.search.index-threads", defaultValue = "0")
    int indexThreads;

    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
    private final Set<UUID> deletedCases = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Rebuild> rebuilds = new ConcurrentHashMap<>();
    /** When each open index was last caught up; absent or EPOCH: at the next tick. */
    private final Map<UUID, Instant> lastCatchUp = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> task;

    /** A case was made or got items: index it within a second into the open indexes of its recipients. */
    void onCaseItemsAdded(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaseItemsAdded added) {
        if (keyring.isOpen()) {
            queued.add(added.caseId());
        }
    }

    /**
     * A case was deleted (retention): purge it from the open index files within a second;
     * otherwise its marker, left without a case, has the catch-up purge it from each index at
     * that index's next open (an index cannot be written without its key).
     */
    void onCaseDeleted(@Observes CaseDeleted deleted) {
        if (keyring.isOpen()) {
            deletedCases.add(deleted.caseId());
        }
    }

    /**
     * Asks for a full rebuild of an investigator's own index from the stored ciphertext; it starts
     * within a second. A request that starts one is audited; one made while a rebuild is pending
     * or running is not.
     */
    public synchronized boolean requestRebuild(UUID staffId, Actor by) {
        Rebuild current = rebuild(staffId);
        if (current.requested() || current.running()) {
            return false;
        }
        Optional<UUID> indexId = keyring.withIndex(staffId, SearchKeyring.OpenIndex::indexId);
        if (indexId.isEmpty()) {
            return false;
        }
        rebuilds.put(staffId, new Rebuild(true, false, 0, 0, Optional.empty(), false));
        audit.record(AuditEvent.of(AuditAction.SEARCH_INDEX_REBUILT, by).about("search-index", indexId.get()));
        return true;
    }

    /** An investigator's last rebuild of their index. */
    public Rebuild rebuild(UUID staffId) {
        return rebuilds.getOrDefault(staffId, Rebuild.NONE);
    }

    /** An investigator's index was opened: start the task if needed, with a catch-up of that index first. */
    synchronized void started(UUID staffId) {
        lastCatchUp.remove(staffId);
        if (task == null || task.isDone()) {
            task = executor.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
        }
    }

    /** An investigator's index is closing: forget its pending rebuild; stop the task when none is open. */
    synchronized void stopped(UUID staffId) {
        lastCatchUp.remove(staffId);
        Rebuild current = rebuild(staffId);
        if (current.requested() && !current.running()) {
            rebuilds.remove(staffId);
        }
        if (keyring.openFor().stream().allMatch(staffId::equals)) {
            if (task != null) {
                task.cancel(false);
                task = null;
            }
            queued.clear();
            deletedCases.clear();
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
                for (UUID staffId : keyring.openFor()) {
                    purge(staffId, ids);
                }
            }
            if (!queued.isEmpty()) {
                List<UUID> ids = new ArrayList<>(queued);
                queued.removeAll(ids);
                for (UUID staffId : keyring.openFor()) {
                    index(staffId, ids);
                }
            }
            for (UUID staffId : keyring.openFor()) {
                Rebuild r = rebuild(staffId);
                if (r.requested() && !r.running()) {
                    runRebuild(staffId);
                }
            }
            for (UUID staffId : keyring.openFor()) {
                Instant last = lastCatchUp.getOrDefault(staffId, Instant.EPOCH);
                if (Instant.now().isAfter(last.plusSeconds(catchUpSeconds))) {
                    lastCatchUp.put(staffId, Instant.now());
                    catchUp(staffId);
                }
            }
        } catch (RuntimeException e) {
            // The next round tries again; the log names the failure, never contents.
            LOG.log(Level.WARNING, "a search indexing round failed ({0} at {1})",
                    new Object[] {e.getClass().getSimpleName(), where(e)});
        }
    }

    private void catchUp(UUID staffId) {
        keyring.dropUnusedIndexes();
        Optional<UUID> indexId = keyring.withIndex(staffId, SearchKeyring.OpenIndex::indexId);
        if (indexId.isEmpty()) {
            return;
        }
        purge(staffId, caseIndex.markersToPurge(indexId.get(), staffId));
        // Full batches follow one another for up to CATCH_UP_SLICE; then the tick returns, so
        // that new cases, deletions and a rebuild request wait at most that long.
        Instant until = Instant.now().plus(CATCH_UP_SLICE);
        List<UUID> stale;
        do {
            stale = caseIndex.staleCases(indexId.get(), staffId, CATCH_UP_BATCH);
            index(staffId, stale);
        } while (stale.size() == CATCH_UP_BATCH && keyring.isOpen(staffId) && Instant.now().isBefore(until));
        if (stale.size() == CATCH_UP_BATCH) {
            lastCatchUp.remove(staffId); // more are waiting: the next tick goes on
        }
    }

    /** Removes cases from one investigator's index files (property 9), then their markers. */
    private void purge(UUID staffId, List<UUID> gone) {
        if (gone.isEmpty()) {
            return;
        }
        Optional<UUID> purged = keyring.withIndex(staffId, open -> {
            open.index().indexer().purge(gone.stream().map(UUID::toString).toList());
            return open.indexId();
        });
        purged.ifPresent(indexId -> tables.unmark(indexId, gone));
    }

    /** Indexes into one investigator's index those of the cases sealed to them, with their keys; commits, then writes markers. */
    private void index(UUID staffId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Map<UUID, List<UnlockedKey>> own = ownKeys(staffId);
        if (own.isEmpty()) {
            return;
        }
        List<SearchTables.Marker> markers = new ArrayList<>();
        Optional<UUID> indexId = keyring.withIndex(staffId, open -> {
            markers.addAll(openAndIndex(ids, own, open.index().indexer()));
            open.index().indexer().commit(open.indexId().toString());
            open.index().refresh();
            return open.indexId();
        });
        indexId.ifPresent(id -> tables.mark(id, markers));
    }

    /** The unlocked keys of one investigator only: no colleague's key ever opens a case for this index. */
    private Map<UUID, List<UnlockedKey>> ownKeys(UUID staffId) {
        List<UnlockedKey> keys = keyring.holders().get(staffId);
        return keys == null || keys.isEmpty() ? Map.of() : Map.of(staffId, keys);
    }

    /**
     * Reads the rows of the batch on this thread, a few statements for all of it ({@link
     * CaseReader#load}), and hands each case to the container's executor, where it is decrypted
     * and indexed, on up to {@code candor.search.index-threads} threads at once (default: one per
     * core). The index writer is thread-safe; this is still the only task that writes, and it
     * returns only when every case it handed over is done. A case that fails is left without a
     * marker, so the next catch-up tries it again.
     */
    private List<SearchTables.Marker> openAndIndex(List<UUID> ids, Map<UUID, List<UnlockedKey>> holders,
            CaseIndexer indexer) {
        int threads = threads();
        Semaphore inFlight = new Semaphore(2 * threads); // bounds the decrypted cases held in memory
        Semaphore running = new Semaphore(threads);
        List<Future<SearchTables.Marker>> pending = new ArrayList<>();
        for (CaseReader.Stored stored : reader.load(ids, holders)) {
            inFlight.acquireUninterruptibly();
            pending.add(parallel.submit(() -> {
                running.acquireUninterruptibly();
                try {
                    CaseReader.Reading r = reader.open(stored);
                    indexer.index(r.document());
                    return r.marker();
                } finally {
                    running.release();
                    inFlight.release();
                }
            }));
        }
        List<SearchTables.Marker> markers = new ArrayList<>();
        for (Future<SearchTables.Marker> f : pending) {
            try {
                markers.add(f.get());
            } catch (ExecutionException e) {
                LOG.log(Level.WARNING, "a case could not be indexed ({0} at {1})",
                        new Object[] {e.getCause().getClass().getSimpleName(), where(e.getCause())});
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while indexing");
            }
        }
        return markers;
    }

    private void runRebuild(UUID staffId) {
        List<UUID> ids = caseIndex.casesSealedTo(staffId);
        rebuilds.put(staffId, new Rebuild(false, true, 0, ids.size(), Optional.empty(), false));
        List<SearchTables.Marker> markers = new ArrayList<>();
        Decrypted documents = new Decrypted(staffId, ids, markers);
        try {
            Optional<UUID> indexId = keyring.withIndex(staffId, open -> {
                RebuildReport report = open.index().indexer().rebuild(documents, ids.size(),
                        (done, total) -> rebuilds.put(staffId, new Rebuild(false, true, done, total, Optional.empty(), false)));
                open.index().indexer().commit(open.indexId().toString());
                LOG.log(Level.INFO, "a search index was rebuilt: {0} cases, {1} attachments without text",
                        new Object[] {report.indexed(), report.problems().size()});
                return open.indexId();
            });
            if (indexId.isPresent()) {
                tables.dropMarkers(indexId.get());
                tables.mark(indexId.get(), markers);
            }
            rebuilds.put(staffId, new Rebuild(false, false, markers.size(), ids.size(), Optional.of(Instant.now()),
                    indexId.isEmpty()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a search index rebuild stopped ({0})", e.getClass().getSimpleName());
            rebuilds.put(staffId, new Rebuild(false, false, rebuild(staffId).done(), ids.size(), Optional.of(Instant.now()),
                    true));
        } finally {
            documents.cancel();
        }
    }

    private int threads() {
        return indexThreads > 0 ? indexThreads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * The cases of a rebuild of one investigator's index, in order: their rows read a batch at a
     * time as in the catch-up, each case decrypted with that investigator's key on the
     * container's executor a few cases ahead of the index writer, which analyses them on the
     * rebuild's thread. At most {@code 2 * threads} decrypted cases wait in memory. Stops the
     * rebuild when the investigator has locked their key; a case that cannot be opened stops it
     * too (the index rolls back to what it held).
     */
    private final class Decrypted implements Iterator<CaseDocument> {
        private final UUID staffId;
        private final List<UUID> ids;
        private final List<SearchTables.Marker> markers;
        private final int ahead = 2 * threads();
        private final Deque<CaseReader.Stored> loaded = new ArrayDeque<>();
        private final Deque<Future<CaseReader.Reading>> opening = new ArrayDeque<>();
        private int read;

        Decrypted(UUID staffId, List<UUID> ids, List<SearchTables.Marker> markers) {
            this.staffId = staffId;
            this.ids = ids;
            this.markers = markers;
        }

        @Override
        public boolean hasNext() {
            if (ownKeys(staffId).isEmpty()) {
                throw new CancellationException("the investigator whose index this is locked their key");
            }
            fill();
            return !opening.isEmpty();
        }

        @Override
        public CaseDocument next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            CaseReader.Reading r;
            try {
                r = opening.removeFirst().get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause
                        : new IllegalStateException("a case could not be opened", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while rebuilding");
            }
            markers.add(r.marker());
            fill();
            return r.document();
        }

        /** Keeps {@code ahead} cases decrypting, reading the next batch of rows when needed. */
        private void fill() {
            while (opening.size() < ahead) {
                if (loaded.isEmpty()) {
                    if (read == ids.size()) {
                        return;
                    }
                    List<UUID> batch = ids.subList(read, Math.min(ids.size(), read + CaseReader.LOAD_CHUNK));
                    read += batch.size();
                    loaded.addAll(reader.load(batch, ownKeys(staffId)));
                } else {
                    CaseReader.Stored stored = loaded.removeFirst();
                    opening.addLast(parallel.submit(() -> reader.open(stored)));
                }
            }
        }

        /** Drops what was decrypted ahead but not taken (the rebuild ended early). */
        void cancel() {
            opening.forEach(f -> f.cancel(true));
            opening.clear();
            loaded.clear();
        }
    }

    /** Where a failure arose: class, method and line, never its message (which might quote contents). */
    private static String where(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length == 0 ? "?" : trace[0].getClassName() + "." + trace[0].getMethodName() + ":"
                + trace[0].getLineNumber();
    }
}
