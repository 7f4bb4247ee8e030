package org.candor.portal.channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.candor.portal.platform.i18n.Languages;

/**
 * A short text of a questionnaire (a label, a help text, an option's label) in the portal's
 * languages, keyed by language code. Only the portal's languages are kept; blank entries are
 * dropped. A required text must be there in English ({@link Languages#fallback()}); a missing
 * translation is shown in English ({@link #in}) and listed for the administrator
 * ({@link #missingIn}).
 */
public record LocalizedText(Map<String, String> byLanguage) {

    /** An empty text, for a help text nobody wrote. */
    public static final LocalizedText NONE = new LocalizedText(Map.of());

    public LocalizedText {
        Map<String, String> kept = new LinkedHashMap<>();
        for (Locale language : Languages.supported()) {
            String text = byLanguage.get(language.getLanguage());
            if (text != null && !text.isBlank()) {
                kept.put(language.getLanguage(), text.strip());
            }
        }
        byLanguage = Map.copyOf(kept);
    }

    /**
     * A text that must be there in English; translations may be missing.
     *
     * @param what the message-key stem, such as {@code channel.field.label}: problems are
     *     {@code <what>.missing}, {@code <what>.tooLong} and {@code <what>.control}
     */
    public static LocalizedText required(Map<Locale, String> texts, int maxLength, String what) {
        LocalizedText text = optional(texts, maxLength, what, false);
        if (!text.has(Languages.fallback())) {
            throw new InvalidChannelInput(what + ".missing", Languages.fallback());
        }
        return text;
    }

    /** A text that may be missing in some or all languages; lines are allowed if {@code multiLine}. */
    public static LocalizedText optional(Map<Locale, String> texts, int maxLength, String what, boolean multiLine) {
        Map<String, String> byCode = new LinkedHashMap<>();
        for (Locale language : Languages.supported()) {
            String text = texts.get(language);
            if (text == null || text.isBlank()) {
                continue;
            }
            text = text.strip();
            if (text.length() > maxLength) {
                throw new InvalidChannelInput(what + ".tooLong", language, maxLength);
            }
            if (Texts.hasControlCharacters(text, multiLine)) {
                throw new InvalidChannelInput(what + ".control", language);
            }
            byCode.put(language.getLanguage(), text);
        }
        return new LocalizedText(byCode);
    }

    /** The text in a language, else in English, else in any language it has, else empty. */
    public String in(Locale language) {
        String text = byLanguage.get(language.getLanguage());
        if (text == null) {
            text = byLanguage.get(Locale.ENGLISH.getLanguage());
        }
        if (text == null) {
            text = byLanguage.values().stream().findFirst().orElse("");
        }
        return text;
    }

    /** The text in exactly this language, empty if it has none (for forms). */
    public String exactly(Locale language) {
        return byLanguage.getOrDefault(language.getLanguage(), "");
    }

    /** Whether the text is there in exactly this language. */
    public boolean has(Locale language) {
        return byLanguage.containsKey(language.getLanguage());
    }

    /** The portal's languages this text lacks, if it has any text at all (an empty help text lacks none). */
    public List<Locale> missingIn() {
        if (byLanguage.isEmpty()) {
            return List.of();
        }
        return Languages.supported().stream().filter(language -> !has(language)).toList();
    }

    public boolean isEmpty() {
        return byLanguage.isEmpty();
    }
}
