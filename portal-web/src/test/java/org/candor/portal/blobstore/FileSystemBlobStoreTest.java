package org.candor.portal.blobstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a stored blob tells on disk besides its ciphertext (docs/design.md property 6), in a process
 * whose umask would let others read new files: the blob is 0600 and its folders 0700, and neither
 * the blob nor its shard folder nor the pending folder keeps the moment it arrived as
 * modification time, only the start of the UTC day.
 */
class FileSystemBlobStoreTest {

    @TempDir
    Path temp;

    @Test
    void aCommittedBlobIsOwnerOnlyAndCarriesOnlyTheDay() throws Exception {
        Path control = Files.createFile(temp.resolve("control"));
        assumeTrue(Files.getPosixFilePermissions(control).size() > 2, "the umask already keeps new files private");
        FileSystemBlobStore store = new FileSystemBlobStore(temp.resolve("blobs"));
        Thread.sleep(1100); // the arrival is then a different second from the store's creation
        BlobStore.PendingBlob pending = store.create();
        try (OutputStream out = pending.stream()) {
            out.write("ciphertext".getBytes(StandardCharsets.US_ASCII));
        }
        Instant arrival = Instant.now();
        BlobId id = pending.commit();
        FileTime day = FileTime.from(arrival.truncatedTo(ChronoUnit.DAYS));
        Path blob = store.root().resolve(id.value().substring(0, 2)).resolve(id.value());
        // Until its transaction ends the committed blob stays locked against other processes' sweeps
        // (hiding its time under the lock would drop the lock).
        assertEquals("blocked", lockFromAnotherProcess(blob), "the committed blob is still locked");
        pending.close();
        assertEquals("locked", lockFromAnotherProcess(blob), "the lock goes with close");

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(blob)));
        for (Path folder : new Path[] {store.root(), blob.getParent(), store.root().resolve("pending")}) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)), folder.toString());
        }
        assertEquals(day, Files.getLastModifiedTime(blob), "the blob's mtime");
        assertEquals(day, Files.getLastModifiedTime(blob.getParent()), "the shard folder's mtime");
        assertEquals(day, Files.getLastModifiedTime(store.root().resolve("pending")), "the pending folder's mtime");
        assertEquals(day, Files.getLastModifiedTime(store.root()), "the store folder's mtime");
    }

    /** Tries a POSIX record lock on the file from another process, as another instance's sweep would. */
    private static String lockFromAnotherProcess(Path file) throws Exception {
        String script = "import fcntl,sys\nf=open(sys.argv[1],'r+')\ntry:\n fcntl.lockf(f, fcntl.LOCK_EX|fcntl.LOCK_NB)\n"
                + " print('locked')\nexcept OSError:\n print('blocked')";
        Process python = new ProcessBuilder("python3", "-c", script, file.toString()).redirectErrorStream(true).start();
        String answer = new String(python.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        python.waitFor();
        return answer;
    }
}
