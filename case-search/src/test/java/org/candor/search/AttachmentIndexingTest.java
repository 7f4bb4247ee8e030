package org.candor.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentIndexingTest {

  @TempDir static Path folder;
  static CaseIndex index;

  @BeforeAll
  static void open() {
    index =
        CaseIndex.open(
            folder,
            IndexKey.generate(),
            CaseIndex.Options.defaults()
                .withRefreshInterval(Duration.ZERO)
                .withAttachmentLimits(64 * 1024, 100_000, Duration.ofSeconds(30)));
  }

  @AfterAll
  static void close() {
    index.close();
  }

  static long hits(String query, String caseId) {
    return index.searcher().search(SearchRequest.builder(query, Set.of(caseId)).build()).totalHits();
  }

  static byte[] pdf(String text) throws IOException {
    return Documents.pdf(text);
  }

  static byte[] docx(String text) throws IOException {
    return Documents.docx(text);
  }

  @Test
  void textOfPlainPdfAndOfficeAttachmentsIsSearchable() throws IOException {
    IndexingReport report =
        index.indexer().index(
            CaseDocument.builder("files", LocalDate.of(2024, 1, 1))
                .attachment(Attachment.of("memo.txt", "The warehouse inventory was falsified.".getBytes(StandardCharsets.UTF_8)))
                .attachment(Attachment.of("scan.pdf", pdf("Quarterly accounts show fictitious suppliers")))
                .attachment(Attachment.of("letter.docx", docx("Die Lieferanten wurden erfunden")))
                .build());
    index.refresh();
    assertTrue(report.complete(), report.problems().toString());
    assertEquals(1, hits("falsified", "files"));
    assertEquals(1, hits("\"fictitious suppliers\"", "files"));
    assertEquals(1, hits("Lieferant", "files"));
    assertEquals(1, hits("letter*", "files"));
  }

  @Test
  void hostileOrOversizedAttachmentsAreReportedAndTheRestIsIndexed() {
    byte[] brokenPdf = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer garbage".getBytes(StandardCharsets.US_ASCII);
    byte[] brokenZip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    byte[] huge = new byte[200 * 1024];
    java.util.Arrays.fill(huge, (byte) 'a');
    Attachment failingStream = new Attachment("gone.txt", () -> { throw new IOException("ciphertext damaged"); });
    IndexingReport report =
        index.indexer().index(
            CaseDocument.builder("hostile", LocalDate.of(2024, 1, 1))
                .answer("The answer about the forklift accident remains searchable.")
                .attachment(Attachment.of("broken.pdf", brokenPdf))
                .attachment(Attachment.of("huge.txt", huge))
                .attachment(Attachment.of("broken.docx", brokenZip))
                .attachment(failingStream)
                .attachment(Attachment.of("fine.txt", "Forklift maintenance logs".getBytes(StandardCharsets.UTF_8)))
                .build());
    index.refresh();
    List<AttachmentProblem> problems = report.problems();
    assertEquals(List.of(0, 1, 2, 3), problems.stream().map(AttachmentProblem::attachmentIndex).toList());
    assertEquals(AttachmentProblem.Reason.TOO_LARGE, problems.get(1).reason());
    assertTrue(problems.stream().allMatch(p -> p.caseId().equals("hostile") && !p.message().isBlank()));
    assertEquals(1, hits("accident", "hostile"));
    assertEquals(1, hits("maintenance", "hostile"));
    assertEquals(1, hits("broken.pdf", "hostile"));
  }

  @Test
  void extractionTimeLimitGivesTypedFailure() {
    try (CaseIndex slow =
        CaseIndex.open(
            folder.resolve("slow"),
            IndexKey.generate(),
            CaseIndex.Options.defaults()
                .withRefreshInterval(Duration.ZERO)
                .withAttachmentLimits(1 << 20, 1000, Duration.ofMillis(200)))) {
      java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
      Attachment stalling =
          new Attachment(
              "stall.txt",
              () ->
                  new InputStream() {
                    @Override
                    public int read() throws IOException {
                      try {
                        never.await();
                      } catch (InterruptedException e) {
                        throw new java.io.InterruptedIOException();
                      }
                      return -1;
                    }
                  });
      IndexingReport r =
          slow.indexer().index(
              CaseDocument.builder("s", LocalDate.of(2024, 1, 1)).answer("still indexed").attachment(stalling).build());
      assertEquals(AttachmentProblem.Reason.TIMED_OUT, r.problems().get(0).reason());
      slow.refresh();
      assertEquals(1, slow.searcher().search(SearchRequest.builder("indexed", Set.of("s")).build()).totalHits());
    }
  }
}
