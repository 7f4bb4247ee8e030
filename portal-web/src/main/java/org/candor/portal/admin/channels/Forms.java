package org.candor.portal.admin.channels;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.candor.portal.channel.InvalidChannelInput;
import org.candor.portal.channel.Problem;
import org.candor.portal.platform.i18n.Languages;

/** Reading plain HTML form values: absent is empty, numbers are whole and named in the message. */
final class Forms {

    /** Longest value of a number field: more digits than this are absurd, not a limit. */
    private static final int MAX_DIGITS = 9;

    private Forms() {
    }

    static String value(MultivaluedMap<String, String> form, String name) {
        String value = form == null ? null : form.getFirst(name);
        return value == null ? "" : value;
    }

    static boolean checked(MultivaluedMap<String, String> form, String name) {
        return !value(form, name).isEmpty();
    }

    /** The values of {@code <prefix>_<language>} for each portal language, keyed by language code. */
    static Map<String, String> perLanguage(MultivaluedMap<String, String> form, String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Locale language : Languages.supported()) {
            values.put(language.getLanguage(), value(form, prefix + "_" + language.getLanguage()));
        }
        return values;
    }

    static Map<Locale, String> byLocale(Map<String, String> byCode) {
        Map<Locale, String> values = new LinkedHashMap<>();
        for (Locale language : Languages.supported()) {
            values.put(language, byCode.getOrDefault(language.getLanguage(), ""));
        }
        return values;
    }

    /**
     * A whole number typed into a form; the problem names the field by its label's message key.
     */
    static long number(String typed, String labelKey) {
        String digits = typed == null ? "" : typed.strip();
        if (!digits.matches("-?[0-9]{1," + MAX_DIGITS + "}")) {
            throw new InvalidChannelInput("channel.number.invalid", Problem.of(labelKey));
        }
        return Long.parseLong(digits);
    }

    static int wholeNumber(String typed, String labelKey) {
        return (int) number(typed, labelKey);
    }
}
