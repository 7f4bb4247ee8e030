package org.candor.search.index;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.candor.search.analysis.CaseFields;

/**
 * The access filter of a search: a query that matches exactly the documents whose case ID is in
 * the investigator's set of permitted cases (property 7 of docs/design.md: an investigator finds only
 * cases they may read).
 *
 * <p>An investigator's set holds thousands of IDs and changes rarely, while they search many
 * times. Looking every ID up in the term dictionary of every segment on every search cost about
 * a third of a search at 30,000 cases, and more with larger sets, so the matching documents of
 * each segment are kept as a bit set, per set of IDs, and reused by the next search with an equal
 * set on the same segment. A set is recognised only by equality of its IDs, never by a hash
 * alone, so one investigator's filter cannot answer for another's set. Deleted documents are in
 * the bit sets; Lucene leaves them out as it does for every query. The few most recently used
 * sets are kept; bit sets of segments that a newer reader no longer has are dropped as that
 * reader is used.
 *
 * <p>Thread-safe. The IDs are held in memory only, like the rest of the open index.
 */
public final class PermittedCases {

  /** How many different sets of IDs are kept. */
  static final int MAX_SETS = 8;

  private final ConcurrentHashMap<Set<String>, Filter> filters = new ConcurrentHashMap<>();
  private final AtomicLong clock = new AtomicLong();

  /** The filter for {@code caseIds}. */
  public Query filter(Set<String> caseIds) {
    // The set becomes a key: it must not change afterwards. An immutable set is used as it is.
    caseIds = Set.copyOf(caseIds);
    Filter f = filters.get(caseIds);
    if (f == null) {
      f = new Filter(caseIds);
      f.lastUsed = clock.incrementAndGet();
      Filter raced = filters.putIfAbsent(caseIds, f);
      if (raced != null) {
        f = raced;
      } else if (filters.size() > MAX_SETS) {
        evictLeastRecentlyUsed();
      }
    }
    f.lastUsed = clock.incrementAndGet();
    return new FilterQuery(f);
  }

  /** Forgets every set and its bit sets (when the index closes). */
  public void clear() {
    filters.clear();
  }

  private void evictLeastRecentlyUsed() {
    Map.Entry<Set<String>, Filter> oldest = null;
    for (Map.Entry<Set<String>, Filter> e : filters.entrySet()) {
      if (oldest == null || e.getValue().lastUsed < oldest.getValue().lastUsed) {
        oldest = e;
      }
    }
    if (oldest != null) {
      filters.remove(oldest.getKey(), oldest.getValue());
    }
  }

  /** One set of IDs (sorted as the term dictionary sorts them) and its bit sets by segment. */
  private static final class Filter {
    private final BytesRef[] ids;
    private final ConcurrentHashMap<IndexReader.CacheKey, Segment> segments = new ConcurrentHashMap<>();
    private volatile long lastUsed;

    Filter(Set<String> caseIds) {
      ids = caseIds.stream().map(BytesRef::new).sorted().toArray(BytesRef[]::new);
    }

    /** The matching documents of {@code leaf}, computed once per segment. */
    Segment segment(LeafReaderContext leaf) throws IOException {
      IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
      if (helper == null) {
        return compute(leaf.reader());
      }
      Segment s = segments.get(helper.getKey());
      if (s == null) {
        s = compute(leaf.reader());
        segments.put(helper.getKey(), s);
        forgetSegmentsNotIn(leaf);
      }
      return s;
    }

    private void forgetSegmentsNotIn(LeafReaderContext leaf) {
      List<LeafReaderContext> current = ReaderUtil.getTopLevelContext(leaf).leaves();
      if (segments.size() <= current.size()) {
        return;
      }
      Set<IndexReader.CacheKey> live = new HashSet<>();
      for (LeafReaderContext c : current) {
        IndexReader.CacheHelper h = c.reader().getCoreCacheHelper();
        if (h != null) {
          live.add(h.getKey());
        }
      }
      segments.keySet().retainAll(live);
    }

    private Segment compute(LeafReader reader) throws IOException {
      FixedBitSet bits = new FixedBitSet(Math.max(1, reader.maxDoc()));
      Terms terms = reader.terms(CaseFields.CASE_ID);
      if (terms != null) {
        TermsEnum te = terms.iterator();
        PostingsEnum postings = null;
        long termCount = terms.size();
        if (termCount >= 0 && ids.length > termCount / 8) {
          // Many IDs against the segment's dictionary: walk both sorted lists together.
          int i = 0;
          for (BytesRef term = te.next(); term != null && i < ids.length; term = te.next()) {
            while (i < ids.length && ids[i].compareTo(term) < 0) {
              i++;
            }
            if (i < ids.length && ids[i].bytesEquals(term)) {
              postings = addDocs(te, postings, bits);
              i++;
            }
          }
        } else {
          for (BytesRef id : ids) {
            if (te.seekExact(id)) {
              postings = addDocs(te, postings, bits);
            }
          }
        }
      }
      int count = bits.cardinality();
      return new Segment(count == 0 ? null : bits, count);
    }

    private static PostingsEnum addDocs(TermsEnum te, PostingsEnum reuse, FixedBitSet bits)
        throws IOException {
      PostingsEnum p = te.postings(reuse, PostingsEnum.NONE);
      for (int d = p.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
        bits.set(d);
      }
      return p;
    }
  }

  /** The permitted documents of one segment; {@code bits} is null when there are none. */
  private record Segment(FixedBitSet bits, int count) {}

  /** The query over one {@link Filter}: constant score, never cached by Lucene again. */
  private static final class FilterQuery extends Query {
    private final Filter filter;

    FilterQuery(Filter filter) {
      this.filter = filter;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
      return new ConstantScoreWeight(this, boost) {
        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
          Segment s = filter.segment(context);
          if (s.bits() == null) {
            return null;
          }
          DocIdSetIterator it = new BitSetIterator(s.bits(), s.count());
          return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, it));
        }

        @Override
        public boolean isCacheable(LeafReaderContext context) {
          return false;
        }
      };
    }

    @Override
    public void visit(QueryVisitor visitor) {
      if (visitor.acceptField(CaseFields.CASE_ID)) {
        visitor.visitLeaf(this);
      }
    }

    @Override
    public String toString(String field) {
      // The IDs are not printed: queries can end up in logs.
      return "PermittedCases(" + filter.ids.length + " cases)";
    }

    @Override
    public boolean equals(Object other) {
      return sameClassAs(other) && ((FilterQuery) other).filter == filter;
    }

    @Override
    public int hashCode() {
      return 31 * classHash() + System.identityHashCode(filter);
    }
  }
}
