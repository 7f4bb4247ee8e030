package org.candor.portal.channel;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.candor.portal.platform.i18n.Languages;

/**
 * One question of a channel's questionnaire: its stable key, its kind, its label and help text
 * in each portal language, whether an answer is required, and the constraints of its kind.
 *
 * <p>The key is what answers are filed under: it stays when labels change, and it names the
 * form field the intake renders. Constraints that do not belong to the kind are set to zero or
 * empty, so two fields that ask the same are equal. Every constructor call validates; a field
 * read back from the database passes the same checks.
 *
 * @param maxLength for text kinds, the most characters an answer may have; else 0
 * @param options for choice kinds, at least two options with distinct keys and labels; else empty
 * @param maxFiles for {@link FieldType#FILE}, the most files; else 0
 * @param maxFileBytes for {@link FieldType#FILE}, the largest file in bytes; else 0
 * @param category whether this is the channel's category: the one question whose answer, an
 *     option's key, is stored in clear on the case so that investigators can sort reports by it
 *     (docs/design.md property 1). Only a {@link FieldType#SINGLE_CHOICE} can be it, never a text;
 *     a questionnaire has at most one ({@link Questionnaire})
 */
public record QuestionField(String key, FieldType type, LocalizedText label, LocalizedText help, boolean required,
        int maxLength, List<ChoiceOption> options, int maxFiles, long maxFileBytes, boolean category) {

    public static final int MAX_LABEL = 300;
    public static final int MAX_HELP = 1000;
    public static final int MAX_SHORT_TEXT = 1000;
    public static final int MAX_LONG_TEXT = 100_000;
    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 30;
    public static final int MAX_FILES = UploadLimits.MAX_FILES;
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    public QuestionField {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidChannelInput("channel.field.key.invalid");
        }
        Objects.requireNonNull(type);
        Objects.requireNonNull(label);
        help = help == null ? LocalizedText.NONE : help;
        if (!label.has(Languages.fallback())) {
            throw new InvalidChannelInput("channel.field.label.missing", Languages.fallback());
        }
        if (type.isText()) {
            int most = type == FieldType.SHORT_TEXT ? MAX_SHORT_TEXT : MAX_LONG_TEXT;
            if (maxLength < 1 || maxLength > most) {
                throw new InvalidChannelInput("channel.field.maxLength.range", 1, most);
            }
        } else {
            maxLength = 0;
        }
        if (type.isChoice()) {
            options = List.copyOf(options == null ? List.of() : options);
            checkOptions(options);
        } else {
            options = List.of();
        }
        if (type == FieldType.FILE) {
            if (maxFiles < 1 || maxFiles > MAX_FILES) {
                throw new InvalidChannelInput("channel.field.maxFiles.range", 1, MAX_FILES);
            }
            if (maxFileBytes < UploadLimits.MIN_FILE_BYTES || maxFileBytes > UploadLimits.MAX_FILE_BYTES) {
                throw new InvalidChannelInput("channel.field.maxFileSize.range",
                        UploadLimits.MIN_FILE_BYTES / UploadLimits.MIB, UploadLimits.MAX_FILE_BYTES / UploadLimits.MIB);
            }
        } else {
            maxFiles = 0;
            maxFileBytes = 0;
        }
        if (category && type != FieldType.SINGLE_CHOICE) {
            throw new InvalidChannelInput("channel.field.category.singleChoiceOnly");
        }
    }

    /** A question that is not the channel's category. */
    public QuestionField(String key, FieldType type, LocalizedText label, LocalizedText help, boolean required,
            int maxLength, List<ChoiceOption> options, int maxFiles, long maxFileBytes) {
        this(key, type, label, help, required, maxLength, options, maxFiles, maxFileBytes, false);
    }

    /** This question marked as the channel's category, or not; refused unless it is a single choice. */
    public QuestionField asCategory(boolean isCategory) {
        return new QuestionField(key, type, label, help, required, maxLength, options, maxFiles, maxFileBytes,
                isCategory);
    }

    private static void checkOptions(List<ChoiceOption> options) {
        if (options.size() < MIN_OPTIONS) {
            throw new InvalidChannelInput("channel.field.options.tooFew", MIN_OPTIONS);
        }
        if (options.size() > MAX_OPTIONS) {
            throw new InvalidChannelInput("channel.field.options.tooMany", MAX_OPTIONS);
        }
        Set<String> keys = new HashSet<>();
        for (ChoiceOption option : options) {
            if (!keys.add(option.key())) {
                throw new InvalidChannelInput("channel.field.options.duplicateKey", option.key());
            }
        }
        for (Locale language : Languages.supported()) {
            Set<String> labels = new HashSet<>();
            for (ChoiceOption option : options) {
                String text = option.label().exactly(language);
                if (text.isEmpty()) {
                    if (language.equals(Languages.fallback())) {
                        throw new InvalidChannelInput("channel.option.label.missing", language);
                    }
                    continue;
                }
                if (!labels.add(text.toLowerCase(language))) {
                    throw new InvalidChannelInput("channel.field.options.duplicateLabel", text, language);
                }
            }
        }
    }

    /** Whether a text of this question (label, help, an option's label) is missing in a language. */
    public boolean untranslatedIn(Locale language) {
        return help.missingIn().contains(language) || label.missingIn().contains(language)
                || options.stream().anyMatch(option -> option.label().missingIn().contains(language));
    }

    public static QuestionField text(String key, FieldType type, LocalizedText label, LocalizedText help,
            boolean required, int maxLength) {
        return new QuestionField(key, type, label, help, required, maxLength, List.of(), 0, 0);
    }

    public static QuestionField choice(String key, FieldType type, LocalizedText label, LocalizedText help,
            boolean required, List<ChoiceOption> options) {
        return new QuestionField(key, type, label, help, required, 0, options, 0, 0);
    }

    public static QuestionField date(String key, LocalizedText label, LocalizedText help, boolean required) {
        return new QuestionField(key, FieldType.DATE, label, help, required, 0, List.of(), 0, 0);
    }

    public static QuestionField file(String key, LocalizedText label, LocalizedText help, boolean required,
            int maxFiles, long maxFileBytes) {
        return new QuestionField(key, FieldType.FILE, label, help, required, 0, List.of(), maxFiles, maxFileBytes);
    }

    /** The label to show in a language (English when that language has none). */
    public String labelIn(Locale language) {
        return label.in(language);
    }

    /** The help text to show in a language; empty when there is none. */
    public String helpIn(Locale language) {
        return help.in(language);
    }

    /** The option with a key, if this field has it. */
    public Optional<ChoiceOption> option(String optionKey) {
        return options.stream().filter(o -> o.key().equals(optionKey)).findFirst();
    }
}
