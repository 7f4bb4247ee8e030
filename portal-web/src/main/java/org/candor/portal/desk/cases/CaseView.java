package org.candor.portal.desk.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A case as opened for an investigator: its answers with the questionnaire's labels, its attachments, and the
 * conversation. Holds report contents in clear, in memory only for one response; {@code toString} says nothing.
 *
 * @param reportDamaged whether the report failed its integrity check (then no answer is shown)
 */
public record CaseView(List<Answer> answers, List<Attachment> attachments, List<Entry> conversation,
        boolean reportDamaged, String reportLanguage) {

    /** One answered question. */
    public record Answer(String question, List<String> values) {
    }

    /** An attached file: the item that holds it, its name, type and size in bytes. */
    public record Attachment(UUID item, String name, String contentType, long size, String field) {
    }

    /**
     * One item of the conversation, oldest first.
     *
     * @param text the opened text; empty when {@code damaged}
     * @param author sign-in name of the investigator who wrote it; empty for the whistleblower
     * @param files the files that came with it, as it lists them
     */
    public record Entry(UUID item, String kind, LocalDate on, Optional<String> author, String text,
            List<Attachment> files, boolean damaged, boolean sharedWithWhistleblower) {
    }

    @Override
    public String toString() {
        return "CaseView[" + answers.size() + " answers, " + attachments.size() + " attachments, "
                + conversation.size() + " entries]";
    }
}
