package org.candor.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.candor.search.analysis.CaseFields;
import org.candor.search.analysis.CaseQueryParser;
import org.candor.search.index.CaseDocuments;
import org.candor.search.index.PermittedCases;
import org.candor.search.index.SnippetHighlighter;

/**
 * The reading side of the case index: runs a query for one investigator and returns hits, facet
 * counts and highlighted snippets. Keeps property 7 of docs/design.md: the permitted case IDs are a
 * filter clause of the Lucene query itself ({@link PermittedCases}), so hit counts, facets and
 * snippets are computed only over cases the investigator may open.
 *
 * <p>Obtained from {@link CaseIndex#searcher()}; uses that index's one {@code SearcherManager}.
 * Thread-safe.
 */
public final class CaseSearcher {

  private static final int FACET_VALUES = 20;
  private static final Map<Facet, String> DIMENSIONS =
      Map.of(
          Facet.STATUS, CaseFields.FACET_STATUS,
          Facet.CHANNEL, CaseFields.FACET_CHANNEL,
          Facet.LABEL, CaseFields.FACET_LABEL,
          Facet.YEAR_RECEIVED, CaseFields.FACET_YEAR);
  private static final Map<Facet, String> FILTER_FIELDS =
      Map.of(
          Facet.STATUS, CaseFields.STATUS,
          Facet.CHANNEL, CaseFields.CHANNEL,
          Facet.LABEL, CaseFields.LABEL,
          Facet.YEAR_RECEIVED, CaseFields.YEAR);

  private final CaseIndex index;
  private final PermittedCases permitted = new PermittedCases();
  private volatile FacetState facetState;

  private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {}

  CaseSearcher(CaseIndex index) {
    this.index = index;
  }

  /**
   * Runs {@code request}.
   *
   * @throws InvalidQueryException if the query text cannot be understood
   */
  public SearchResults search(SearchRequest request) {
    if (request.permittedCaseIds().isEmpty()) {
      return SearchResults.empty();
    }
    Query userQuery;
    try {
      userQuery = new CaseQueryParser(index.analyzer()).parseQuery(request.query());
    } catch (CaseQueryParser.QuerySyntaxException e) {
      throw new InvalidQueryException(e.getMessage());
    }
    Query query = restrict(userQuery, request);
    IndexSearcher searcher;
    try {
      searcher = index.searcherManager().acquire();
    } catch (IOException e) {
      throw new CaseSearchException("The search index could not be read.", e);
    }
    try {
      return run(searcher, userQuery, query, request);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidQueryException(
          "The query matches too many different words (a prefix or fuzzy term is too broad):"
              + " please make it more specific.");
    } catch (IOException e) {
      throw new CaseSearchException("The search index could not be read.", e);
    } finally {
      try {
        index.searcherManager().release(searcher);
      } catch (IOException e) {
        // Releasing only decrements a reference count; nothing to tell the user.
      }
    }
  }

  private Query restrict(Query userQuery, SearchRequest request) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(userQuery, Occur.MUST);
    b.add(permitted.filter(request.permittedCaseIds()), Occur.FILTER);
    request
        .narrowBy()
        .forEach(
            (facet, values) -> {
              for (String value : values) {
                b.add(
                    new TermQuery(new Term(FILTER_FIELDS.get(facet), CaseFields.keyword(value))),
                    Occur.FILTER);
              }
            });
    return b.build();
  }

  private SearchResults run(IndexSearcher searcher, Query userQuery, Query query, SearchRequest request)
      throws IOException {
    int wanted = request.offset() + request.limit();
    FacetsCollectorManager fcm = new FacetsCollectorManager();
    FacetsCollectorManager.FacetsResult result =
        switch (request.sort()) {
          case RELEVANCE -> FacetsCollectorManager.search(searcher, query, wanted, fcm);
          case NEWEST_FIRST -> FacetsCollectorManager.search(searcher, query, wanted, byDate(true), fcm);
          case OLDEST_FIRST -> FacetsCollectorManager.search(searcher, query, wanted, byDate(false), fcm);
        };
    TopDocs top = result.topDocs();
    ScoreDoc[] page =
        top.scoreDocs.length <= request.offset()
            ? new ScoreDoc[0]
            : java.util.Arrays.copyOfRange(top.scoreDocs, request.offset(), top.scoreDocs.length);
    TopDocs pageDocs = new TopDocs(top.totalHits, page);
    List<List<String>> snippets =
        SnippetHighlighter.highlight(
            searcher, index.analyzer(), userQuery, pageDocs, request.snippetsPerHit());
    List<CaseHit> hits = new ArrayList<>(page.length);
    StoredFields stored = searcher.storedFields();
    for (int i = 0; i < page.length; i++) {
      hits.add(toHit(stored.document(page[i].doc, HIT_FIELDS), snippets.get(i)));
    }
    return new SearchResults(top.totalHits.value(), hits, facets(searcher, result.facetsCollector()));
  }

  private static final Set<String> HIT_FIELDS =
      Set.of(
          CaseFields.CASE_ID,
          CaseFields.STORED_CHANNEL,
          CaseFields.STORED_STATUS,
          CaseFields.STORED_LABEL,
          CaseFields.RECEIVED);

  private static Sort byDate(boolean newestFirst) {
    return new Sort(new SortField(CaseFields.RECEIVED, SortField.Type.LONG, newestFirst), SortField.FIELD_SCORE);
  }

  private static CaseHit toHit(Document d, List<String> snippets) {
    List<String> labels = new ArrayList<>();
    for (IndexableField f : d.getFields(CaseFields.STORED_LABEL)) {
      labels.add(f.stringValue());
    }
    IndexableField received = d.getField(CaseFields.RECEIVED);
    return new CaseHit(
        d.get(CaseFields.CASE_ID),
        orEmpty(d.get(CaseFields.STORED_CHANNEL)),
        orEmpty(d.get(CaseFields.STORED_STATUS)),
        labels,
        LocalDate.ofEpochDay(received.numericValue().longValue()),
        snippets);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private Map<Facet, List<FacetCount>> facets(IndexSearcher searcher, FacetsCollector collector)
      throws IOException {
    SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
    Map<Facet, List<FacetCount>> out = new EnumMap<>(Facet.class);
    if (state == null) {
      return out;
    }
    Facets counts = new SortedSetDocValuesFacetCounts(state, collector);
    for (Map.Entry<Facet, String> dim : DIMENSIONS.entrySet()) {
      FacetResult r;
      try {
        r = counts.getTopChildren(FACET_VALUES, dim.getValue());
      } catch (IllegalArgumentException noValueIndexedYet) {
        r = null;
      }
      List<FacetCount> values = new ArrayList<>();
      if (r != null) {
        for (LabelAndValue lv : r.labelValues) {
          values.add(new FacetCount(lv.label, lv.value.longValue()));
        }
      }
      out.put(dim.getKey(), values);
    }
    return out;
  }

  /** Drops what was kept for earlier searches; the index is closing. */
  void forget() {
    permitted.clear();
    facetState = null;
  }

  /** The facet ordinals of a reader, computed once per reader the manager hands out. */
  private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
    FacetState cached = facetState;
    if (cached != null && cached.reader() == reader) {
      return cached.state();
    }
    SortedSetDocValuesReaderState state;
    try {
      state = new DefaultSortedSetDocValuesReaderState(reader, CaseDocuments.facetsConfig());
    } catch (IllegalArgumentException emptyIndex) {
      state = null;
    }
    facetState = new FacetState(reader, state);
    return state;
  }
}
