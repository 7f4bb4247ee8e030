package org.candor.bench.search;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.candor.crypto.InvestigatorKey;
import org.candor.crypto.Opener;
import org.candor.crypto.Sealer;
import org.candor.crypto.UnlockedKey;
import org.candor.search.CaseDocument;
import org.candor.search.CaseIndex;
import org.candor.search.SearchRequest;
import org.candor.search.SortOrder;

/**
 * The search benchmark at the size the desk must handle, in one run: a deterministic synthetic
 * corpus ({@link SyntheticCases}) is sealed to an investigator key as the desk stores it (every
 * answer, message and note a separate OpenPGP message), then for each store (encrypted, plain)
 * the cases are opened with the unlocked key and indexed on {@code threads} threads, committed,
 * measured on disk, and searched with the fixed mix of {@link SearchQueryBenchmark#QUERIES}
 * (permitted-case filter of half the cases, facets, 20 hits with 3 snippets), one search at a
 * time, reporting p50/p90/p99 (and p50/p99 of each query type) and the encrypted/plain ratio.
 *
 * <p>Not JMH: indexing 100,000 cases takes minutes, and the query phase must run on the index
 * the same run built. Usage: {@code SearchAtScale [cases] [threads] [queries per store]
 * [stores, default encrypted,plain]}.
 */
public final class SearchAtScale {

  private static final char[] PASSPHRASE = "benchmark passphrase".toCharArray();

  /** One stored case: workflow metadata in clear, each text a sealed OpenPGP message. */
  private record SealedCase(CaseDocument metadata, List<byte[]> answers, List<byte[]> messages, List<byte[]> notes) {}

  private SearchAtScale() {}

  public static void main(String[] args) throws Exception {
    int cases = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    int queries = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
    String[] stores = args.length > 3 ? args[3].split(",") : new String[] {"encrypted", "plain"};
    System.out.printf(Locale.ROOT, "cases %,d, threads %d, queries per store %,d, %d cores, JDK %s, %s%n",
        cases, threads, queries, Runtime.getRuntime().availableProcessors(), Runtime.version(), load());

    InvestigatorKey key = InvestigatorKey.generate("bench <bench@example.org>", PASSPHRASE);
    long t0 = System.nanoTime();
    SealedCase[] sealed = seal(cases, threads, Sealer.to(key.recipient()));
    long cipherBytes = Arrays.stream(sealed).mapToLong(SearchAtScale::bytes).sum();
    System.out.printf(Locale.ROOT, "sealed %,d cases (%.1f MiB of ciphertext) in %.1f s (not part of indexing)%n",
        cases, cipherBytes / 1048576.0, seconds(t0));

    Set<String> permitted = new HashSet<>();
    for (int i = 0; i < cases; i += 2) {
      permitted.add(SyntheticCases.caseId("c", i));
    }
    double[] p50 = new double[stores.length];
    double[] p99 = new double[stores.length];
    try (UnlockedKey unlocked = key.unlock(PASSPHRASE)) {
      for (int s = 0; s < stores.length; s++) {
        Path folder = Files.createTempDirectory("candor-bench-scale");
        try {
          CaseIndex index = SearchIndexingBenchmark.Indexes.open(folder, stores[s]);
          try {
            long start = System.nanoTime();
            openAndIndex(index, sealed, Opener.with(unlocked), threads);
            index.indexer().commit();
            double took = seconds(start);
            System.out.printf(Locale.ROOT,
                "[%s] opened and indexed %,d cases in %.1f s (%.0f cases/s, %.2f ms per case per thread), %s%n",
                stores[s], cases, took, cases / took, took * 1000 * threads / cases, load());
            index.refresh();
            double[] lat = queries(stores[s], index, permitted, queries);
            p50[s] = lat[0];
            p99[s] = lat[2];
            System.out.printf(Locale.ROOT, "[%s] search over %,d queries: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms,"
                + " max %.1f ms, %s%n", stores[s], queries, lat[0], lat[1], lat[2], lat[3], load());
          } finally {
            index.close();
          }
          System.out.printf(Locale.ROOT, "[%s] index size on disk: %.1f MiB%n", stores[s],
              SearchIndexingBenchmark.Indexes.sizeMiB(folder));
        } finally {
          SearchIndexingBenchmark.Indexes.delete(folder);
        }
      }
    }
    if (stores.length == 2) {
      System.out.printf(Locale.ROOT, "%s/%s latency ratio: p50 %.2f, p99 %.2f%n", stores[0], stores[1],
          p50[0] / p50[1], p99[0] / p99[1]);
    }
  }

  private static SealedCase[] seal(int cases, int threads, Sealer sealer) throws Exception {
    SealedCase[] out = new SealedCase[cases];
    SyntheticCases source = new SyntheticCases(cases, 5000, SyntheticCases.SEED, "c");
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> pending = new ArrayList<>();
      for (int i = 0; source.hasNext(); i++) {
        CaseDocument plain = source.next();
        int slot = i;
        pending.add(pool.submit(() -> {
          out[slot] = new SealedCase(withoutTexts(plain), sealAll(sealer, plain.answers()),
              sealAll(sealer, plain.messages()), sealAll(sealer, plain.notes()));
        }));
        if (pending.size() >= 1000) {
          for (Future<?> f : pending) {
            f.get();
          }
          pending.clear();
        }
      }
      for (Future<?> f : pending) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return out;
  }

  /** Opens and indexes every case, each thread taking the next case not yet taken. */
  private static void openAndIndex(CaseIndex index, SealedCase[] sealed, Opener opener, int threads) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < sealed.length; i = next.getAndIncrement()) {
            index.indexer().index(open(sealed[i], opener));
            if ((i + 1) % 10_000 == 0) {
              System.out.printf(Locale.ROOT, "  %,d cases indexed, %s%n", i + 1, load());
            }
          }
          return null;
        }));
      }
      for (Future<?> w : workers) {
        w.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static CaseDocument open(SealedCase c, Opener opener) throws IOException {
    CaseDocument m = c.metadata();
    CaseDocument.Builder b = CaseDocument.builder(m.caseId(), m.received()).channel(m.channel()).status(m.status());
    m.labels().forEach(b::label);
    for (byte[] s : c.answers()) {
      b.answer(openText(opener, s));
    }
    for (byte[] s : c.messages()) {
      b.message(openText(opener, s));
    }
    for (byte[] s : c.notes()) {
      b.note(openText(opener, s));
    }
    return b.build();
  }

  private static String openText(Opener opener, byte[] sealed) throws IOException {
    return new String(opener.openAll(new ByteArrayInputStream(sealed), 16 * 1024 * 1024), StandardCharsets.UTF_8);
  }

  /**
   * One search after another over the fixed mix; prints p50 and p99 per query type and returns
   * p50, p90, p99 and max over all, in ms.
   */
  private static double[] queries(String store, CaseIndex index, Set<String> permitted, int count) {
    int types = SearchQueryBenchmark.QUERIES.length;
    int warmUp = Math.max(200, count / 5);
    long[] nanos = new long[count];
    long[][] byType = new long[types][(count + types - 1) / types];
    int[] perType = new int[types];
    for (int i = 0; i < warmUp + count; i++) {
      int q = i % types;
      SearchRequest.Builder b = SearchRequest.builder(SearchQueryBenchmark.QUERIES[q], permitted);
      if (q == types - 1) {
        b.sort(SortOrder.NEWEST_FIRST);
      }
      SearchRequest request = b.build();
      long start = System.nanoTime();
      index.searcher().search(request);
      if (i >= warmUp) {
        long took = System.nanoTime() - start;
        nanos[i - warmUp] = took;
        byType[q][perType[q]++] = took;
      }
    }
    for (int q = 0; q < types; q++) {
      long[] t = Arrays.copyOf(byType[q], perType[q]);
      if (t.length > 0) {
        Arrays.sort(t);
        System.out.printf(Locale.ROOT, "[%s]   %-45s p50 %6.1f ms, p99 %6.1f ms%n", store,
            SearchQueryBenchmark.QUERIES[q] + (q == types - 1 ? " (newest first)" : ""), ms(t, 0.50), ms(t, 0.99));
      }
    }
    Arrays.sort(nanos);
    return new double[] {ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), nanos[count - 1] / 1e6};
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }

  private static List<byte[]> sealAll(Sealer sealer, List<String> texts) {
    return texts.stream().map(t -> sealer.seal(t.getBytes(StandardCharsets.UTF_8), Sealer.Content.TEXT)).toList();
  }

  private static CaseDocument withoutTexts(CaseDocument c) {
    CaseDocument.Builder b = CaseDocument.builder(c.caseId(), c.received()).channel(c.channel()).status(c.status());
    c.labels().forEach(b::label);
    return b.build();
  }

  private static long bytes(SealedCase c) {
    long n = 0;
    for (List<byte[]> list : List.of(c.answers(), c.messages(), c.notes())) {
      for (byte[] b : list) {
        n += b.length;
      }
    }
    return n;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static String load() {
    return String.format(Locale.ROOT, "load average %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
