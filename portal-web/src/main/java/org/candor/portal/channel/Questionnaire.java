package org.candor.portal.channel;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The questions a channel asks a whistleblower, in order. Immutable: each change returns a new
 * questionnaire, so that an editing step either yields a valid whole or nothing.
 *
 * <p>This is what the intake renders as a form ({@link #fields()}, with
 * {@link QuestionField#labelIn}, {@link QuestionField#helpIn} and each kind's constraints) and
 * what checks the answers sent back ({@link #check(SubmittedAnswers)}).
 */
public record Questionnaire(List<QuestionField> fields) {

    /** Most questions in one questionnaire: a form longer than this is not read to its end. */
    public static final int MAX_FIELDS = 40;
    public static final Questionnaire EMPTY = new Questionnaire(List.of());

    public Questionnaire {
        fields = List.copyOf(fields);
        if (fields.size() > MAX_FIELDS) {
            throw new InvalidChannelInput("channel.questionnaire.tooManyFields", MAX_FIELDS);
        }
        Set<String> keys = new HashSet<>();
        for (QuestionField field : fields) {
            if (!keys.add(field.key())) {
                throw new InvalidChannelInput("channel.field.key.duplicate", field.key());
            }
        }
        if (fields.stream().filter(QuestionField::category).count() > 1) {
            throw new InvalidChannelInput("channel.questionnaire.oneCategory");
        }
    }

    /**
     * The question marked as the channel's category, if one is: its answer (an option's key) is
     * the one answer stored in clear on a case, for sorting (docs/design.md property 1).
     */
    public Optional<QuestionField> category() {
        return fields.stream().filter(QuestionField::category).findFirst();
    }

    /**
     * The category a case of these answers is filed under: the key of the option chosen for the
     * category question, taken from answers that passed {@link #check}; empty when the channel
     * marks no category or the question was left unanswered.
     */
    public Optional<String> categoryOf(Map<String, List<String>> accepted) {
        return category().flatMap(field -> accepted.getOrDefault(field.key(), List.of()).stream().findFirst())
                .filter(key -> category().flatMap(field -> field.option(key)).isPresent());
    }

    /**
     * The label of a category option in a language, for the desk; the key itself when the option
     * is no longer one of the category question's (the administrator changed it since).
     */
    public String categoryLabel(String optionKey, Locale language) {
        return category().flatMap(field -> field.option(optionKey)).map(o -> o.label().in(language)).orElse(optionKey);
    }

    /**
     * Whether a category sent beside a report sealed in the browser may be stored: the key of one
     * of the category question's options. The server cannot check that it is the answer sealed in
     * the report (docs/protocol.md).
     */
    public boolean isCategoryOption(String optionKey) {
        return category().flatMap(field -> field.option(optionKey)).isPresent();
    }

    public Optional<QuestionField> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** This questionnaire with a field added at the end. */
    public Questionnaire with(QuestionField field) {
        List<QuestionField> changed = new ArrayList<>(fields);
        changed.add(field);
        return new Questionnaire(changed);
    }

    /** This questionnaire with the field of a key replaced (its key may change, if still unique). */
    public Questionnaire replacing(String key, QuestionField field) {
        int at = indexOf(key);
        List<QuestionField> changed = new ArrayList<>(fields);
        changed.set(at, field);
        return new Questionnaire(changed);
    }

    /** This questionnaire without the field of a key. */
    public Questionnaire without(String key) {
        List<QuestionField> changed = new ArrayList<>(fields);
        changed.remove(indexOf(key));
        return new Questionnaire(changed);
    }

    /** This questionnaire with a field one place earlier ({@code -1}) or later ({@code +1}); unchanged at an end. */
    public Questionnaire moving(String key, int direction) {
        if (direction != -1 && direction != 1) {
            throw new IllegalArgumentException("direction is -1 or +1");
        }
        int at = indexOf(key);
        int to = at + direction;
        if (to < 0 || to >= fields.size()) {
            return this;
        }
        List<QuestionField> changed = new ArrayList<>(fields);
        changed.set(at, fields.get(to));
        changed.set(to, fields.get(at));
        return new Questionnaire(changed);
    }

    private int indexOf(String key) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new InvalidChannelInput("channel.field.unknown");
    }

    /**
     * Checks answers against the questions: required answers present, one value where one is
     * expected, texts within their length and free of control characters, options that exist,
     * dates that are dates, files within their number and size. Values of fields the
     * questionnaire does not have are ignored. Limits of the channel as a whole (uploads allowed,
     * total size) are checked by {@link Channel#checkAnswers}.
     */
    public AnswerCheck check(SubmittedAnswers answers) {
        Map<String, List<String>> accepted = new LinkedHashMap<>();
        Map<String, List<Problem>> problems = new LinkedHashMap<>();
        for (QuestionField field : fields) {
            List<Problem> found = new ArrayList<>();
            List<String> values = answers.valuesOf(field.key()).stream().filter(v -> !v.isBlank()).toList();
            if (field.type() == FieldType.FILE) {
                checkFiles(field, answers.filesOf(field.key()), found);
            } else if (values.isEmpty()) {
                if (field.required()) {
                    found.add(Problem.of("channel.answer.required"));
                }
            } else {
                checkValues(field, values, found);
                if (found.isEmpty()) {
                    accepted.put(field.key(), values);
                }
            }
            if (!found.isEmpty()) {
                problems.put(field.key(), found);
            }
        }
        return new AnswerCheck(accepted, problems);
    }

    private static void checkValues(QuestionField field, List<String> values, List<Problem> found) {
        if (field.type() != FieldType.MULTIPLE_CHOICE && values.size() > 1) {
            found.add(Problem.of("channel.answer.oneValueOnly"));
            return;
        }
        switch (field.type()) {
            case SHORT_TEXT, LONG_TEXT -> {
                String text = values.get(0);
                if (text.length() > field.maxLength()) {
                    found.add(Problem.of("channel.answer.tooLong", field.maxLength(), text.length()));
                }
                if (Texts.hasControlCharacters(text, field.type() == FieldType.LONG_TEXT)) {
                    found.add(Problem.of(field.type() == FieldType.SHORT_TEXT
                            ? "channel.answer.singleLine" : "channel.answer.control"));
                }
            }
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                if (values.stream().anyMatch(v -> field.option(v).isEmpty())) {
                    found.add(Problem.of("channel.answer.unknownOption"));
                } else if (new HashSet<>(values).size() != values.size()) {
                    found.add(Problem.of("channel.answer.repeatedOption"));
                }
            }
            case DATE -> {
                try {
                    LocalDate.parse(values.get(0).strip());
                } catch (DateTimeParseException e) {
                    found.add(Problem.of("channel.answer.date.invalid"));
                }
            }
            case FILE -> throw new IllegalStateException("files are checked by size");
        }
    }

    private static void checkFiles(QuestionField field, List<Long> sizes, List<Problem> found) {
        if (sizes.isEmpty()) {
            if (field.required()) {
                found.add(Problem.of("channel.answer.file.required"));
            }
            return;
        }
        if (sizes.size() > field.maxFiles()) {
            found.add(Problem.of("channel.answer.files.tooMany", field.maxFiles()));
        }
        if (sizes.stream().anyMatch(size -> size > field.maxFileBytes())) {
            found.add(Problem.of("channel.answer.file.tooLarge", field.maxFileBytes() / UploadLimits.MIB));
        }
        if (sizes.stream().anyMatch(size -> size <= 0)) {
            found.add(Problem.of("channel.answer.file.empty"));
        }
    }
}
