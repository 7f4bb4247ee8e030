package org.candor.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything of one decrypted case that search can find: workflow metadata for filters and
 * facets, and the texts (answers, messages, internal notes, attachments) for full-text search.
 *
 * <p>{@link #toString()} prints only the case ID, so that no plaintext reaches a log (property 1
 * of docs/design.md).
 *
 * @param caseId the case's identifier, used for access filtering, update and deletion
 * @param channel the reporting channel's identifier
 * @param status the workflow status (for example {@code received}, {@code in_assessment})
 * @param labels the labels investigators gave the case
 * @param received the date the report was received (a coarse date, property 6)
 * @param answers the answers to the questionnaire
 * @param messages the conversation with the whistleblower, both ways
 * @param notes the investigators' internal notes
 * @param attachments the decrypted attachments
 */
public record CaseDocument(
    String caseId,
    String channel,
    String status,
    Set<String> labels,
    LocalDate received,
    List<String> answers,
    List<String> messages,
    List<String> notes,
    List<Attachment> attachments) {

  public CaseDocument {
    if (caseId == null || caseId.isBlank()) {
      throw new IllegalArgumentException("a case document needs a case ID");
    }
    Objects.requireNonNull(received, "received");
    channel = channel == null ? "" : channel.strip();
    status = status == null ? "" : status.strip();
    labels = Set.copyOf(new TreeSet<>(labels));
    answers = List.copyOf(answers);
    messages = List.copyOf(messages);
    notes = List.copyOf(notes);
    attachments = List.copyOf(attachments);
  }

  public static Builder builder(String caseId, LocalDate received) {
    return new Builder(caseId, received);
  }

  @Override
  public String toString() {
    return "CaseDocument[" + caseId + "]";
  }

  /** Builds a {@link CaseDocument}. */
  public static final class Builder {
    private final String caseId;
    private final LocalDate received;
    private String channel = "";
    private String status = "";
    private final Set<String> labels = new TreeSet<>();
    private final List<String> answers = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Attachment> attachments = new ArrayList<>();

    private Builder(String caseId, LocalDate received) {
      this.caseId = caseId;
      this.received = received;
    }

    public Builder channel(String value) {
      channel = value;
      return this;
    }

    public Builder status(String value) {
      status = value;
      return this;
    }

    public Builder label(String value) {
      labels.add(value);
      return this;
    }

    public Builder answer(String text) {
      answers.add(text);
      return this;
    }

    public Builder message(String text) {
      messages.add(text);
      return this;
    }

    public Builder note(String text) {
      notes.add(text);
      return this;
    }

    public Builder attachment(Attachment value) {
      attachments.add(value);
      return this;
    }

    public CaseDocument build() {
      return new CaseDocument(
          caseId, channel, status, labels, received, answers, messages, notes, attachments);
    }
  }
}
