package org.candor.portal.blobstore;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Blobs as files under {@code candor.blobs.dir} (default {@code ${candor.data.dir}/blobs}), written
 * so that a crash at any moment leaves nothing half-written that outlives the next start
 * (docs/design.md properties 10 and 11): a blob is written to {@code pending/}, forced to disk, then
 * moved atomically to {@code ab/abcdef...}. Several instances can share the folder (for example
 * over NFS): names never collide.
 *
 * <p><b>Who may remove what.</b> From the moment its file is created until its writer
 * {@linkplain PendingBlob#close() closes} it, a blob's file holds an exclusive lock (a POSIX
 * record lock on the file, which follows it through the atomic move and which the kernel drops
 * when the writing process dies). Writers close a committed blob only after the transaction
 * that records it has ended. So a file nobody holds a lock on is either recorded, or left by a
 * writer that died or gave up, and only such a file is ever swept:
 * <ul>
 * <li>at start, every file in {@code pending/} that can be locked is removed (a partial upload
 *     of a process that was killed); files another live instance is writing stay;</li>
 * <li>{@link #deleteIfAbandoned} removes a committed blob only while holding its lock and only if
 *     the caller's check, made under that lock, still finds no row naming it (the orphan sweep in
 *     {@code governance.retention.BlobSweep}).</li>
 * </ul>
 * Within one process a lock cannot be tested without breaking it (closing any channel on a file
 * drops the process's lock on it), so the blobs this process holds are also kept in a set and
 * never opened by a sweep. A writer that creates its file in the instant before another
 * instance's sweep locks it finds the file gone once it holds the lock, and starts a new one.
 *
 * <p>Keeps docs/design.md property 6 on disk: blobs are 0600 and folders 0700 whatever the umask, and a
 * committed blob and the folders it changed carry the start of the UTC day, not the moment of
 * arrival, as modification and access time.
 */
@ApplicationScoped
@Typed(FileSystemBlobStore.class)
public class FileSystemBlobStore implements SweepableBlobStore {

    private static final Logger LOG = Logger.getLogger(FileSystemBlobStore.class.getName());

    /** The ids of the blobs this process is writing or holds until their rows are recorded. */
    private static final Set<String> HELD = ConcurrentHashMap.newKeySet();
    private static final Pattern SHARD = Pattern.compile("[0-9a-f]{2}");
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{32}");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    @Inject
    @ConfigProperty(name = "candor.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "candor.blobs.dir")
    Optional<String> blobsDir;

    private Path root;

    /** For CDI. */
    public FileSystemBlobStore() {
    }

    /** A store in a folder, outside a container (tests, tools); sweeps abandoned pending files at once. */
    public FileSystemBlobStore(Path root) {
        this.root = root;
        prepare();
    }

    @PostConstruct
    void start() {
        root = blobsDir.map(Path::of).orElse(Path.of(dataDir, "blobs"));
        prepare();
    }

    private void prepare() {
        try {
            ownerOnlyFolder(root);
            ownerOnlyFolder(pending());
            int removed = sweepPending();
            if (removed > 0) {
                LOG.info(() -> "Removed " + removed + " partial uploads left by a stopped process");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the blob folder " + root, e);
        }
    }

    /**
     * Removes the files in {@code pending/} that no live process is writing; returns how many.
     * Runs at start; safe to run at any time and from several instances at once.
     */
    @Override
    public int sweepPending() throws IOException {
        int removed = 0;
        try (Stream<Path> leftovers = Files.list(pending())) {
            for (Path file : leftovers.toList()) {
                if (removeIfUnlocked(file, () -> true)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /**
     * Removes a committed blob if no live process holds it and, checked while it is locked,
     * {@code stillUnreferenced} says no record names it; returns whether it was removed.
     */
    @Override
    public boolean deleteIfAbandoned(BlobId id, Predicate<BlobId> stillUnreferenced) throws IOException {
        return removeIfUnlocked(path(id), () -> stillUnreferenced.test(id));
    }

    /** The committed blobs whose file was last modified (a day, see {@link #hideArrival}) before {@code cutoff}. */
    @Override
    public List<BlobId> committedBefore(Instant cutoff) throws IOException {
        List<BlobId> old = new ArrayList<>();
        try (Stream<Path> shards = Files.list(root)) {
            for (Path shard : shards.filter(p -> SHARD.matcher(p.getFileName().toString()).matches()).toList()) {
                try (Stream<Path> files = Files.list(shard)) {
                    for (Path file : files.toList()) {
                        String name = file.getFileName().toString();
                        if (NAME.matcher(name).matches() && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                            old.add(new BlobId(name));
                        }
                    }
                }
            }
        }
        return old;
    }

    private boolean removeIfUnlocked(Path file, java.util.function.BooleanSupplier mayRemove) throws IOException {
        if (HELD.contains(file.getFileName().toString())) {
            return false;
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
        } catch (NoSuchFileException gone) {
            return false;
        }
        try (channel) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldHere) {
                return false; // held by this process through another class loader
            }
            if (lock == null || !mayRemove.getAsBoolean()) {
                return false; // a live writer holds it, or a record names it
            }
            Files.deleteIfExists(file);
            return true;
        }
    }

    @Override
    public PendingBlob create() throws IOException {
        while (true) {
            BlobId id = BlobId.random();
            Path file = pending().resolve(id.value());
            HELD.add(id.value());
            FileChannel channel = null;
            try {
                channel = posix()
                        ? FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                                PosixFilePermissions.asFileAttribute(OWNER_FILE))
                        : FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                FileLock lock = channel.lock();
                if (Files.exists(file)) {
                    return new FilePendingBlob(id, file, channel, lock);
                }
                // another instance's sweep removed the file before it was locked: take a new one
                channel.close();
            } catch (IOException | RuntimeException e) {
                if (channel != null) {
                    channel.close();
                }
                Files.deleteIfExists(file);
                HELD.remove(id.value());
                throw e;
            }
            HELD.remove(id.value());
        }
    }

    @Override
    public InputStream open(BlobId id) throws IOException {
        return Files.newInputStream(path(id));
    }

    @Override
    public long size(BlobId id) throws IOException {
        return Files.size(path(id));
    }

    @Override
    public void delete(BlobId id) throws IOException {
        Files.deleteIfExists(path(id));
    }

    /** The folder of the store. */
    public Path root() {
        return root;
    }

    private boolean posix() {
        return root.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates a folder (and its parents) readable by its owner only (0700), and tightens it if it exists. */
    private void ownerOnlyFolder(Path folder) throws IOException {
        if (!posix()) {
            Files.createDirectories(folder);
            return;
        }
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
        }
        if (!Files.getPosixFilePermissions(folder).equals(OWNER_FOLDER)) {
            Files.setPosixFilePermissions(folder, OWNER_FOLDER);
        }
    }

    /**
     * Gives a committed blob's shard folder, the pending folder and the store's folder (a new
     * shard folder changes it) the start of the current UTC day as modification and access time,
     * so that none of them records the moment the blob arrived (docs/design.md property 6); the
     * blob itself gets it when its lock is let go, on close. The change time cannot be set
     * (docs/threat-model.md).
     */
    private void hideArrival(Path blob) throws IOException {
        for (Path path : List.of(blob.getParent(), pending(), root)) {
            dayOnly(path);
        }
    }

    /**
     * Sets the start of the UTC day as a path's modification and access time. Never call it on a
     * file this process holds locked: setting times opens and closes the file, and closing any
     * descriptor of a file drops the process's POSIX lock on it.
     */
    private static void dayOnly(Path path) throws IOException {
        FileTime day = FileTime.from(Instant.now().truncatedTo(ChronoUnit.DAYS));
        Files.getFileAttributeView(path, BasicFileAttributeView.class).setTimes(day, day, null);
    }

    private Path pending() {
        return root.resolve("pending");
    }

    private Path path(BlobId id) {
        return root.resolve(id.value().substring(0, 2)).resolve(id.value());
    }

    private final class FilePendingBlob implements PendingBlob {
        private final BlobId id;
        private final Path file;
        private final FileChannel channel;
        private final FileLock lock;
        private final OutputStream out;
        private boolean committed;
        private boolean closed;

        FilePendingBlob(BlobId id, Path file, FileChannel channel, FileLock lock) {
            this.id = id;
            this.file = file;
            this.channel = channel;
            this.lock = lock;
            this.out = new BufferedOutputStream(Channels.newOutputStream(new Unclosable(channel)), 64 * 1024);
        }

        @Override
        public OutputStream stream() {
            return out;
        }

        @Override
        public BlobId commit() throws IOException {
            if (committed || closed) {
                throw new IllegalStateException("blob already closed");
            }
            out.flush();
            channel.force(true);
            Path target = path(id);
            ownerOnlyFolder(target.getParent());
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            hideArrival(target);
            committed = true;
            return id;
        }

        @Override
        public void abort() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (!committed) {
                    Files.deleteIfExists(file); // while still locked: no sweep touches it meanwhile
                }
            } catch (IOException e) {
                // removed by the sweep at the next start at the latest
            } finally {
                try {
                    lock.release();
                    channel.close();
                } catch (IOException ignored) {
                    // closing releases the lock in any case
                }
                if (committed) {
                    try {
                        dayOnly(path(id)); // only now: setting it under the lock would drop the lock
                    } catch (IOException gone) {
                        // deleted meanwhile: no time left to hide
                    }
                }
                HELD.remove(id.value());
            }
        }
    }

    /**
     * The channel as seen by the blob's output stream: closing the stream (as an OpenPGP writer
     * does when it finishes) must not close the channel, which holds the blob's lock until the
     * blob is committed and recorded.
     */
    private static final class Unclosable implements java.nio.channels.WritableByteChannel {
        private final FileChannel channel;

        Unclosable(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public int write(java.nio.ByteBuffer source) throws IOException {
            return channel.write(source);
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() {
            // the pending blob closes the channel
        }
    }
}
