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
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Holds the search index open, with its key in memory, exactly while at least one investigator
 * of this desk instance has unlocked their key: the one place that opens and closes the {@link
 * CaseIndex}. Keeps DESIGN.md property 7 (the index key "only in memory while an authorised
 * investigator has unlocked it") in its multi-user form, which docs/protocol.md ("Case search in
 * the desk") states: the key is in memory while any holder remains, and serves every unlocked
 * investigator; it is wiped when the last holder leaves.
 *
 * <p>Holders are the sessions' own {@link UnlockedKey} objects (identity, not equality): a
 * session that locks, signs out or times out closes its key, and {@link #sweep()} drops closed
 * keys. Opening and closing happen under this object's monitor; searches and indexing run under
 * the read lock, closing takes the write lock, so the index is never closed under a reader.
 */
@ApplicationScoped
public class SearchKeyring {

    private static final Logger LOG = Logger.getLogger(SearchKeyring.class.getName());

    /** Where the index stands, as one investigator sees it. */
    public enum State {
        /** Open: searches run. */
        OPEN,
        /** Closed, and this investigator holds no copy of its key: a colleague who has one must unlock. */
        WAITING_FOR_COLLEAGUE,
        /** Closed: nobody with a copy has unlocked (or opening failed). */
        CLOSED
    }

    /** The open index and its key. */
    record OpenIndex(CaseIndex index, IndexKey key, UUID indexId) {
        @Override
        public String toString() {
            return "OpenIndex[" + indexId + "]";
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
    private volatile OpenIndex open;

    /** The folder of the index. */
    public Path folder() {
        return searchDir.map(Path::of).orElse(Path.of(dataDir, "search-index"));
    }

    /**
     * An investigator's session has their key unlocked: it becomes a holder, and the index is
     * opened with their copy of the index key if it is closed (or made, the first time ever).
     */
    public synchronized void join(UUID staffId, String username, UnlockedKey key) {
        if (key.isClosed()) {
            return;
        }
        if (!holders.containsKey(key)) {
            holders.put(key, staffId);
            snapshot();
        }
        if (open == null) {
            tryOpen(staffId, username, key);
        } else {
            sealMissingCopies(open);
        }
    }

    /** Drops holders whose key was closed; closes the index when none is left. */
    public synchronized void sweep() {
        if (holders.keySet().removeIf(UnlockedKey::isClosed)) {
            snapshot();
        }
        if (holders.isEmpty() && open != null) {
            close();
        }
    }

    /** Where the index stands for an investigator. */
    public State state(UUID staffId) {
        if (open != null) {
            return State.OPEN;
        }
        Optional<SearchTables.IndexRow> row = tables.index();
        if (row.isPresent() && tables.sealedCopy(row.get().id(), staffId).isEmpty()) {
            return State.WAITING_FOR_COLLEAGUE;
        }
        return State.CLOSED;
    }

    /** Whether the index is open now. */
    public boolean isOpen() {
        return open != null;
    }

    /** The unlocked keys of the holders by investigator, as of now. */
    public Map<UUID, List<UnlockedKey>> holders() {
        return holderSnapshot;
    }

    /** Runs work on the open index under the read lock; empty if it is closed. */
    public <T> Optional<T> withIndex(Function<OpenIndex, T> work) {
        lock.readLock().lock();
        try {
            OpenIndex current = open;
            return current == null ? Optional.empty() : Optional.ofNullable(work.apply(current));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Seals the index key to every investigator who has no copy yet, and drops former investigators' copies. */
    void sealMissingCopies() {
        withIndex(current -> {
            sealMissingCopies(current);
            return null;
        });
    }

    /** A session ended (sign-out or timeout): its unlocked key was closed with it. */
    void sessionEnded(@Observes @Destroyed(SessionScoped.class) Object session) {
        sweep();
    }

    @PreDestroy
    synchronized void shutdown() {
        holders.clear();
        snapshot();
        if (open != null) {
            close();
        }
    }

    // ----- opening and closing

    private void tryOpen(UUID staffId, String username, UnlockedKey key) {
        try {
            Optional<SearchTables.IndexRow> row = tables.index();
            if (row.isEmpty()) {
                create(staffId, username);
                return;
            }
            Optional<byte[]> copy = tables.sealedCopy(row.get().id(), staffId);
            if (copy.isEmpty()) {
                return;
            }
            IndexKey indexKey = unseal(copy.get(), key);
            if (!indexKey.fingerprint().equals(row.get().keyFingerprint())) {
                indexKey.destroy();
                LOG.warning("an investigator's copy of the search index key does not match the index; ignored");
                return;
            }
            openWith(indexKey, row.get().id());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "the search index could not be opened ({0})", e.getClass().getSimpleName());
        }
    }

    private void create(UUID staffId, String username) throws IOException {
        discardFolder();
        IndexKey indexKey = CaseIndex.newKey();
        SearchTables.IndexRow row = tables.newIndex(indexKey.fingerprint());
        openWith(indexKey, row.id());
        audit.record(AuditEvent.of(AuditAction.KEY_GENERATED, Actor.staff(staffId, username))
                .about("search-index", row.id()).with("key", "search-index").with("fingerprint", row.keyFingerprint()));
    }

    private void openWith(IndexKey indexKey, UUID indexId) throws IOException {
        AttachmentExtractor.Process defaults = AttachmentExtractor.Process.defaults();
        CaseIndex.Options options = CaseIndex.Options.defaults()
                .withAttachmentLimits(reader.maxAttachmentBytes(), 1_000_000, Duration.ofSeconds(20))
                .withExtraction(new AttachmentExtractor.Process(extractionHeapMiB, extractionProcesses,
                        defaults.maxPerChild(), defaults.idleTime(), Path.of(extractionMemoryDir)));
        CaseIndex index;
        try {
            index = CaseIndex.open(folder(), indexKey, options);
        } catch (IndexInUseException inUse) {
            // Another process (a second desk instance on the same folder) holds the write lock:
            // its files are not ours to empty (docs/operations.md).
            LOG.warning("the search index is in use by another process; search stays closed on this instance");
            indexKey.destroy();
            throw inUse;
        } catch (CaseSearchException unreadable) {
            // Derived data only: an index this key cannot read (WrongIndexKeyException) or that is
            // damaged is thrown away and filled again by the catch-up.
            LOG.warning("the search index folder could not be read with the current key; it is emptied and caught up");
            discardFolder();
            index = CaseIndex.open(folder(), indexKey, options);
        }
        if (!index.checkpoint().equals(Optional.of(indexId.toString()))) {
            tables.dropMarkers();
            index.indexer().commit(indexId.toString());
        }
        OpenIndex opened = new OpenIndex(index, indexKey, indexId);
        open = opened;
        sealMissingCopies(opened);
        worker.started();
    }

    private void close() {
        worker.stopped();
        lock.writeLock().lock();
        try {
            OpenIndex current = open;
            open = null;
            if (current != null) {
                try {
                    current.index().close();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "the search index did not close cleanly ({0})", e.getClass().getSimpleName());
                } finally {
                    current.key().destroy();
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void sealMissingCopies(OpenIndex current) {
        tables.dropCopiesOfFormerInvestigators();
        for (UUID staffId : tables.needingCopy(current.indexId())) {
            Optional<RecipientKey> publicKey = recipientKeys.usableKeyOf(staffId);
            if (publicKey.isEmpty()) {
                continue;
            }
            byte[] raw = current.key().toBytes();
            try {
                tables.saveCopy(current.indexId(), staffId, Sealer.to(publicKey.get()).seal(raw, Sealer.Content.BINARY));
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
            // The desk seals the copy with the recipient's public key while the index is open:
            // no person chose to, so the actor is the system.
            audit.record(AuditEvent.of(AuditAction.SEARCH_INDEX_KEY_SHARED, Actor.system()).about("staff", staffId)
                    .with("index", current.indexId()).with("fingerprint", publicKey.get().fingerprint()));
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

    private void discardFolder() throws IOException {
        Path folder = folder();
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(folder)) {
                    Files.deleteIfExists(p);
                }
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
