package org.candor.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.candor.search.extract.AttachmentExtractor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/design.md property 1 on the extraction path: while attachments of every kind are extracted,
 * indexed and the index rebuilt, the temporary folders of the test JVM, of {@code /tmp} and of
 * {@code /dev/shm} are watched, and every file created in them is read at once. No file on a
 * disk may hold a canary word; only the extraction child's own folder on tmpfs may. Extraction
 * must still find each canary where the format allows, and a child that is killed (time limit,
 * memory cap) is reported as "text not extracted" while the rest goes on.
 */
class ExtractionLeavesNoTraceTest {

  static final Path SHM = Path.of("/dev/shm");
  static final Path TMP = Path.of("/tmp");
  static final Path JVM_TMP = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();

  /** Formats whose text Tika must give back; .doc is an OLE2 stand-in without real Word text. */
  static final List<String> EXTRACTABLE =
      List.of("sheet.xls", "slides.ppt", "mail.msg", "letter.docx", "sheet.xlsx", "slides.pptx", "scan.pdf", "memo.rtf", "memo.txt");

  static Map<String, String> canaries = new LinkedHashMap<>();
  static Map<String, byte[]> files;

  @TempDir static Path folder;

  @BeforeAll
  static void documents() throws IOException {
    SecureRandom random = new SecureRandom();
    for (String name : List.of("sheet.xls", "letter.doc", "slides.ppt", "mail.msg", "letter.docx", "sheet.xlsx",
        "slides.pptx", "scan.pdf", "memo.rtf", "memo.txt", "locked.docx")) {
      StringBuilder word = new StringBuilder("canary");
      for (int i = 0; i < 10; i++) {
        word.append((char) ('a' + random.nextInt(26)));
      }
      canaries.put(name, word.toString());
    }
    files = Documents.eachKind(canaries);
  }

  static TempWatch watch() throws IOException {
    return new TempWatch(canaries.values(), List.of(JVM_TMP, TMP, SHM), List.of(JVM_TMP));
  }

  static boolean inChildFolder(Path p) {
    return TempWatch.inExtractionFolder(p);
  }

  /**
   * Fails if a file on a disk held a canary, if anything at all appeared in the JVM's temporary
   * folder, or if Tika's or POI's temporary names appeared in {@code /tmp}. Gives the canaries
   * seen in the child's tmpfs folder.
   */
  static Set<String> assertNothingOnDisk(List<TempWatch.Seen> seen) throws IOException {
    assertEquals("tmpfs", Files.getFileStore(SHM).type());
    List<String> problems = new ArrayList<>();
    Set<String> inMemory = new java.util.HashSet<>();
    for (TempWatch.Seen s : seen) {
      if (inChildFolder(s.path())) {
        inMemory.addAll(s.canaries());
        continue;
      }
      if (!s.canaries().isEmpty()) {
        problems.add(s.path() + " held " + s.canaries());
      }
      if (s.path().startsWith(JVM_TMP)) {
        problems.add(s.path() + " was created in the JVM's temporary folder");
      }
      String name = s.path().getFileName().toString();
      if (name.startsWith("apache-tika") || name.startsWith("poifiles") || name.startsWith("candor-extract")) {
        problems.add(s.path() + " is a temporary file of the extraction outside memory");
      }
    }
    if (!problems.isEmpty()) {
      fail(String.join("\n", problems));
    }
    return inMemory;
  }

  @Test
  void eachKindIsExtractedAndNothingOfItTouchesADisk() throws Exception {
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, AttachmentExtractor.ExtractionException> failures = new LinkedHashMap<>();
    List<TempWatch.Seen> seen;
    try (AttachmentExtractor extractor = new AttachmentExtractor(new AttachmentExtractor.Limits(10 << 20, 100_000, Duration.ofSeconds(120)));
        TempWatch watch = watch()) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        try {
          texts.put(file.getKey(), extractor.extract(Attachment.of(file.getKey(), file.getValue())));
        } catch (AttachmentExtractor.ExtractionException e) {
          failures.put(file.getKey(), e);
        }
      }
      seen = watch.stop();
    }
    for (String name : EXTRACTABLE) {
      assertTrue(texts.containsKey(name), name + " gave no text: " + failures.get(name));
      assertTrue(texts.get(name).contains(canaries.get(name)), name + " lost its text: " + texts.get(name));
    }
    assertEquals(AttachmentProblem.Reason.UNREADABLE, failures.get("locked.docx").reason());
    assertTrue(failures.get("locked.docx").getMessage().contains("password"), failures.get("locked.docx").getMessage());
    assertFalse(texts.getOrDefault("letter.doc", "").contains(canaries.get("letter.doc")));
    assertNothingOnDisk(seen);
    // The watcher did see Tika's temporary copies: in the child's folder, in memory. Their contents
    // may be gone (or not yet written) when the watch opens them on a loaded machine, so the name
    // is what is checked: an inotify creation event is never lost.
    assertTrue(seen.stream().anyMatch(s -> inChildFolder(s.path()) && s.path().getFileName().toString().startsWith("apache-tika")),
        "Tika's spooled copies seen in memory: " + seen);
    try (var left = Files.list(SHM)) {
      assertFalse(left.anyMatch(p -> p.getFileName().toString().startsWith("candor-extract-" + ProcessHandle.current().pid() + "-")),
          "a child's folder outlived its extractor");
    }
  }

  @Test
  void indexingAndRebuildingTouchNoDisk() throws Exception {
    List<TempWatch.Seen> seen;
    try (CaseIndex index = CaseIndex.open(folder.resolve("index"), IndexKey.generate(),
            CaseIndex.Options.defaults().withRefreshInterval(Duration.ZERO).withAttachmentLimits(10 << 20, 100_000, Duration.ofSeconds(120)));
        TempWatch watch = watch()) {
      CaseDocument.Builder one = CaseDocument.builder("all-kinds", LocalDate.of(2024, 1, 1));
      files.forEach((name, bytes) -> one.attachment(Attachment.of(name, bytes)));
      CaseDocument allKinds = one.build();
      IndexingReport report = index.indexer().index(allKinds);
      index.refresh();
      for (String name : EXTRACTABLE) {
        assertEquals(1, index.searcher().search(SearchRequest.builder(canaries.get(name), Set.of("all-kinds")).build()).totalHits(), name);
      }
      assertEquals(Set.of("letter.doc", "locked.docx"),
          report.problems().stream().map(p -> List.copyOf(files.keySet()).get(p.attachmentIndex())).collect(Collectors.toSet()));

      CaseDocument other = CaseDocument.builder("other", LocalDate.of(2024, 2, 1))
          .attachment(Attachment.of("sheet.xls", files.get("sheet.xls"))).build();
      RebuildReport rebuilt = index.indexer().rebuild(List.of(allKinds, other).iterator(), 2, (done, total) -> {});
      assertEquals(2, rebuilt.indexed());
      assertEquals(1, index.searcher().search(SearchRequest.builder(canaries.get("sheet.xls"), Set.of("other")).build()).totalHits());
      assertEquals(1, index.searcher().search(SearchRequest.builder(canaries.get("slides.pptx"), Set.of("all-kinds")).build()).totalHits());
      seen = watch.stop();
    }
    assertNothingOnDisk(seen);
  }

  /**
   * The control: Tika run in this JVM, as the desk did before, copies the .xls to a temporary file
   * on disk, and the watch sees it (the tests above fail on such a file by its name alone).
   */
  @Test
  void theWatchCatchesTikaWritingInProcess() throws Exception {
    List<TempWatch.Seen> seen;
    try (TempWatch watch = watch()) {
      try (InputStream in = TikaInputStream.get(new ByteArrayInputStream(files.get("sheet.xls")))) {
        new AutoDetectParser().parse(in, new BodyContentHandler(), new Metadata(), new ParseContext());
      }
      seen = watch.stop();
    }
    // The copy can be deleted (or still be empty) when the watch opens it; its name is what is sure.
    assertTrue(seen.stream().anyMatch(s -> !inChildFolder(s.path()) && s.path().getFileName().toString().startsWith("apache-tika")),
        "in-process Tika left no trace the watch saw: " + seen);
  }

  @Test
  void aChildOutOfMemoryIsTextNotExtractedAndTheCaseIsIndexed() throws Exception {
    byte[] big = new byte[48 << 20];
    java.util.Arrays.fill(big, (byte) 'x');
    try (CaseIndex index = CaseIndex.open(folder.resolve("small-heap"), IndexKey.generate(),
        CaseIndex.Options.defaults().withRefreshInterval(Duration.ZERO)
            .withAttachmentLimits(64 << 20, 100_000, Duration.ofSeconds(120))
            .withExtraction(new AttachmentExtractor.Process(32, 1, 100, Duration.ofMinutes(1), SHM)))) {
      IndexingReport report = index.indexer().index(
          CaseDocument.builder("oom", LocalDate.of(2024, 1, 1))
              .answer("The answer about the loading dock stays searchable.")
              .attachment(Attachment.of("big.txt", big))
              .attachment(Attachment.of("bomb.docx", Documents.zipBombDocx(200)))
              .attachment(Attachment.of("memo.txt", files.get("memo.txt")))
              .build());
      index.refresh();
      assertEquals(List.of(0, 1), report.problems().stream().map(AttachmentProblem::attachmentIndex).toList(), report.problems().toString());
      assertTrue(report.problems().get(0).message().contains("memory"), report.problems().get(0).message());
      assertEquals(AttachmentProblem.Reason.UNREADABLE, report.problems().get(1).reason());
      assertEquals(1, index.searcher().search(SearchRequest.builder("dock", Set.of("oom")).build()).totalHits());
      assertEquals(1, index.searcher().search(SearchRequest.builder(canaries.get("memo.txt"), Set.of("oom")).build()).totalHits());
    }
  }

  @Test
  void aChildPastTheTimeLimitIsKilledAndTheNextAttachmentIsExtracted() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    byte[] pdf = files.get("scan.pdf");
    Attachment stalling = new Attachment("slow.pdf", () -> new InputStream() {
      int at;

      @Override
      public int read() throws IOException {
        if (at < pdf.length / 2) {
          return pdf[at++] & 0xff;
        }
        try {
          never.await();
        } catch (InterruptedException e) {
          throw new java.io.InterruptedIOException();
        }
        return -1;
      }
    });
    try (CaseIndex index = CaseIndex.open(folder.resolve("slow"), IndexKey.generate(),
        CaseIndex.Options.defaults().withRefreshInterval(Duration.ZERO).withAttachmentLimits(1 << 20, 100_000, Duration.ofSeconds(10)))) {
      IndexingReport report = index.indexer().index(
          CaseDocument.builder("slow", LocalDate.of(2024, 1, 1))
              .attachment(stalling)
              .attachment(Attachment.of("memo.txt", files.get("memo.txt")))
              .build());
      assertEquals(1, report.problems().size(), report.problems().toString());
      assertEquals(AttachmentProblem.Reason.TIMED_OUT, report.problems().get(0).reason());
      index.refresh();
      assertEquals(1, index.searcher().search(SearchRequest.builder(canaries.get("memo.txt"), Set.of("slow")).build()).totalHits());
      // One child is left, the one that extracted memo.txt: the stalled one was killed.
      assertEquals(1, children().size(), children().toString());
    }
    assertEquals(List.of(), children());
  }

  /** The extraction children of this JVM still alive, by process id, read from /proc. */
  static List<Long> children() {
    return ProcessHandle.current().descendants()
        .filter(ProcessHandle::isAlive)
        .filter(p -> {
          try {
            return text(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline"))).contains("ExtractionChild");
          } catch (IOException gone) {
            return false;
          }
        })
        .map(ProcessHandle::pid)
        .toList();
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
