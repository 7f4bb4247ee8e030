package org.candor.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
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
}
