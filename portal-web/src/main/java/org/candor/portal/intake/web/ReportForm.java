package org.candor.portal.intake.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.FieldType;
import org.candor.portal.channel.Problem;
import org.candor.portal.channel.QuestionField;
import org.candor.portal.channel.UploadLimits;
import org.candor.portal.platform.i18n.Messages;

/**
 * The report form of a channel as the template shows it: each question with its label, help,
 * kind, limits, the answer already given (when the form comes back) and its problems, in the
 * reader's language. Questions that take files come last, so that a browser sends the answers
 * before the files and a refused file still finds the answers in hand.
 */
public record ReportForm(String slug, String name, String description, List<Field> fields, List<Field> fileFields,
        boolean uploadsAllowed, long maxFileMiB, int maxFiles, long maxTotalMiB, int retentionDays, String token,
        List<String> formProblems, boolean filesWereDropped) {

    /**
     * One question; {@code category} when it is the channel's category, whose answer is stored
     * unencrypted (the form says so under the question).
     */
    public record Field(String key, String type, String label, String help, boolean required, int maxLength,
            List<Option> options, int maxFiles, long maxFileMiB, List<String> values, List<String> problems,
            boolean category) {

        /** The first value given, for single-valued fields. */
        public String value() {
            return values.isEmpty() ? "" : values.get(0);
        }

        public boolean hasProblems() {
            return !problems.isEmpty();
        }

        /** Where the error summary's link for this question points: its input, or its group of options. */
        public String anchor() {
            return type.endsWith("choice") ? "q-" + key : key;
        }

        /** Id of the element describing the field, for aria-describedby. */
        public String describedBy() {
            return "help-" + key + (category ? " clear-" + key : "") + (problems.isEmpty() ? "" : " problems-" + key);
        }
    }

    /** One option of a choice question. */
    public record Option(String key, String label, boolean chosen) {
    }

    /** Whether one question is the channel's category, whose answer is stored unencrypted. */
    public boolean hasCategory() {
        return fields.stream().anyMatch(Field::category);
    }

        /** Whether the form came back refused: its page then opens with a summary of what to fix. */
    public boolean hasProblems() {
        return !formProblems.isEmpty() || filesWereDropped || !fieldsWithProblems().isEmpty();
    }

    /** The questions with a problem, in the order of the form (files last). */
    public List<Field> fieldsWithProblems() {
        List<Field> found = new ArrayList<>();
        for (List<Field> group : List.of(fields, fileFields)) {
            group.stream().filter(Field::hasProblems).forEach(found::add);
        }
        return found;
    }

    /** The form of a channel, with answers and problems when it comes back. */
    static ReportForm of(Channel channel, Locale language, String token, Map<String, List<String>> answers,
            Map<String, List<Problem>> problems, boolean filesWereDropped) {
        List<Field> fields = new ArrayList<>();
        List<Field> files = new ArrayList<>();
        for (QuestionField q : channel.questionnaire().fields()) {
            List<String> values = answers.getOrDefault(q.key(), List.of());
            List<Option> options = q.options().stream()
                    .map(o -> new Option(o.key(), o.label().in(language), values.contains(o.key())))
                    .toList();
            Field field = new Field(q.key(), q.type().name().toLowerCase(Locale.ROOT), q.labelIn(language),
                    q.helpIn(language), q.required(), q.maxLength(), options, q.maxFiles(),
                    Math.max(1, q.maxFileBytes() / UploadLimits.MIB), values,
                    render(problems.getOrDefault(q.key(), List.of()), language), q.category());
            (q.type() == FieldType.FILE ? files : fields).add(field);
        }
        UploadLimits limits = channel.uploadLimits();
        var text = channel.textFor(language);
        return new ReportForm(channel.slug(), text.name(), text.description(), fields, files, limits.allowed(),
                limits.maxFileBytes() / UploadLimits.MIB, limits.maxFiles(), limits.maxTotalBytes() / UploadLimits.MIB,
                channel.retention().days(), token, render(problems.getOrDefault("", List.of()), language),
                filesWereDropped);
    }

    /** Problems in the reader's words; a language among the arguments is shown by its name. */
    static List<String> render(List<Problem> problems, Locale language) {
        return problems.stream()
                .map(p -> Messages.get(language, p.key(), p.arguments().stream()
                        .map(a -> a instanceof Locale l ? l.getDisplayLanguage(language) : a)
                        .toArray()))
                .toList();
    }

    /** Never prints answers. */
    @Override
    public String toString() {
        return "ReportForm[" + slug + "]";
    }
}
