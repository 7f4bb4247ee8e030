package org.candor.portal.admin.channels;

import jakarta.ws.rs.core.MultivaluedMap;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.candor.portal.channel.ChoiceOption;
import org.candor.portal.channel.FieldType;
import org.candor.portal.channel.InvalidChannelInput;
import org.candor.portal.channel.LocalizedText;
import org.candor.portal.channel.QuestionField;
import org.candor.portal.channel.UploadLimits;
import org.candor.portal.platform.i18n.Languages;

/**
 * One question as typed into the question form. Without JavaScript a form cannot grow rows,
 * so choice options come as a fixed number of rows ({@code option_key_<i>},
 * {@code option_<lang>_<i>}); blank rows are ignored, and after saving the form offers empty
 * rows again. An option without a key gets one made from its English label.
 */
public record FieldForm(String type, String key, Map<String, String> labels, Map<String, String> helps,
        boolean required, String maxLength, List<OptionRow> options, String maxFiles, String maxFileMib,
        boolean category) {

    /** Empty option rows the form offers beyond those filled in. */
    static final int SPARE_ROWS = 3;

    /** One option row as typed. */
    public record OptionRow(String key, Map<String, String> labels) {
        public String label(String language) {
            return labels.getOrDefault(language, "");
        }

        boolean isBlank() {
            return key.isBlank() && labels.values().stream().allMatch(String::isBlank);
        }
    }

    public FieldForm {
        List<OptionRow> rows = new ArrayList<>(options.stream().filter(r -> !r.isBlank()).toList());
        int wanted = Math.min(QuestionField.MAX_OPTIONS, Math.max(rows.size() + SPARE_ROWS, 4));
        while (rows.size() < wanted) {
            rows.add(new OptionRow("", Map.of()));
        }
        options = List.copyOf(rows);
    }

    /** A blank form for a new question of a type. */
    static FieldForm blank(FieldType type) {
        String maxLength = type == FieldType.LONG_TEXT ? "10000" : type == FieldType.SHORT_TEXT ? "200" : "";
        return new FieldForm(type.name(), "", Map.of(), Map.of(), false, maxLength, List.of(),
                type == FieldType.FILE ? "5" : "", type == FieldType.FILE ? "20" : "", false);
    }

    static FieldForm of(QuestionField field) {
        List<OptionRow> rows = field.options().stream()
                .map(o -> new OptionRow(o.key(), codes(o.label())))
                .toList();
        return new FieldForm(field.type().name(), field.key(), codes(field.label()), codes(field.help()),
                field.required(), field.type().isText() ? String.valueOf(field.maxLength()) : "", rows,
                field.type() == FieldType.FILE ? String.valueOf(field.maxFiles()) : "",
                field.type() == FieldType.FILE ? String.valueOf(field.maxFileBytes() / UploadLimits.MIB) : "",
                field.category());
    }

    static FieldForm from(String type, MultivaluedMap<String, String> form) {
        List<OptionRow> rows = new ArrayList<>();
        for (int i = 0; i < QuestionField.MAX_OPTIONS + SPARE_ROWS; i++) {
            if (!form.containsKey("option_key_" + i) && !form.containsKey("option_en_" + i)) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            for (Locale language : Languages.supported()) {
                labels.put(language.getLanguage(), Forms.value(form, "option_" + language.getLanguage() + "_" + i));
            }
            rows.add(new OptionRow(Forms.value(form, "option_key_" + i).strip(), labels));
        }
        return new FieldForm(type, Forms.value(form, "key").strip(), Forms.perLanguage(form, "label"),
                Forms.perLanguage(form, "help"), Forms.checked(form, "required"), Forms.value(form, "maxLength"),
                rows, Forms.value(form, "maxFiles"), Forms.value(form, "maxFileMib"), Forms.checked(form, "category"));
    }

    public String label(String language) {
        return labels.getOrDefault(language, "");
    }

    public String help(String language) {
        return helps.getOrDefault(language, "");
    }

    public boolean isText() {
        return FieldType.parse(type).isText();
    }

    public boolean isChoice() {
        return FieldType.parse(type).isChoice();
    }

    /** Whether the question may be the channel's category: only a single choice, never a text. */
    public boolean canBeCategory() {
        return FieldType.parse(type) == FieldType.SINGLE_CHOICE;
    }

    public boolean isFile() {
        return FieldType.parse(type) == FieldType.FILE;
    }

    /** The question; refuses what the question's value objects refuse. */
    QuestionField field() {
        FieldType kind = FieldType.parse(type);
        LocalizedText label = LocalizedText.required(Forms.byLocale(labels), QuestionField.MAX_LABEL, "channel.field.label");
        LocalizedText help = LocalizedText.optional(Forms.byLocale(helps), QuestionField.MAX_HELP, "channel.field.help", true);
        return switch (kind) {
            case SHORT_TEXT, LONG_TEXT -> QuestionField.text(key, kind, label, help, required,
                    Forms.wholeNumber(maxLength, "channel.field.maxLength")).asCategory(category);
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> QuestionField.choice(key, kind, label, help, required, choiceOptions())
                    .asCategory(category);
            case DATE -> QuestionField.date(key, label, help, required).asCategory(category);
            case FILE -> QuestionField.file(key, label, help, required,
                    Forms.wholeNumber(maxFiles, "channel.field.maxFiles"),
                    Forms.number(maxFileMib, "channel.field.maxFileMib") * UploadLimits.MIB).asCategory(category);
        };
    }

    private List<ChoiceOption> choiceOptions() {
        List<ChoiceOption> chosen = new ArrayList<>();
        for (OptionRow row : options) {
            if (row.isBlank()) {
                continue;
            }
            LocalizedText label = LocalizedText.required(Forms.byLocale(row.labels()), ChoiceOption.MAX_LABEL,
                    "channel.option.label");
            String optionKey = row.key().isBlank() ? keyFrom(label.exactly(Locale.ENGLISH), chosen.size() + 1) : row.key();
            chosen.add(new ChoiceOption(optionKey, label));
        }
        if (chosen.size() > QuestionField.MAX_OPTIONS) {
            throw new InvalidChannelInput("channel.field.options.tooMany", QuestionField.MAX_OPTIONS);
        }
        return chosen;
    }

    /** An option key made from a label: lower-case ASCII letters, digits and dashes. */
    static String keyFrom(String label, int position) {
        String ascii = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (ascii.length() > 40) {
            ascii = ascii.substring(0, 40).replaceAll("-+$", "");
        }
        return ascii.isEmpty() ? "option-" + position : ascii;
    }

    private static Map<String, String> codes(LocalizedText text) {
        return new LinkedHashMap<>(text.byLanguage());
    }
}
