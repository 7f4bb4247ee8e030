package org.candor.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessFilterTest {

  @TempDir Path folder;

  @Test
  void forbiddenMatchingCaseContributesNothingToCountsFacetsOrSnippets() {
    try (CaseIndex index =
        CaseIndex.open(folder, IndexKey.generate(), CaseIndex.Options.defaults().withRefreshInterval(Duration.ZERO))) {
      index.indexer().index(
          CaseDocument.builder("mine", LocalDate.of(2024, 1, 1))
              .channel("finance").status("received").label("fraud")
              .answer("Suspicious transfers to an offshore account.")
              .build());
      index.indexer().index(
          CaseDocument.builder("secret", LocalDate.of(2021, 1, 1))
              .channel("board").status("concluded").label("minister")
              .answer("Offshore account of the minister, transfers hidden in 2021.")
              .build());
      index.refresh();

      SearchResults r =
          index.searcher().search(SearchRequest.builder("offshore transfers", Set.of("mine")).build());

      assertEquals(1, r.totalHits());
      assertEquals(List.of("mine"), r.hits().stream().map(CaseHit::caseId).toList());
      for (Facet f : Facet.values()) {
        assertEquals(1, r.facet(f).stream().mapToLong(FacetCount::count).sum(), f.name());
      }
      assertEquals(List.of(new FacetCount("finance", 1)), r.facet(Facet.CHANNEL));
      assertEquals(List.of(new FacetCount("2024", 1)), r.facet(Facet.YEAR_RECEIVED));
      String all = r.hits().toString() + r.facets() + String.join("", r.hits().get(0).snippets());
      assertFalse(all.contains("minister"), all);
      assertFalse(all.contains("board"), all);

      SearchResults onlySecret =
          index.searcher().search(SearchRequest.builder("minister", Set.of("mine")).build());
      assertEquals(0, onlySecret.totalHits());
      assertTrue(onlySecret.facets().values().stream().allMatch(List::isEmpty));

      SearchResults byField =
          index.searcher().search(SearchRequest.builder("channel:board OR case:secret", Set.of("mine")).build());
      assertEquals(0, byField.totalHits());
    }
  }

  @Test
  void emptyPermissionSetFindsNothing() {
    try (CaseIndex index =
        CaseIndex.open(folder, IndexKey.generate(), CaseIndex.Options.defaults().withRefreshInterval(Duration.ZERO))) {
      index.indexer().index(CaseDocument.builder("a", LocalDate.of(2024, 1, 1)).answer("anything").build());
      index.refresh();
      SearchResults r = index.searcher().search(SearchRequest.builder("", Set.of()).build());
      assertEquals(0, r.totalHits());
      assertTrue(r.hits().isEmpty());
    }
  }

  @Test
  void eachSearchSeesExactlyItsOwnSetAcrossUpdatesDeletionsAndNewCases() {
    try (CaseIndex index =
        CaseIndex.open(folder, IndexKey.generate(), CaseIndex.Options.defaults().withRefreshInterval(Duration.ZERO))) {
      for (int i = 0; i < 40; i++) {
        index.indexer().index(CaseDocument.builder("case-" + i, LocalDate.of(2024, 1, 1)).answer("ledger entry").build());
      }
      index.refresh();
      Set<String> many = new HashSet<>();
      for (int i = 0; i < 40; i += 2) {
        many.add("case-" + i);
      }
      many.add("not-indexed");
      Set<String> few = Set.of("case-1", "case-3", "not-indexed-either");

      assertEquals(ids(many, 39), found(index, "ledger", many));
      assertEquals(Set.of("case-1", "case-3"), found(index, "ledger", few));

      // A changed case, a deleted one and a new one, in new segments, with equal (not identical) sets.
      index.indexer().index(CaseDocument.builder("case-0", LocalDate.of(2024, 1, 1)).answer("ledger changed").build());
      index.indexer().delete("case-2");
      index.indexer().delete("case-3");
      index.indexer().index(CaseDocument.builder("case-40", LocalDate.of(2024, 1, 1)).answer("ledger new").build());
      index.indexer().index(CaseDocument.builder("case-41", LocalDate.of(2024, 1, 1)).answer("ledger new").build());
      index.refresh();
      Set<String> manyAgain = new HashSet<>(many);
      manyAgain.add("case-40");

      Set<String> expected = ids(many, 39);
      expected.remove("case-2");
      expected.add("case-40");
      assertEquals(expected, found(index, "ledger", manyAgain));
      assertEquals(Set.of("case-0"), found(index, "changed", manyAgain));
      assertEquals(Set.of(), found(index, "changed", few));
      assertEquals(Set.of("case-1"), found(index, "ledger", Set.copyOf(few)));
    }
  }

  @Test
  void manyInvestigatorsInTurnEachFindOnlyTheirCases() {
    try (CaseIndex index =
        CaseIndex.open(folder, IndexKey.generate(), CaseIndex.Options.defaults().withRefreshInterval(Duration.ZERO))) {
      for (int i = 0; i < 30; i++) {
        index.indexer().index(CaseDocument.builder("case-" + i, LocalDate.of(2024, 1, 1)).answer("memo").build());
      }
      index.refresh();
      for (int round = 0; round < 2; round++) {
        for (int investigator = 0; investigator < 15; investigator++) {
          Set<String> own = Set.of("case-" + investigator, "case-" + (investigator + 15));
          assertEquals(own, found(index, "memo", own));
        }
      }
    }
  }

  private static Set<String> ids(Set<String> permitted, int maxIndexed) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i <= maxIndexed; i++) {
      if (permitted.contains("case-" + i)) {
        out.add("case-" + i);
      }
    }
    return out;
  }

  private static Set<String> found(CaseIndex index, String query, Set<String> permitted) {
    SearchResults r = index.searcher().search(SearchRequest.builder(query, permitted).page(0, 100).build());
    Set<String> ids = r.hits().stream().map(CaseHit::caseId).collect(Collectors.toSet());
    assertEquals(ids.size(), r.totalHits());
    return ids;
  }
}
