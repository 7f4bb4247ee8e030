package org.candor.search.analysis;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The single analyzer used both to index and to parse queries, so that a query word is always
 * cut and normalised the way the indexed words were.
 *
 * <p>Per field: {@link CaseFields#TEXT_PLAIN} uses the standard tokenizer, lower case and ASCII
 * folding ({@code Büro} and {@code buro} match); {@link CaseFields#TEXT_EN} is Lucene's {@link
 * EnglishAnalyzer} (possessives, stop words, Porter stemming); {@link CaseFields#TEXT_DE} is
 * Lucene's {@link GermanAnalyzer} (stop words, umlaut and ß normalisation, light stemming). All
 * three share the standard tokenizer, so their offsets agree and highlighting works on the one
 * stored text. Keyword fields are taken whole (values are lower-cased before they get here).
 */
public final class CaseAnalyzers {

  private CaseAnalyzers() {}

  /** A new analyzer for the whole index; thread-safe, one per index. */
  public static Analyzer create() {
    return new PerFieldAnalyzerWrapper(
        new KeywordAnalyzer(),
        Map.of(
            CaseFields.TEXT_PLAIN, new PlainTextAnalyzer(),
            CaseFields.TEXT_EN, new EnglishAnalyzer(),
            CaseFields.TEXT_DE, new GermanAnalyzer()));
  }

  /** Standard tokens, lower case, accents folded; no stemming and no stop words. */
  static final class PlainTextAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream result = new ASCIIFoldingFilter(new LowerCaseFilter(source));
      return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }
}
