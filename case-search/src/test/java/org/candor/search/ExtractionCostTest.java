package org.candor.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.candor.search.extract.AttachmentExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test but a measurement, run only when asked for with {@code
 * -Dcandor.bench.extraction-rounds=N}: the time per attachment when every attachment gets a fresh
 * extraction child and when one child is reused, for each kind of document, and the peak resident
 * memory of a child; then which kinds still give text when the child has no writable temporary
 * folder at all. Prints the figures; asserts only that every canary was extracted by the children
 * with an in-memory folder.
 */
class ExtractionCostTest {

  @Test
  @EnabledIfSystemProperty(named = "candor.bench.extraction-rounds", matches = "[1-9][0-9]*")
  void freshChildVersusReusedChild() throws Exception {
    int rounds = Integer.parseInt(System.getProperty("candor.bench.extraction-rounds"));
    Map<String, String> canaries = new LinkedHashMap<>();
    for (String name : List.of("sheet.xls", "letter.doc", "slides.ppt", "mail.msg", "letter.docx", "sheet.xlsx",
        "slides.pptx", "scan.pdf", "memo.rtf", "memo.txt", "locked.docx")) {
      canaries.put(name, "canary" + name.replace(".", ""));
    }
    Map<String, byte[]> files = Documents.eachKind(canaries);
    AttachmentExtractor.Limits limits = new AttachmentExtractor.Limits(10 << 20, 100_000, Duration.ofSeconds(120));
    int heap = AttachmentExtractor.Process.defaults().heapMiB();
    AttachmentExtractor.Process fresh = new AttachmentExtractor.Process(heap, 1, 1, Duration.ofMinutes(1), Path.of("/dev/shm"));
    AttachmentExtractor.Process reused = new AttachmentExtractor.Process(heap, 1, 100_000, Duration.ofMinutes(1), Path.of("/dev/shm"));
    System.out.printf(Locale.ROOT, "%-12s %12s %12s%n", "kind", "fresh ms", "reused ms");
    try (AttachmentExtractor a = new AttachmentExtractor(limits, fresh); AttachmentExtractor b = new AttachmentExtractor(limits, reused)) {
      b.extract(Attachment.of("warm.txt", "warm".getBytes(StandardCharsets.UTF_8)));
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        long freshNanos = 0;
        long reusedNanos = 0;
        for (int i = 0; i < rounds; i++) {
          freshNanos += time(a, file.getKey(), file.getValue(), canaries.get(file.getKey()));
          reusedNanos += time(b, file.getKey(), file.getValue(), canaries.get(file.getKey()));
        }
        System.out.printf(Locale.ROOT, "%-12s %12.1f %12.1f%n", file.getKey(), freshNanos / 1e6 / rounds, reusedNanos / 1e6 / rounds);
      }
      AttachmentExtractor.Process noFolder =
          new AttachmentExtractor.Process(heap, 1, 100_000, Duration.ofMinutes(1), Path.of("/nonexistent"));
      try (AttachmentExtractor c = new AttachmentExtractor(limits, noFolder)) {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
          String outcome;
          try {
            outcome = c.extract(Attachment.of(file.getKey(), file.getValue())).contains(canaries.get(file.getKey()))
                ? "text" : "no canary";
          } catch (AttachmentExtractor.ExtractionException e) {
            outcome = e.reason() + " " + e.getMessage();
          }
          System.out.printf(Locale.ROOT, "without a temporary folder: %-12s %s%n", file.getKey(), outcome);
        }
      }
      for (ProcessHandle child : ProcessHandle.current().children().toList()) {
        String status = Files.readString(Path.of("/proc", Long.toString(child.pid()), "status"));
        status.lines().filter(l -> l.startsWith("VmHWM") || l.startsWith("VmRSS"))
            .forEach(l -> System.out.println("child " + child.pid() + " " + l.replaceAll("\\s+", " ")));
      }
    }
  }

  private static long time(AttachmentExtractor extractor, String name, byte[] bytes, String canary) {
    long start = System.nanoTime();
    try {
      String text = extractor.extract(Attachment.of(name, bytes));
      assertTrue(text.contains(canary) || name.equals("letter.doc"), name);
    } catch (AttachmentExtractor.ExtractionException e) {
      assertTrue(name.equals("letter.doc") || name.equals("locked.docx"), name + ": " + e.getMessage());
    }
    return System.nanoTime() - start;
  }
}
