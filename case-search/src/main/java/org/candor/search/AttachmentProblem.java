package org.candor.search;

/**
 * Why the text of one attachment could not be indexed; the rest of the case was indexed all the
 * same (property 10 of docs/design.md: bad input fails clearly and loses nothing).
 *
 * @param caseId the case the attachment belongs to
 * @param attachmentIndex the position of the attachment in {@link CaseDocument#attachments()}
 * @param reason the kind of failure
 * @param message a short explanation for a person, without file contents or the file name
 */
public record AttachmentProblem(String caseId, int attachmentIndex, Reason reason, String message) {

  /** Kinds of extraction failure. */
  public enum Reason {
    /** Larger than the configured byte limit. */
    TOO_LARGE,
    /** Extraction did not finish within the time limit. */
    TIMED_OUT,
    /** Malformed, encrypted, or refused as hostile (for example a zip bomb). */
    UNREADABLE,
    /** A type the extractor has no parser for: only its name is searchable. */
    UNSUPPORTED
  }
}
