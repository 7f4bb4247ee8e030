package org.candor.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.candor.search.analysis.CaseFields;
import org.candor.search.store.EncryptedDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseIndexTest {

  @TempDir Path folder;

  static final CaseIndex.Options MANUAL = CaseIndex.Options.defaults().withRefreshInterval(Duration.ZERO);

  static String canary() {
    byte[] b = new byte[12];
    new SecureRandom().nextBytes(b);
    return "canary" + HexFormat.of().formatHex(b);
  }

  static CaseDocument caseWith(String id, String text) {
    return CaseDocument.builder(id, LocalDate.of(2024, 5, 1))
        .channel("ch-" + text).status("received").label("lbl-" + text)
        .answer("answer " + text).message("message " + text).note("note " + text)
        .attachment(Attachment.of("file-" + text + ".txt", ("attached " + text).getBytes(StandardCharsets.UTF_8)))
        .build();
  }

  static long hits(CaseIndex index, String query, Set<String> permitted) {
    return index.searcher().search(SearchRequest.builder(query, permitted).build()).totalHits();
  }

  /** True if any file under {@code dir} holds {@code s} in UTF-8, UTF-16LE or UTF-16BE. */
  static boolean folderContains(Path dir, String s) throws IOException {
    List<byte[]> needles =
        List.of(
            s.getBytes(StandardCharsets.UTF_8),
            s.getBytes(StandardCharsets.UTF_16LE),
            s.getBytes(StandardCharsets.UTF_16BE));
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(p);
        for (byte[] n : needles) {
          if (indexOf(bytes, n) >= 0) {
            return true;
          }
        }
      }
    }
    return false;
  }

  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void noIndexFileHoldsTheCanaryButTheRightKeyFindsIt() throws IOException {
    String canary = canary();
    IndexKey key = IndexKey.generate();
    try (CaseIndex index = CaseIndex.open(folder, key, MANUAL)) {
      index.indexer().index(caseWith("case-1", canary));
      for (int i = 0; i < 50; i++) {
        index.indexer().index(caseWith("filler-" + i, "filler text number " + i));
      }
      index.indexer().commit();
    }
    assertFalse(folderContains(folder, canary), "plaintext canary found in the index folder");
    assertFalse(folderContains(folder, "case-1"), "plaintext case ID found in the index folder");

    try (CaseIndex reopened = CaseIndex.open(folder, IndexKey.fromBytes(key.toBytes()), MANUAL)) {
      assertEquals(1, hits(reopened, canary, Set.of("case-1")));
    }
  }

  @Test
  void theSameCasesOnAPlainDirectoryDoShowTheCanary() throws IOException {
    // Control for the test above: the scan does find plaintext when it is there.
    String canary = canary();
    try (CaseIndex index = CaseIndex.openUnencryptedForBenchmark(folder, MANUAL)) {
      index.indexer().index(caseWith("case-1", canary));
      index.indexer().commit();
    }
    assertTrue(folderContains(folder, canary));
  }

  @Test
  void wrongKeyFailsWithTypedErrorAndReadsNothing() {
    try (CaseIndex index = CaseIndex.open(folder, IndexKey.generate(), MANUAL)) {
      index.indexer().index(caseWith("case-1", "anything"));
      index.indexer().commit();
    }
    WrongIndexKeyException e =
        assertThrows(WrongIndexKeyException.class, () -> CaseIndex.open(folder, IndexKey.generate(), MANUAL));
    assertEquals("This key does not open the search index.", e.getMessage());
  }

  @Test
  void newCaseIsSearchableAfterRefreshWithoutCommit() {
    try (CaseIndex index = CaseIndex.open(folder, IndexKey.generate(), MANUAL)) {
      index.indexer().index(caseWith("a", "first"));
      index.refresh();
      assertEquals(0, hits(index, "second", Set.of("a", "b")));
      index.indexer().index(caseWith("b", "second"));
      assertEquals(0, hits(index, "second", Set.of("a", "b")));
      index.refresh();
      assertEquals(1, hits(index, "second", Set.of("a", "b")));
    }
  }

  @Test
  void reindexingACaseReplacesItsEntries() {
    try (CaseIndex index = CaseIndex.open(folder, IndexKey.generate(), MANUAL)) {
      index.indexer().index(caseWith("a", "before"));
      index.indexer().index(caseWith("a", "after"));
      index.refresh();
      assertEquals(0, hits(index, "before", Set.of("a")));
      assertEquals(1, hits(index, "after", Set.of("a")));
      assertEquals(1, hits(index, "", Set.of("a")));
    }
  }

  @Test
  void deletingACaseRemovesItFromSearches() {
    try (CaseIndex index = CaseIndex.open(folder, IndexKey.generate(), MANUAL)) {
      index.indexer().index(caseWith("a", "doomed"));
      index.indexer().index(caseWith("b", "kept"));
      index.refresh();
      index.indexer().delete("a");
      index.refresh();
      assertEquals(0, hits(index, "", Set.of("a")));
      assertEquals(1, hits(index, "", Set.of("a", "b")));
    }
  }

  @Test
  void purgeLeavesNoTermOfTheCaseInAnySegment() throws IOException {
    String canary = canary();
    IndexKey key = IndexKey.generate();
    try (CaseIndex index = CaseIndex.open(folder, key, MANUAL)) {
      index.indexer().index(caseWith("gone", canary));
      index.indexer().index(caseWith("kept", "kept"));
      for (int i = 0; i < 200; i++) {
        index.indexer().index(caseWith("filler-" + i, "filler"));
      }
      index.indexer().commit();
      index.indexer().delete("gone");
      index.indexer().commit();
      assertTrue(termInAnySegment(folder, key, canary), "plain deletion only marks documents deleted");
      index.indexer().purge(List.of("gone"));
      assertEquals(1, hits(index, "", Set.of("gone", "kept")));
      assertEquals(202 - 1, hits(index, "", allIds()));
    }
    assertFalse(termInAnySegment(folder, key, canary));
    assertFalse(termInAnySegment(folder, key, "gone"));
  }

  static Set<String> allIds() {
    Set<String> ids = new java.util.HashSet<>(Set.of("gone", "kept"));
    for (int i = 0; i < 200; i++) {
      ids.add("filler-" + i);
    }
    return ids;
  }

  static boolean termInAnySegment(Path folder, IndexKey key, String term) throws IOException {
    try (var dir = new EncryptedDirectory(FSDirectory.open(folder), key.toBytes());
        DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        for (String field : List.of(CaseFields.TEXT_PLAIN, CaseFields.CASE_ID)) {
          Terms terms = leaf.reader().terms(field);
          if (terms != null && terms.iterator().seekExact(new BytesRef(term))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  @Test
  void rebuildReplacesTheIndexAndReportsProgress() {
    try (CaseIndex index = CaseIndex.open(folder, IndexKey.generate(), MANUAL)) {
      index.indexer().index(caseWith("stale", "stale"));
      index.refresh();
      List<CaseDocument> cases = new ArrayList<>();
      for (int i = 0; i < 1200; i++) {
        cases.add(CaseDocument.builder("r" + i, LocalDate.of(2024, 1, 1)).answer("rebuilt " + i).build());
      }
      List<long[]> progress = new ArrayList<>();
      RebuildReport report =
          index.indexer().rebuild(cases.iterator(), cases.size(), (n, total) -> progress.add(new long[] {n, total}));
      assertEquals(1200, report.indexed());
      assertEquals(List.of(500L, 1000L, 1200L), progress.stream().map(p -> p[0]).toList());
      assertTrue(progress.stream().allMatch(p -> p[1] == 1200));
      Set<String> all = Set.of("stale", "r0", "r1199");
      assertEquals(2, hits(index, "", all));
      assertEquals(0, hits(index, "stale", all));
    }
  }

  @Test
  void failedRebuildLeavesTheLastCommitInPlace() {
    try (CaseIndex index = CaseIndex.open(folder, IndexKey.generate(), MANUAL)) {
      index.indexer().index(caseWith("old", "old"));
      index.indexer().commit();
      Iterator<CaseDocument> failing =
          new Iterator<>() {
            int n;

            @Override
            public boolean hasNext() {
              return true;
            }

            @Override
            public CaseDocument next() {
              if (n++ == 3) {
                throw new IllegalStateException("ciphertext could not be opened");
              }
              return CaseDocument.builder("n" + n, LocalDate.of(2024, 1, 1)).answer("new").build();
            }
          };
      assertThrows(IllegalStateException.class, () -> index.indexer().rebuild(failing, -1, (a, b) -> {}));
      index.refresh();
      assertEquals(1, hits(index, "old", Set.of("old", "n1")));
      assertEquals(0, hits(index, "new", Set.of("old", "n1")));
      index.indexer().index(caseWith("later", "later"));
      index.refresh();
      assertEquals(1, hits(index, "later", Set.of("later")));
    }
  }

  @Test
  void checkpointSurvivesCloseAndReopen() {
    IndexKey key = IndexKey.generate();
    try (CaseIndex index = CaseIndex.open(folder, key, MANUAL)) {
      assertTrue(index.checkpoint().isEmpty());
      index.indexer().index(caseWith("a", "x"));
      index.indexer().commit("event-42");
    }
    try (CaseIndex index = CaseIndex.open(folder, key, MANUAL)) {
      assertEquals("event-42", index.checkpoint().orElseThrow());
    }
  }

  @Test
  void keyPrintsOnlyAFingerprint() {
    IndexKey key = IndexKey.generate();
    String hex = HexFormat.of().formatHex(key.toBytes());
    assertFalse(key.toString().contains(hex.substring(0, 8)));
    assertEquals("IndexKey[" + key.fingerprint() + "]", key.toString());
    assertThrows(IllegalArgumentException.class, () -> IndexKey.fromBytes(new byte[16]));
    key.destroy();
    assertThrows(IllegalStateException.class, key::toBytes);
  }

  @Test
  void aSecondOpeningOfAFolderInUseIsRefusedAndLeavesTheFirstIndexIntact() {
    IndexKey key = IndexKey.generate();
    try (CaseIndex first = CaseIndex.open(folder, key, MANUAL)) {
      first.indexer().index(caseWith("c1", "heronquill"));
      first.indexer().commit();
      assertThrows(IndexInUseException.class, () -> CaseIndex.open(folder, key, MANUAL));
      first.indexer().index(caseWith("c2", "heronquill"));
      first.refresh();
      assertEquals(2, hits(first, "heronquill", Set.of("c1", "c2")), "the first index still works");
    }
    try (CaseIndex again = CaseIndex.open(folder, key, MANUAL)) {
      assertEquals(2, hits(again, "heronquill", Set.of("c1", "c2")), "its files were left alone");
    }
  }
}
