package org.candor.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseSearcherTest {

  @TempDir static Path folder;
  static CaseIndex index;
  static final Set<String> ALL = Set.of("c1", "c2", "c3", "c4", "c5");

  @BeforeAll
  static void indexCases() {
    index =
        CaseIndex.open(
            folder, IndexKey.generate(), CaseIndex.Options.defaults().withRefreshInterval(Duration.ZERO));
    CaseIndexer w = index.indexer();
    w.index(
        CaseDocument.builder("c1", LocalDate.of(2023, 3, 1))
            .channel("Finance")
            .status("in_assessment")
            .label("bribery")
            .label("urgent")
            .answer("The manager reported invoices to a shell company.")
            .message("I have more documents about the <script> payments & invoices.")
            .note("Check the procurement office.")
            .attachment(Attachment.of("ledger-2023.txt", "Ledger of kickbacks".getBytes()))
            .build());
    w.index(
        CaseDocument.builder("c2", LocalDate.of(2024, 6, 10))
            .channel("HR")
            .status("received")
            .label("harassment")
            .answer("Die Berichte über Belästigung in den Häusern der Verwaltung.")
            .build());
    w.index(
        CaseDocument.builder("c3", LocalDate.of(2025, 1, 5))
            .channel("Finance")
            .status("concluded")
            .label("bribery")
            .answer("Embezzlement of funds by the treasurer; a manager reports it.")
            .build());
    w.index(
        CaseDocument.builder("c4", LocalDate.of(2022, 9, 9))
            .channel("Safety")
            .status("received")
            .answer("Shell company invoices again, reported quietly.")
            .build());
    w.index(
        CaseDocument.builder("c5", LocalDate.of(2024, 2, 2))
            .channel("HR")
            .status("in_investigation")
            .label("urgent")
            .answer("Ein Bericht zum Haus des Vorstands.")
            .build());
    index.refresh();
  }

  @AfterAll
  static void close() {
    index.close();
  }

  static SearchResults search(String q) {
    return index.searcher().search(SearchRequest.builder(q, ALL).build());
  }

  static Set<String> ids(String q) {
    return ids(search(q));
  }

  static Set<String> ids(SearchResults r) {
    return r.hits().stream().map(CaseHit::caseId).collect(Collectors.toSet());
  }

  @Test
  void findsWordsInAnswersMessagesNotesAndAttachments() {
    assertEquals(Set.of("c1", "c4"), ids("invoices"));
    assertEquals(Set.of("c1"), ids("procurement"));
    assertEquals(Set.of("c1"), ids("ledger"));
    assertEquals(Set.of("c1"), ids("kickbacks"));
  }

  @Test
  void severalWordsMustAllMatch() {
    assertEquals(Set.of("c1", "c4"), ids("shell invoices"));
    assertEquals(Set.of("c1"), ids("shell procurement"));
  }

  @Test
  void englishInflectionsMatch() {
    assertEquals(Set.of("c1", "c3", "c4"), ids("reporting"));
    assertEquals(Set.of("c1", "c3"), ids("managers"));
  }

  @Test
  void germanInflectionsAndUmlautsMatch() {
    assertEquals(Set.of("c2", "c5"), ids("Bericht"));
    assertEquals(Set.of("c2", "c5"), ids("Häuser"));
    assertEquals(Set.of("c2"), ids("Belaestigung"));
  }

  @Test
  void exactPhraseMatchesOnlyAdjacentWords() {
    assertEquals(Set.of("c1", "c4"), ids("\"shell company\""));
    assertEquals(Set.of("c3"), ids("\"manager reports\""));
    assertEquals(Set.of(), ids("\"company shell\""));
  }

  @Test
  void prefixAndFuzzyTermsFindPartialAndMisspelledWords() {
    assertEquals(Set.of("c3"), ids("embezz*"));
    assertEquals(Set.of("c3"), ids("embezzlemnt~"));
    assertEquals(Set.of("c3"), ids("tre?surer"));
  }

  @Test
  void fieldQueriesAndAliasesFilterByMetadata() {
    assertEquals(Set.of("c1", "c3"), ids("channel:finance"));
    assertEquals(Set.of("c2", "c5"), ids("kanal:HR"));
    assertEquals(Set.of("c2", "c4"), ids("status:received"));
    assertEquals(Set.of("c1", "c5"), ids("tag:urgent"));
    assertEquals(Set.of("c2", "c5"), ids("year:2024"));
    assertEquals(Set.of("c1", "c2", "c5"), ids("jahr:[2023 TO 2024]"));
    assertEquals(Set.of("c3"), ids("label:bribery embezzlement"));
  }

  @Test
  void booleanOperatorsCombineTerms() {
    assertEquals(Set.of("c1", "c3", "c4"), ids("invoices OR treasurer"));
    assertEquals(Set.of("c4"), ids("invoices NOT procurement"));
    assertEquals(Set.of("c2", "c3", "c4", "c5"), ids("NOT procurement"));
    assertEquals(Set.of("c1"), ids("(invoices OR treasurer) AND label:urgent"));
  }

  @Test
  void blankQueryListsEveryPermittedCase() {
    assertEquals(5, search("").totalHits());
  }

  @Test
  void sortsByDateReceived() {
    SearchResults newest =
        index.searcher().search(SearchRequest.builder("", ALL).sort(SortOrder.NEWEST_FIRST).build());
    assertEquals(
        List.of("c3", "c2", "c5", "c1", "c4"), newest.hits().stream().map(CaseHit::caseId).toList());
    SearchResults oldest =
        index.searcher().search(SearchRequest.builder("", ALL).sort(SortOrder.OLDEST_FIRST).build());
    assertEquals("c4", oldest.hits().get(0).caseId());
    assertEquals(LocalDate.of(2022, 9, 9), oldest.hits().get(0).received());
  }

  @Test
  void pagesThroughHits() {
    SearchResults second =
        index
            .searcher()
            .search(SearchRequest.builder("", ALL).sort(SortOrder.OLDEST_FIRST).page(2, 2).build());
    assertEquals(5, second.totalHits());
    assertEquals(List.of("c5", "c2"), second.hits().stream().map(CaseHit::caseId).toList());
  }

  @Test
  void countsFacetsOverMatchingCases() {
    SearchResults r = search("");
    assertTrue(r.facet(Facet.CHANNEL).contains(new FacetCount("Finance", 2)));
    assertTrue(r.facet(Facet.CHANNEL).contains(new FacetCount("HR", 2)));
    assertTrue(r.facet(Facet.STATUS).contains(new FacetCount("received", 2)));
    assertTrue(r.facet(Facet.LABEL).contains(new FacetCount("urgent", 2)));
    assertTrue(r.facet(Facet.YEAR_RECEIVED).contains(new FacetCount("2024", 2)));
    SearchResults narrowed = search("invoices");
    assertEquals(List.of(new FacetCount("Finance", 1), new FacetCount("Safety", 1)),
        narrowed.facet(Facet.CHANNEL).stream().sorted((a, b) -> a.value().compareTo(b.value())).toList());
  }

  @Test
  void narrowsByFacetValue() {
    SearchResults r =
        index
            .searcher()
            .search(SearchRequest.builder("invoices", ALL).narrow(Facet.CHANNEL, "Safety").build());
    assertEquals(Set.of("c4"), ids(r));
  }

  @Test
  void snippetsAreHtmlEscapedWithMarkedMatches() {
    SearchResults r = search("payments");
    List<String> snippets = r.hits().get(0).snippets();
    assertFalse(snippets.isEmpty());
    String s = String.join(" ", snippets);
    assertTrue(s.contains("<mark>payments</mark>"), s);
    assertTrue(s.contains("&lt;script&gt;"), s);
    assertFalse(s.contains("<script>"), s);
  }

  @Test
  void snippetsMarkStemmedMatches() {
    String s = String.join(" ", search("Berichten").hits().stream()
        .flatMap(h -> h.snippets().stream()).toList());
    assertTrue(s.contains("<mark>Berichte</mark>") && s.contains("<mark>Bericht</mark>"), s);
  }

  @Test
  void malformedQueriesGiveReadableTypedErrors() {
    for (String bad : List.of("\"unclosed", "invoices AND", "(invoices", "colour:red", "*voices", "a/b/")) {
      InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> search(bad), bad);
      assertFalse(e.getMessage().contains("Exception"), e.getMessage());
      assertFalse(e.getMessage().contains("\n\tat "), e.getMessage());
    }
    assertTrue(
        assertThrows(InvalidQueryException.class, () -> search("colour:red")).getMessage().contains("colour"));
  }
}
