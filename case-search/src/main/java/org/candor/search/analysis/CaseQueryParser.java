package org.candor.search.analysis;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * Turns what an investigator types into a Lucene query: words, "exact phrases", prefix*, fuzzy~,
 * {@code field:value}, AND/OR/NOT and brackets, with AND between plain words.
 *
 * <p>Built on Lucene's classic query syntax. A plain word becomes a disjunction over the plain,
 * English and German text fields (best field wins); a quoted phrase, a prefix, a wildcard and a
 * fuzzy term go to the unstemmed field, where they mean what the user typed. Field names are
 * resolved through {@link CaseFields}; an unknown field, a leading wildcard or a malformed query
 * becomes a {@link QuerySyntaxException} with a message for a person. Not thread-safe: make one
 * per query.
 */
public final class CaseQueryParser extends QueryParser {

  /** A query the parser refused, with a message meant for the investigator. */
  public static final class QuerySyntaxException extends Exception {
    QuerySyntaxException(String message) {
      super(message);
    }
  }

  /** Our own refusals, distinguished from the grammar's errors when unwrapping. */
  private static final class RefusedQuery extends ParseException {
    RefusedQuery(String message) {
      super(message);
    }
  }

  public CaseQueryParser(Analyzer analyzer) {
    super(CaseFields.TEXT, analyzer);
    setDefaultOperator(QueryParser.AND_OPERATOR);
    setAllowLeadingWildcard(false);
    setFuzzyPrefixLength(1);
    setAutoGeneratePhraseQueries(false);
  }

  /** Parses {@code text}; blank or {@code *} matches every document. */
  public Query parseQuery(String text) throws QuerySyntaxException {
    String trimmed = text.strip();
    if (trimmed.isEmpty() || trimmed.equals("*")) {
      return new MatchAllDocsQuery();
    }
    if (trimmed.length() > 2000) {
      throw new QuerySyntaxException("The query is too long (at most 2000 characters).");
    }
    try {
      Query query = parse(trimmed);
      return allowPureNegation(query);
    } catch (ParseException e) {
      throw new QuerySyntaxException(explain(e));
    } catch (IndexSearcher.TooManyClauses e) {
      throw new QuerySyntaxException("The query has too many terms; please make it shorter.");
    }
  }

  private static String explain(ParseException wrapped) {
    Throwable cause = wrapped.getCause() == null ? wrapped : wrapped.getCause();
    if (cause instanceof RefusedQuery refused) {
      return refused.getMessage();
    }
    if (cause instanceof TokenMgrError) {
      return "The query could not be read: check that every quote (\") is closed and that"
          + " special characters (: * ~ ? / \\ [ ] { } ( ) ^) are quoted or escaped with \\.";
    }
    if (cause instanceof ParseException pe && pe.currentToken != null && pe.currentToken.next != null) {
      var next = pe.currentToken.next;
      String where = next.image == null || next.image.isEmpty()
          ? "at the end of the query"
          : "near \"" + next.image + "\" (position " + next.beginColumn + ")";
      return "The query could not be read " + where
          + ": check brackets, quotes and that AND, OR and NOT stand between two terms.";
    }
    return "The query could not be read: check brackets, quotes and AND, OR, NOT.";
  }

  private static Query allowPureNegation(Query query) {
    if (query instanceof BooleanQuery bq
        && !bq.clauses().isEmpty()
        && bq.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      b.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
      bq.clauses().forEach(b::add);
      return b.build();
    }
    return query;
  }

  private static boolean isText(String field) {
    return CaseFields.TEXT.equalsIgnoreCase(field) || "all".equalsIgnoreCase(field);
  }

  private static String keywordField(String field) throws ParseException {
    return CaseFields.queryField(field)
        .orElseThrow(
            () ->
                new RefusedQuery(
                    "Unknown field \""
                        + field
                        + ":\". Use "
                        + CaseFields.queryFieldNames()
                        + ", or put text containing a colon in quotes."));
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted)
      throws ParseException {
    if (isText(field)) {
      if (quoted) {
        return super.getFieldQuery(CaseFields.TEXT_PLAIN, queryText, true);
      }
      List<Query> alternatives = new ArrayList<>();
      for (String textField : CaseFields.TEXT_FIELDS) {
        Query q = super.getFieldQuery(textField, queryText, false);
        if (q != null) {
          alternatives.add(textField.equals(CaseFields.TEXT_PLAIN) ? new BoostQuery(q, 1.2f) : q);
        }
      }
      return alternatives.isEmpty() ? null : new DisjunctionMaxQuery(alternatives, 0.1f);
    }
    return new TermQuery(new Term(keywordField(field), CaseFields.keyword(queryText)));
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    if (isText(field)) {
      return super.getPrefixQuery(CaseFields.TEXT_PLAIN, termStr);
    }
    return new PrefixQuery(new Term(keywordField(field), CaseFields.keyword(termStr)));
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    if (termStr.startsWith("*") || termStr.startsWith("?")) {
      throw new RefusedQuery(
          "A word may not start with * or ?: put at least one letter before the wildcard.");
    }
    if (isText(field)) {
      return super.getWildcardQuery(CaseFields.TEXT_PLAIN, termStr);
    }
    return new WildcardQuery(new Term(keywordField(field), CaseFields.keyword(termStr)));
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
      throws ParseException {
    if (isText(field)) {
      return super.getFuzzyQuery(CaseFields.TEXT_PLAIN, termStr, minSimilarity);
    }
    String f = keywordField(field);
    int edits = Math.min(FuzzyQuery.defaultMaxEdits, Math.max(0, (int) minSimilarity));
    return new FuzzyQuery(new Term(f, CaseFields.keyword(termStr)), edits);
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    throw new RefusedQuery(
        "Slashes start a regular expression, which search does not support: put text with a"
            + " slash in quotes.");
  }

  @Override
  protected Query getRangeQuery(
      String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
      throws ParseException {
    if (isText(field)) {
      throw new RefusedQuery("Ranges work on a field, for example year:[2020 TO 2023].");
    }
    String f = keywordField(field);
    return TermRangeQuery.newStringRange(
        f,
        part1 == null || part1.equals("*") ? null : CaseFields.keyword(part1),
        part2 == null || part2.equals("*") ? null : CaseFields.keyword(part2),
        startInclusive,
        endInclusive);
  }
}
