package org.candor.search;

import java.util.List;

/** The outcome of a full rebuild: how many cases were indexed and which attachments failed. */
public record RebuildReport(long indexed, List<AttachmentProblem> problems) {
  public RebuildReport {
    problems = List.copyOf(problems);
  }
}
