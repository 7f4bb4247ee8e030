package org.candor.search.index;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.SplittingBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.candor.search.analysis.CaseFields;

/**
 * Produces HTML-safe snippets with matches in {@code <mark>} for the hits of one page.
 *
 * <p>The three analysed text fields share the stored values of {@link CaseFields#TEXT}; this
 * highlighter reads those values for each of them (the offsets agree, as all three use the same
 * tokenizer) and keeps, per hit, the field whose snippets mark the most matches. Only the hits
 * given to it are read, and those passed the access filter.
 */
public final class SnippetHighlighter {

  private static final int MAX_CHARS = 200_000;

  private SnippetHighlighter() {}

  /** One list of snippets per hit of {@code topDocs}, in order. */
  public static List<List<String>> highlight(
      IndexSearcher searcher, Analyzer analyzer, Query query, TopDocs topDocs, int perHit)
      throws IOException {
    List<List<String>> result = new ArrayList<>();
    if (perHit == 0 || topDocs.scoreDocs.length == 0) {
      for (int i = 0; i < topDocs.scoreDocs.length; i++) {
        result.add(List.of());
      }
      return result;
    }
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(new Unformatted())
            .withHandleMultiTermQuery(true)
            .withHighlightPhrasesStrictly(true)
            .withMaxLength(MAX_CHARS)
            .withMaxNoHighlightPassages(0);
    SharedTextHighlighter highlighter = new SharedTextHighlighter(builder, searcher);
    String[] fields = CaseFields.TEXT_FIELDS.toArray(String[]::new);
    int[] passages = new int[fields.length];
    Arrays.fill(passages, perHit);
    int[] docs = new int[topDocs.scoreDocs.length];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = topDocs.scoreDocs[i].doc;
    }
    Map<String, Object[]> byField = highlighter.passagesByField(fields, query, docs, passages);
    PassageFormatter html = new DefaultPassageFormatter("<mark>", "</mark>", " … ", true);
    for (int i = 0; i < docs.length; i++) {
      Unformatted.Result best = null;
      int bestMarks = 0;
      for (String field : fields) {
        Unformatted.Result r = (Unformatted.Result) byField.get(field)[i];
        int marks = r == null ? 0 : r.marks();
        if (marks > bestMarks) {
          best = r;
          bestMarks = marks;
        }
      }
      result.add(
          best == null ? List.of() : splitPassages(html.format(best.passages(), best.content()).toString()));
    }
    return result;
  }

  /**
   * Keeps the passages of every field as they are, so that only the field whose snippets are shown
   * is formatted (escaping every character of three fields' passages cost more than the choice).
   */
  private static final class Unformatted extends PassageFormatter {
    record Result(Passage[] passages, String content) {
      /** The number of {@code <mark>}s the HTML formatter makes: overlapping matches make one. */
      int marks() {
        int n = 0;
        for (Passage p : passages) {
          int matches = p.getNumMatches();
          int[] starts = p.getMatchStarts();
          int[] ends = p.getMatchEnds();
          for (int i = 0; i < matches; i++) {
            int end = ends[i];
            while (i + 1 < matches && starts[i + 1] < end) {
              end = ends[++i];
            }
            n++;
          }
        }
        return n;
      }
    }

    @Override
    public Object format(Passage[] passages, String content) {
      return new Result(passages, content);
    }
  }

  private static List<String> splitPassages(String joined) {
    List<String> out = new ArrayList<>();
    for (String p : joined.split(" … ")) {
      String t = p.replace('\u0000', ' ').strip();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * Reads the shared stored text for every analysed text field, and finds its sentences once for
   * all of them.
   */
  private static final class SharedTextHighlighter extends UnifiedHighlighter {
    private final IndexSearcher searcher;
    private final SentenceBreaks sentences =
        new SentenceBreaks(() -> new SplittingBreakIterator(getBreakIterator(CaseFields.TEXT), MULTIVAL_SEP_CHAR));

    SharedTextHighlighter(Builder builder, IndexSearcher searcher) {
      super(builder);
      this.searcher = searcher;
    }

    /** Per field, one {@link Unformatted.Result} (or null) per document of {@code docs}. */
    Map<String, Object[]> passagesByField(String[] fields, Query query, int[] docs, int[] maxPassages)
        throws IOException {
      return highlightFieldsAsObjects(fields, query, docs, maxPassages);
    }

    @Override
    protected FieldHighlighter newFieldHighlighter(
        String field,
        FieldOffsetStrategy offsets,
        BreakIterator perField,
        PassageScorer scorer,
        int maxPassages,
        int maxNoHighlightPassages,
        PassageFormatter formatter,
        Comparator<Passage> order) {
      // Every field has the same (default) sentence iterator over the same text.
      return super.newFieldHighlighter(
          field, offsets, sentences.iterator(), scorer, maxPassages, maxNoHighlightPassages, formatter, order);
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
      List<CharSequence[]> docs = new ArrayList<>();
      StoredFields stored = searcher.storedFields();
      for (int doc = docIter.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = docIter.nextDoc()) {
        StringBuilder text = new StringBuilder();
        for (IndexableField f : stored.document(doc, java.util.Set.of(CaseFields.TEXT)).getFields(CaseFields.TEXT)) {
          if (text.length() > 0) {
            text.append(MULTIVAL_SEP_CHAR);
          }
          text.append(f.stringValue());
          if (text.length() >= MAX_CHARS) {
            text.setLength(MAX_CHARS);
            break;
          }
        }
        CharSequence[] values = new CharSequence[fields.length];
        Arrays.fill(values, text.toString());
        docs.add(values);
      }
      return docs;
    }
  }
}
