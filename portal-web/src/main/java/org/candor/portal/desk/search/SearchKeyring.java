package org.candor.portal.desk.search;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.candor.crypto.Opener;
import org.candor.crypto.RecipientKey;
import org.candor.crypto.Sealer;
import org.candor.crypto.UnlockedKey;
import org.candor.portal.audit.Actor;
import org.candor.portal.audit.AuditAction;
import org.candor.portal.audit.AuditEvent;
import org.candor.portal.audit.AuditLog;
import org.candor.portal.channel.RecipientKeys;
import org.candor.search.CaseIndex;
import org.candor.search.CaseSearchException;
import org.candor.search.IndexInUseException;
import org.candor.search.IndexKey;
import org.candor.search.extract.AttachmentExtractor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds each investigator's own search index open, with its key in memory, exactly while that
 * investigator has unlocked their key: the one place that opens and closes {@link CaseIndex}es.
 * Keeps docs/design.md property 7 ("an investigator finds only cases they may read", the index key
 * "only in memory while an authorised investigator has unlocked it") in the form docs/protocol.md
 * ("Case search in the desk") states: one index per investigator, holding only cases sealed to
 * that investigator, its key sealed to that investigator alone and never to a colleague. Whoever
 * holds an index key can therefore read nothing in it that their own key does not already open.
 *
 * <p>Holders are the sessions' own {@link UnlockedKey} objects (identity, not equality): a
 * session that locks, signs out or times out closes its key, and {@link #sweep()} drops closed
 * keys; an investigator's index closes when their last unlocked session is gone. Opening and
 * closing happen under this object's monitor; searches and indexing run under the read lock,
 * closing takes the write lock, so an index is never closed under a reader.
 */
@ApplicationScoped
public class SearchKeyring {

    private static final Logger LOG = Logger.getLogger(SearchKeyring.class.getName());

    /** Where an investigator's index stands, as they see it. */
    public enum State {
        /** Open: searches run. */
        OPEN,
        /** Closed: the investigator has not unlocked, or opening failed. */
        CLOSED
    }

    /** An open index, its key, and the investigator whose index it is. */
    record OpenIndex(CaseIndex index, IndexKey key, UUID indexId, UUID staffId) {
        @Override
        public String toString() {
            return "OpenIndex[" + indexId + " of " + staffId + "]";
        }
    }

    @Inject
    SearchTables tables;

    @Inject
    RecipientKeys recipientKeys;

    @Inject
    AuditLog audit;

    @Inject
    SearchWorker worker;

    @Inject
    CaseReader reader;

    @Inject
    @ConfigProperty(name = "candor.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "candor.search.dir")
    Optional<String> searchDir;

    @Inject
    @ConfigProperty(name = "candor.search.extraction-heap-mib", defaultValue = "256")
    int extractionHeapMiB;

    @Inject
    @ConfigProperty(name = "candor.search.extraction-processes", defaultValue = "2")
    int extractionProcesses;

    @Inject
    @ConfigProperty(name = "candor.search.extraction-memory-dir", defaultValue = "/dev/shm")
    String extractionMemoryDir;

    private final Map<UnlockedKey, UUID> holders = new IdentityHashMap<>();
    private volatile Map<UUID, List<UnlockedKey>> holderSnapshot = Map.of();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** The open indexes by investigator; replaced whole, under this object's monitor. */
    private volatile Map<UUID, OpenIndex> open = Map.of();

    /** The folder holding one sub-folder per investigator's index, named by the index id. */
    public Path folder() {
        return searchDir.map(Path::of).orElse(Path.of(dataDir, "search-index"));
    }

    /** The folder of one index. */
    Path folderOf(UUID indexId) {
        return folder().resolve(indexId.toString());
    }

    /**
     * An investigator's session has their key unlocked: it becomes a holder, and their own index
     * is opened with their key if it is closed (or made, the first time).
     */
    public synchronized void join(UUID staffId, String username, UnlockedKey key) {
        if (key.isClosed()) {
            return;
        }
        if (!holders.containsKey(key)) {
            holders.put(key, staffId);
            snapshot();
        }
        if (!open.containsKey(staffId)) {
            dropUnusedIndexes();
            tryOpen(staffId, username, key);
        }
    }

    /** Drops holders whose key was closed; closes the index of every investigator without a holder left. */
    public synchronized void sweep() {
        if (holders.keySet().removeIf(UnlockedKey::isClosed)) {
            snapshot();
        }
        for (OpenIndex current : open.values()) {
            if (!holderSnapshot.containsKey(current.staffId())) {
                close(current);
            }
        }
    }

    /** Where an investigator's index stands. */
    public State state(UUID staffId) {
        return open.containsKey(staffId) ? State.OPEN : State.CLOSED;
    }

    /** Whether any index is open now. */
    public boolean isOpen() {
        return !open.isEmpty();
    }

    /** Whether this investigator's index is open now. */
    public boolean isOpen(UUID staffId) {
        return open.containsKey(staffId);
    }

    /** The investigators whose index is open now. */
    public Set<UUID> openFor() {
        return open.keySet();
    }

    /** The unlocked keys of the holders by investigator, as of now. */
    public Map<UUID, List<UnlockedKey>> holders() {
        return holderSnapshot;
    }

    /** Runs work on one investigator's open index under the read lock; empty if it is closed. */
    public <T> Optional<T> withIndex(UUID staffId, Function<OpenIndex, T> work) {
        lock.readLock().lock();
        try {
            OpenIndex current = open.get(staffId);
            return current == null ? Optional.empty() : Optional.ofNullable(work.apply(current));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Deletes the indexes of former investigators (disabled, or without the role): their rows, so
     * their sealed keys, and their folders; and any folder or file in the index folder that is
     * not an index of the database (an index replaced, or the shared index of earlier versions).
     */
    synchronized void dropUnusedIndexes() {
        Set<UUID> openIds = new HashSet<>();
        open.values().forEach(o -> openIds.add(o.indexId()));
        tables.dropIndexesOfFormerInvestigators(openIds);
        Set<String> kept = new HashSet<>();
        tables.indexes().forEach(row -> kept.add(row.id().toString()));
        openIds.forEach(id -> kept.add(id.toString()));
        Path folder = folder();
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.toList()) {
                if (!kept.contains(entry.getFileName().toString())) {
                    delete(entry);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "an unused search index folder could not be deleted ({0})", e.getClass().getSimpleName());
        }
    }

    /** A session ended (sign-out or timeout): its unlocked key was closed with it. */
    void sessionEnded(@Observes @Destroyed(SessionScoped.class) Object session) {
        sweep();
    }

    @PreDestroy
    synchronized void shutdown() {
        holders.clear();
        snapshot();
        open.values().forEach(this::close);
    }

    // ----- opening and closing

    private void tryOpen(UUID staffId, String username, UnlockedKey key) {
        try {
            Optional<SearchTables.IndexRow> row = tables.indexOf(staffId);
            if (row.isEmpty()) {
                create(staffId, username);
                return;
            }
            IndexKey indexKey;
            try {
                indexKey = unseal(row.get().sealedKey(), key);
            } catch (IOException | RuntimeException notForThisKey) {
                // Sealed to a key this investigator no longer has (a new key pair): the index is
                // derived data, so a new one is made and filled from the cases their key opens.
                LOG.warning("an investigator's search index key could not be unsealed with their key; a new index is made");
                create(staffId, username);
                return;
            }
            if (!indexKey.fingerprint().equals(row.get().keyFingerprint())) {
                indexKey.destroy();
                LOG.warning("an investigator's search index key does not match its fingerprint; a new index is made");
                create(staffId, username);
                return;
            }
            openWith(indexKey, row.get().id(), staffId);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "a search index could not be opened ({0})", e.getClass().getSimpleName());
        }
    }

    private void create(UUID staffId, String username) throws IOException {
        Optional<RecipientKey> publicKey = recipientKeys.usableKeyOf(staffId);
        if (publicKey.isEmpty()) {
            LOG.warning("an investigator without a usable key cannot have a search index");
            return;
        }
        IndexKey indexKey = CaseIndex.newKey();
        byte[] raw = indexKey.toBytes();
        byte[] sealed;
        try {
            sealed = Sealer.to(publicKey.get()).seal(raw, Sealer.Content.BINARY);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
        Optional<SearchTables.IndexRow> earlier = tables.indexOf(staffId);
        SearchTables.IndexRow row = tables.newIndex(staffId, indexKey.fingerprint(), sealed);
        if (earlier.isPresent()) {
            delete(folderOf(earlier.get().id()));
        }
        delete(folderOf(row.id()));
        openWith(indexKey, row.id(), staffId);
        audit.record(AuditEvent.of(AuditAction.KEY_GENERATED, Actor.staff(staffId, username))
                .about("search-index", row.id()).with("key", "search-index").with("fingerprint", row.keyFingerprint())
                .with("sealed-to", publicKey.get().fingerprint()));
    }

    private void openWith(IndexKey indexKey, UUID indexId, UUID staffId) throws IOException {
        AttachmentExtractor.Process defaults = AttachmentExtractor.Process.defaults();
        CaseIndex.Options options = CaseIndex.Options.defaults()
                .withAttachmentLimits(reader.maxAttachmentBytes(), 1_000_000, Duration.ofSeconds(20))
                .withExtraction(new AttachmentExtractor.Process(extractionHeapMiB, extractionProcesses,
                        defaults.maxPerChild(), defaults.idleTime(), Path.of(extractionMemoryDir)));
        Path folder = folderOf(indexId);
        CaseIndex index;
        try {
            index = CaseIndex.open(folder, indexKey, options);
        } catch (IndexInUseException inUse) {
            // Another process (a second desk instance on the same folder) holds the write lock:
            // its files are not ours to empty (docs/operations.md).
            LOG.warning("a search index is in use by another process; it stays closed on this instance");
            indexKey.destroy();
            throw inUse;
        } catch (CaseSearchException unreadable) {
            // Derived data only: an index this key cannot read (WrongIndexKeyException) or that is
            // damaged is thrown away and filled again by the catch-up.
            LOG.warning("a search index folder could not be read with its key; it is emptied and caught up");
            delete(folder);
            index = CaseIndex.open(folder, indexKey, options);
        }
        if (!index.checkpoint().equals(Optional.of(indexId.toString()))) {
            tables.dropMarkers(indexId);
            index.indexer().commit(indexId.toString());
        }
        Map<UUID, OpenIndex> next = new LinkedHashMap<>(open);
        next.put(staffId, new OpenIndex(index, indexKey, indexId, staffId));
        open = Map.copyOf(next);
        worker.started(staffId);
    }

    private void close(OpenIndex current) {
        worker.stopped(current.staffId());
        lock.writeLock().lock();
        try {
            Map<UUID, OpenIndex> next = new LinkedHashMap<>(open);
            next.remove(current.staffId());
            open = Map.copyOf(next);
            try {
                current.index().close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a search index did not close cleanly ({0})", e.getClass().getSimpleName());
            } finally {
                current.key().destroy();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static IndexKey unseal(byte[] sealed, UnlockedKey key) throws IOException {
        byte[] raw;
        try (InputStream in = new ByteArrayInputStream(sealed)) {
            raw = Opener.with(key).openAll(in, IndexKey.LENGTH);
        }
        try {
            return IndexKey.fromBytes(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Deletes a file, or a folder with everything in it. */
    private static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void snapshot() {
        Map<UUID, List<UnlockedKey>> byStaff = new LinkedHashMap<>();
        holders.forEach((k, staff) -> byStaff.computeIfAbsent(staff, s -> new ArrayList<>()).add(k));
        byStaff.replaceAll((s, keys) -> List.copyOf(keys));
        holderSnapshot = Map.copyOf(byStaff);
    }
}
