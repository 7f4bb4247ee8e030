package org.candor.search.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.candor.search.Attachment;
import org.candor.search.CaseDocument;
import org.candor.search.CaseIndex;
import org.candor.search.IndexKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the search index leaves on disk besides its ciphertext (docs/design.md property 6): in a process
 * whose umask lets others read new files, every index file is still readable by its owner only and
 * the folder by its owner only, and no file or folder carries the moment of an index write as
 * modification time, only the start of the UTC day. (Access times move on every read under the
 * usual relatime mount option; docs/threat-model.md says to mount with noatime.)
 */
class IndexFilesAtRestTest {

  @TempDir Path temp;

  @Test
  void indexFilesAreOwnerOnlyAndCarryOnlyTheDay() throws Exception {
    Path control = Files.createFile(temp.resolve("control"));
    assumeTrue(Files.getPosixFilePermissions(control).size() > 2,
        "the test JVM's umask already keeps new files private; nothing to prove");
    Instant before = Instant.now().truncatedTo(ChronoUnit.DAYS);
    Path folder = temp.resolve("search-index");
    try (CaseIndex index = CaseIndex.open(folder, IndexKey.generate(),
        CaseIndex.Options.defaults().withRefreshInterval(java.time.Duration.ZERO))) {
      for (int i = 0; i < 30; i++) {
        index.indexer().index(CaseDocument.builder("case-" + i, LocalDate.of(2024, 5, 1))
            .channel("ch").status("received").answer("answer number " + i)
            .attachment(Attachment.of("f.txt", ("attached " + i).getBytes(StandardCharsets.UTF_8)))
            .build());
        if (i % 10 == 9) {
          index.indexer().commit();
        }
      }
      Thread.sleep(1100); // so that a time set at the write would differ from any time set later
      walk(folder, before);
      assertEquals("blocked", lockFromAnotherProcess(folder.resolve("write.lock")),
          "the open index still holds its write lock against a second writer");
    }
    walk(folder, before);
  }

  private static void walk(Path folder, Instant before) throws Exception {
    Set<FileTime> days = new java.util.HashSet<>(List.of(FileTime.from(before),
        FileTime.from(Instant.now().truncatedTo(ChronoUnit.DAYS))));
    List<Path> all;
    try (Stream<Path> paths = Files.walk(folder)) {
      all = paths.toList();
    }
    assertTrue(all.size() > 3, "an index was written: " + all);
    for (Path path : all) {
      boolean dir = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
      assertEquals(dir ? "rwx------" : "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)),
          path.toString());
      if (path.getFileName().toString().equals("write.lock")) {
        // Empty, made when the index is first opened (an investigator's unlock, no whistleblower's
        // event); its time is left alone, since setting it would drop the writer's lock.
        continue;
      }
      assertTrue(days.contains(Files.getLastModifiedTime(path)), path + " mtime " + Files.getLastModifiedTime(path));
    }
  }

  /** Tries a POSIX record lock on the file from another process, as a second index writer would. */
  private static String lockFromAnotherProcess(Path file) throws Exception {
    String script = "import fcntl,sys\nf=open(sys.argv[1],'r+')\ntry:\n fcntl.lockf(f, fcntl.LOCK_EX|fcntl.LOCK_NB)\n"
        + " print('locked')\nexcept OSError:\n print('blocked')";
    Process python = new ProcessBuilder("python3", "-c", script, file.toString()).redirectErrorStream(true).start();
    String answer = new String(python.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
    python.waitFor();
    return answer;
  }
}
