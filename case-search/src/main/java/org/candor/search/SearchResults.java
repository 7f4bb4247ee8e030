package org.candor.search;

import java.util.List;
import java.util.Map;

/**
 * One page of search results: the number of matching cases the searcher may open, the hits of
 * this page, and facet counts over all of those matching cases (never over others).
 */
public record SearchResults(long totalHits, List<CaseHit> hits, Map<Facet, List<FacetCount>> facets) {

  public SearchResults {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
  }

  /** The counts of one facet, most frequent first; empty if no matching case has a value. */
  public List<FacetCount> facet(Facet facet) {
    return facets.getOrDefault(facet, List.of());
  }

  static SearchResults empty() {
    return new SearchResults(0, List.of(), Map.of());
  }
}
