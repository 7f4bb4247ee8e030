package org.candor.portal.blobstore;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Blobs as files under {@code candor.blobs.dir} (default {@code ${candor.data.dir}/blobs}): a
 * blob is written to {@code pending/}, forced to disk, then moved atomically to
 * {@code ab/abcdef...}. Pending files left by a crash are removed when the portal starts.
 * Several instances can share the folder (for example over NFS): names never collide.
 *
 * <p>Keeps DESIGN.md property 6 on disk: blobs are 0600 and folders 0700 whatever the umask, and a
 * committed blob and the folders it changed carry the start of the UTC day, not the
 * moment of arrival, as modification and access time.
 */
@ApplicationScoped
public class FileSystemBlobStore implements BlobStore {

    @Inject
    @ConfigProperty(name = "candor.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "candor.blobs.dir")
    Optional<String> blobsDir;

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    private Path root;

    /** For CDI. */
    public FileSystemBlobStore() {
    }

    /** A store in a folder, outside a container (tests, tools). */
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
            try (Stream<Path> leftovers = Files.list(pending())) {
                for (Path file : leftovers.toList()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the blob folder " + root, e);
        }
    }

    @Override
    public PendingBlob create() throws IOException {
        BlobId id = BlobId.random();
        Path file = pending().resolve(id.value());
        return new FilePendingBlob(id, file, ownerOnlyFile(file));
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

    private Path pending() {
        return root.resolve("pending");
    }

    private Path path(BlobId id) {
        return root.resolve(id.value().substring(0, 2)).resolve(id.value());
    }

    private boolean posix() {
        return root.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Opens a new file that is readable by its owner only (0600) from the moment it exists, whatever the umask. */
    private OutputStream ownerOnlyFile(Path file) throws IOException {
        if (!posix()) {
            return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
        }
        return Channels.newOutputStream(Files.newByteChannel(file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(OWNER_FILE)));
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
     * Gives a committed blob, its shard folder, the pending folder and the store's folder (a new
     * shard folder changes it) the start of the current UTC
     * day as modification and access time, so that none of them records the moment the blob
     * arrived (DESIGN.md property 6). The change time cannot be set (docs/threat-model.md).
     */
    private void hideArrival(Path blob) throws IOException {
        FileTime day = FileTime.from(Instant.now().truncatedTo(ChronoUnit.DAYS));
        for (Path path : List.of(blob, blob.getParent(), pending(), root)) {
            Files.getFileAttributeView(path, BasicFileAttributeView.class).setTimes(day, day, null);
        }
    }

    private final class FilePendingBlob implements PendingBlob {
        private final BlobId id;
        private final Path file;
        private final OutputStream out;
        private boolean done;

        FilePendingBlob(BlobId id, Path file, OutputStream raw) {
            this.id = id;
            this.file = file;
            this.out = new BufferedOutputStream(raw, 64 * 1024);
        }

        @Override
        public OutputStream stream() {
            return out;
        }

        @Override
        public BlobId commit() throws IOException {
            if (done) {
                throw new IllegalStateException("blob already closed");
            }
            out.close();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Path target = path(id);
            ownerOnlyFolder(target.getParent());
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            hideArrival(target);
            done = true;
            return id;
        }

        @Override
        public void abort() {
            if (done) {
                return;
            }
            done = true;
            try {
                out.close();
            } catch (IOException ignored) {
                // the file goes anyway
            }
            try {
                Files.deleteIfExists(file);
            } catch (NoSuchFileException gone) {
                // nothing to remove
            } catch (IOException e) {
                // removed at the next start at the latest
            }
        }
    }
}
