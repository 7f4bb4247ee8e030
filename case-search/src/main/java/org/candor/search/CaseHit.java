package org.candor.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One matching case as the result page shows it: its ID and workflow metadata, and snippets of
 * where it matched.
 *
 * <p>Each snippet is HTML-escaped text in which the matched words are wrapped in {@code
 * <mark>...</mark>}; it can be placed into a page as it is. Scores are deliberately not exposed:
 * they depend on index-wide statistics, which include cases the searcher may not open.
 */
public record CaseHit(
    String caseId,
    String channel,
    String status,
    List<String> labels,
    LocalDate received,
    List<String> snippets) {

  public CaseHit {
    labels = List.copyOf(labels);
    snippets = List.copyOf(snippets);
  }

  @Override
  public String toString() {
    return "CaseHit[" + caseId + "]";
  }
}
