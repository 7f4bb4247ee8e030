package org.candor.search.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import org.candor.search.CaseDocument;
import org.candor.search.CaseHit;
import org.candor.search.CaseIndex;
import org.candor.search.CaseIndexer;
import org.candor.search.IndexKey;
import org.candor.search.InvalidQueryException;
import org.candor.search.SearchRequest;
import org.candor.search.SearchResults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the desk's search box (docs/design.md property 10, bad input fails clearly): whatever an investigator types,
 * the parser gives a query or a {@link CaseQueryParser.QuerySyntaxException} with a message, and a search over a
 * real (encrypted) index gives results among the permitted cases or an {@link InvalidQueryException}; nothing
 * else escapes, and what the parser refuses the search refuses too.
 */
class CaseQueryParserFuzzTest {

  private static final Set<String> PERMITTED = Set.of("c1", "c2", "c3");

  @TempDir static Path folder;
  private static CaseIndex index;

  @BeforeAll
  static void indexCases() {
    index =
        CaseIndex.open(
            folder,
            IndexKey.generate(),
            CaseIndex.Options.defaults().withRefreshInterval(Duration.ZERO));
    CaseIndexer indexer = index.indexer();
    indexer.index(
        CaseDocument.builder("c1", LocalDate.of(2023, 3, 1))
            .channel("Finance")
            .status("in_assessment")
            .label("bribery")
            .answer("The manager reported invoices to a shell company.")
            .message("More documents about the payments & invoices.")
            .build());
    indexer.index(
        CaseDocument.builder("c2", LocalDate.of(2024, 6, 10))
            .channel("HR")
            .status("received")
            .label("harassment")
            .answer("Die Berichte über Belästigung in den Häusern der Verwaltung.")
            .build());
    indexer.index(
        CaseDocument.builder("c3", LocalDate.of(2025, 1, 5))
            .channel("Finance")
            .status("concluded")
            .answer("Embezzlement of funds by the treasurer.")
            .note("Not permitted to everyone.")
            .build());
    indexer.index(
        CaseDocument.builder("c4", LocalDate.of(2022, 9, 9))
            .channel("Safety")
            .status("received")
            .answer("Shell company invoices again, in a case nobody here may read.")
            .build());
    index.refresh();
  }

  @AfterAll
  static void close() {
    index.close();
  }

  @FuzzTest
  void search(byte[] typed) {
    String text = new String(typed, StandardCharsets.UTF_8);
    boolean parsed;
    try {
      assertNotNull(new CaseQueryParser(CaseAnalyzers.create()).parseQuery(text));
      parsed = true;
    } catch (CaseQueryParser.QuerySyntaxException refused) {
      assertFalse(refused.getMessage().isBlank());
      parsed = false;
    }
    SearchResults results;
    try {
      results = index.searcher().search(SearchRequest.builder(text, PERMITTED).build());
    } catch (InvalidQueryException refused) {
      assertFalse(refused.getMessage().isBlank());
      return;
    }
    assertTrue(parsed, "the search ran a query the parser refuses");
    for (CaseHit hit : results.hits()) {
      assertTrue(PERMITTED.contains(hit.caseId()), "a hit outside the permitted cases: " + hit.caseId());
    }
  }
}
