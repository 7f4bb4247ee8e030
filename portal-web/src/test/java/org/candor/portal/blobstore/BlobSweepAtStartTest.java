package org.candor.portal.blobstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a store sweeps when it starts on a folder that another store (in this process or in
 * another one) shares: partial files of a dead writer go, files a live writer holds stay, and a
 * committed blob is removed as an orphan only when nobody holds it and nothing names it.
 */
class BlobSweepAtStartTest {

    @TempDir
    Path folder;

    @Test
    void aStoreStartingBesideAWritingOneLeavesItsUploadAloneAndTheUploadCompletes() throws IOException {
        FileSystemBlobStore writing = new FileSystemBlobStore(folder);
        byte[] content = "sealed bytes".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        try (BlobStore.PendingBlob upload = writing.create()) {
            upload.stream().write(content, 0, content.length / 2);
            upload.stream().flush();
            assertEquals(1, pendingFiles().size());

            FileSystemBlobStore starting = new FileSystemBlobStore(folder); // sweeps at start
            assertEquals(1, pendingFiles().size(), "the live upload's partial file stays");
            assertEquals(0, starting.sweepPending());

            upload.stream().write(content, content.length / 2, content.length - content.length / 2);
            BlobId id = upload.commit();
            assertFalse(starting.deleteIfAbandoned(id, unreferenced -> true),
                    "committed but not yet recorded: still held, not an orphan");
            upload.close();
            try (InputStream in = starting.open(id)) {
                assertArrayEquals(content, in.readAllBytes(), "the other store reads the whole blob");
            }
        }
    }

    @Test
    void aPartialUploadOfAStoppedWriterIsRemovedAtStartAndAnOrphanOnlyWhenUnreferenced() throws IOException {
        Files.createDirectories(folder.resolve("pending"));
        Path partial = Files.write(folder.resolve("pending").resolve("0123456789abcdef0123456789abcdef"), new byte[1000]);
        FileSystemBlobStore store = new FileSystemBlobStore(folder);
        assertFalse(Files.exists(partial), "a file nobody holds is a dead writer's partial upload");

        BlobId id;
        try (BlobStore.PendingBlob blob = store.create()) {
            blob.stream().write(new byte[] {1, 2, 3});
            id = blob.commit();
        }
        assertFalse(store.deleteIfAbandoned(id, unreferenced -> false), "a recorded blob stays");
        assertTrue(Files.exists(folder.resolve(id.value().substring(0, 2)).resolve(id.value())));
        assertTrue(store.deleteIfAbandoned(id, unreferenced -> true), "an unheld, unrecorded blob is an orphan");
        assertFalse(Files.exists(folder.resolve(id.value().substring(0, 2)).resolve(id.value())));
    }

    @Test
    void aFileLockedByAnotherLiveProcessIsNotSweptAndIsOnceThatProcessDies() throws Exception {
        Files.createDirectories(folder.resolve("pending"));
        Path held = Files.write(folder.resolve("pending").resolve("fedcba9876543210fedcba9876543210"), new byte[100]);
        Process other = lockInAnotherProcess(held);
        try {
            FileSystemBlobStore starting = new FileSystemBlobStore(folder);
            assertTrue(Files.exists(held), "another instance's upload in progress is left alone");
            assertEquals(0, starting.sweepPending());
            other.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: the kernel drops its lock
            assertEquals(1, starting.sweepPending());
            assertFalse(Files.exists(held));
        } finally {
            other.destroyForcibly();
        }
    }

    /** Another JVM that locks a file as a writing store does and waits. */
    private Process lockInAnotherProcess(Path file) throws IOException {
        Path source = Files.writeString(folder.resolve("Holder.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class Holder {
                    public static void main(String[] args) throws Exception {
                        FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
                        channel.lock();
                        System.out.println("locked");
                        System.out.flush();
                        Thread.sleep(600_000);
                    }
                }
                """);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                source.toString(), file.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertEquals("locked", line, "the other process took the lock");
        return process;
    }

    private List<Path> pendingFiles() throws IOException {
        try (Stream<Path> files = Files.list(folder.resolve("pending"))) {
            return files.toList();
        }
    }
}
