package org.candor.search;

import java.util.List;

/**
 * What indexing one case did: the case is searchable (after the next refresh) and these
 * attachments, if any, contributed only their names.
 */
public record IndexingReport(String caseId, List<AttachmentProblem> problems) {
  public IndexingReport {
    problems = List.copyOf(problems);
  }

  public boolean complete() {
    return problems.isEmpty();
  }
}
