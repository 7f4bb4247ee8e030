package org.candor.search;

import static org.candor.search.CaseIndexTest.MANUAL;
import static org.candor.search.CaseIndexTest.canary;
import static org.candor.search.CaseIndexTest.caseWith;
import static org.candor.search.CaseIndexTest.folderContains;
import static org.candor.search.CaseIndexTest.hits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.candor.search.store.EncryptedDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk keeps one index per reader (docs/protocol.md, "Case search in the desk"): an index
 * key held by investigator A opens A's index and nothing of an index that holds B's cases, not
 * the index as a whole, not one of its files, not its segment files copied next to A's own.
 */
class IndexPerReaderTest {

  @TempDir Path root;

  @Test
  void aKeyOfOneReaderOpensNoIndexNoFileAndNoSegmentOfAnotherReadersCases() throws IOException {
    Path folderA = root.resolve("a");
    Path folderB = root.resolve("b");
    IndexKey keyA = CaseIndex.newKey();
    IndexKey keyB = CaseIndex.newKey();
    String wordA = canary();
    String wordB = canary();
    Set<String> both = Set.of("case-a", "case-b");
    try (CaseIndex a = CaseIndex.open(folderA, keyA, MANUAL)) {
      a.indexer().index(caseWith("case-a", wordA));
      a.indexer().commit("a");
    }
    try (CaseIndex b = CaseIndex.open(folderB, keyB, MANUAL)) {
      b.indexer().index(caseWith("case-b", wordB));
      b.indexer().commit("b");
      b.refresh();
      assertEquals(1, hits(b, wordB, both), "B's own key reads B's index");
    }
    assertFalse(folderContains(folderB, wordB), "B's words are nowhere in clear");

    assertThrows(WrongIndexKeyException.class, () -> CaseIndex.open(folderB, keyA, MANUAL),
        "A's key does not open B's index");

    List<Path> filesOfB = regularFiles(folderB);
    int encrypted = 0;
    try (EncryptedDirectory withKeyA = new EncryptedDirectory(FSDirectory.open(folderB), keyA.toBytes())) {
      for (Path file : filesOfB) {
        if (file.getFileName().toString().equals("write.lock")) {
          continue; // Lucene's empty lock file: no content
        }
        encrypted++;
        assertThrows(IOException.class, () -> readWhole(withKeyA, file.getFileName().toString()),
            "A's key reads nothing of " + file.getFileName());
      }
    }
    assertTrue(encrypted >= 3, "B's index has segment files: " + filesOfB);

    // B's segment files placed among A's own: A's key still opens none of them, and A's index
    // as A's key sees it holds A's case only.
    Path mixed = root.resolve("mixed");
    Files.createDirectories(mixed);
    for (Path file : regularFiles(folderA)) {
      Files.copy(file, mixed.resolve(file.getFileName()));
    }
    for (Path file : filesOfB) {
      String name = file.getFileName().toString();
      if (name.startsWith("_") && !name.equals("write.lock")) {
        Files.copy(file, mixed.resolve("b" + name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    try (EncryptedDirectory withKeyA = new EncryptedDirectory(FSDirectory.open(mixed), keyA.toBytes())) {
      for (String name : withKeyA.listAll()) {
        if (name.startsWith("b_")) {
          assertThrows(IOException.class, () -> readWhole(withKeyA, name), "A's key reads nothing of B's " + name);
        }
      }
    }
    try (CaseIndex a = CaseIndex.open(folderA, keyA, MANUAL)) {
      assertEquals(1, hits(a, wordA, both), "A's key reads A's index");
      assertEquals(0, hits(a, wordB, both), "A's index holds nothing of B's case");
      assertEquals(1, hits(a, "", both), "A's index holds one case");
    }
  }

  private static List<Path> regularFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static void readWhole(EncryptedDirectory directory, String name) throws IOException {
    try (IndexInput in = directory.openInput(name, IOContext.DEFAULT)) {
      byte[] buffer = new byte[4096];
      long left = in.length();
      while (left > 0) {
        int n = (int) Math.min(buffer.length, left);
        in.readBytes(buffer, 0, n);
        left -= n;
      }
    }
  }
}
