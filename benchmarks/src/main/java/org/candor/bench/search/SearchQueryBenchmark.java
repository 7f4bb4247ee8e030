package org.candor.bench.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.candor.search.CaseIndex;
import org.candor.search.SearchRequest;
import org.candor.search.SearchResults;
import org.candor.search.SortOrder;
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
 * Latency of one search as the desk runs it (query, permitted-case filter, facet counts, 20 hits
 * with 3 highlighted snippets each) over a fixed mix of query types, on the encrypted directory
 * and on a plain one. Sample mode reports p50 and p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SearchQueryBenchmark {

  /** Words, phrase, prefix, fuzzy, fields, boolean, German inflection, date sort. */
  static final String[] QUERIES = {
    "invoices supplier",
    "\"shell company\" OR \"fraud manager\"",
    "procure*",
    "embezzlment~",
    "channel:finance status:received payment",
    "(bribery OR Bestechung) AND NOT label:tax",
    "Rechnungen Lieferant",
    "accident safety year:2023",
  };

  @Param({"10000"})
  public int cases;

  @Param({"encrypted", "plain"})
  public String store;

  @Param({"5000"})
  public int bytesPerCase;

  private Path folder;
  private CaseIndex index;
  private Set<String> permitted;
  private int next;

  @Setup(Level.Trial)
  public void build() throws IOException {
    folder = Files.createTempDirectory("candor-bench-query");
    index = SearchIndexingBenchmark.Indexes.open(folder, store);
    SyntheticCases source = new SyntheticCases(cases, bytesPerCase, SyntheticCases.SEED, "c");
    while (source.hasNext()) {
      index.indexer().index(source.next());
    }
    index.indexer().commit();
    index.refresh();
    // The investigator may open half of the cases.
    permitted = new HashSet<>();
    for (int i = 0; i < cases; i += 2) {
      permitted.add(SyntheticCases.caseId("c", i));
    }
  }

  @Benchmark
  public SearchResults search() {
    int i = next++ % QUERIES.length;
    SearchRequest.Builder b = SearchRequest.builder(QUERIES[i], permitted);
    if (i == QUERIES.length - 1) {
      b.sort(SortOrder.NEWEST_FIRST);
    }
    return index.searcher().search(b.build());
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    index.close();
    SearchIndexingBenchmark.Indexes.delete(folder);
  }
}
