package org.candor.portal.blobstore;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Blobs as files under {@code candor.blobs.dir} (default {@code ${candor.data.dir}/blobs}): a
 * blob is written to {@code pending/}, forced to disk, then moved atomically to
 * {@code ab/abcdef...}. Pending files left by a crash are removed when the portal starts.
 * Several instances can share the folder (for example over NFS): names never collide.
 */
@ApplicationScoped
public class FileSystemBlobStore implements BlobStore {

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
            Files.createDirectories(pending());
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
        return new FilePendingBlob(id, file, Files.newOutputStream(file, StandardOpenOption.CREATE_NEW));
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
            Files.createDirectories(target.getParent());
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
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
