package org.candor.bench.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.candor.search.CaseIndex;
import org.candor.search.IndexKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Time to index a synthetic corpus from scratch and commit it, on the encrypted directory and on
 * a plain one. Prints the index size on disk after each run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SearchIndexingBenchmark {

  @Param({"10000", "100000"})
  public int cases;

  @Param({"encrypted", "plain"})
  public String store;

  @Param({"5000"})
  public int bytesPerCase;

  private Path folder;
  private CaseIndex index;

  @Setup(Level.Iteration)
  public void open() throws IOException {
    folder = Files.createTempDirectory("candor-bench-index");
    index = Indexes.open(folder, store);
  }

  @Benchmark
  public long indexAndCommit() {
    SyntheticCases source = new SyntheticCases(cases, bytesPerCase, SyntheticCases.SEED, "c");
    long n = 0;
    while (source.hasNext()) {
      index.indexer().index(source.next());
      n++;
    }
    index.indexer().commit();
    return n;
  }

  @TearDown(Level.Iteration)
  public void close() throws IOException {
    index.close();
    System.out.printf("%n[%s, %d cases] index size on disk: %.1f MiB%n", store, cases, Indexes.sizeMiB(folder));
    Indexes.delete(folder);
  }

  /** Opening and cleaning up benchmark indexes. */
  static final class Indexes {
    private Indexes() {}

    static CaseIndex open(Path folder, String store) {
      CaseIndex.Options options = CaseIndex.Options.defaults().withRefreshInterval(Duration.ZERO);
      return switch (store) {
        case "encrypted" -> CaseIndex.open(folder, IndexKey.generate(), options);
        case "plain" -> CaseIndex.openUnencryptedForBenchmark(folder, options);
        default -> throw new IllegalArgumentException("store is encrypted or plain");
      };
    }

    static double sizeMiB(Path folder) throws IOException {
      try (var files = Files.list(folder)) {
        long bytes = files.mapToLong(p -> p.toFile().length()).sum();
        return bytes / (1024.0 * 1024.0);
      }
    }

    static void delete(Path folder) throws IOException {
      try (var files = Files.list(folder)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(folder);
    }
  }
}
