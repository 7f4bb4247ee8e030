package org.candor.portal.platform.i18n;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The portal's user-facing text, from the resource bundles listed in {@link #BUNDLES} (English
 * in each base file, one file per other language). A feature keeps its words in its own bundle;
 * keys are unique across bundles.
 *
 * <p>There is no fallback to the JVM's default locale: a missing translation shows the
 * English text, never a language the person did not choose.
 */
public final class Messages {

    /** The bundles, searched in this order: shared words first, then each feature's. */
    public static final List<String> BUNDLES = List.of(
            "i18n.messages", "i18n.staff", "i18n.admin", "i18n.oversight", "i18n.desk", "i18n.intake", "i18n.contact",
            "i18n.search", "i18n.governance");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** The bundles of a language that exist, in search order. */
    public static List<ResourceBundle> bundles(Locale locale) {
        List<ResourceBundle> found = new ArrayList<>();
        for (String name : BUNDLES) {
            try {
                found.add(ResourceBundle.getBundle(name, locale, Messages.class.getClassLoader(), NO_FALLBACK));
            } catch (MissingResourceException absent) {
                // a feature without words of its own
            }
        }
        return found;
    }

    /**
     * The bundle files a language lacks, such as {@code i18n/messages_fr.properties}; none for
     * English, whose texts are the base files.
     */
    public static List<String> missingFiles(Locale language) {
        if (language.equals(Locale.ENGLISH)) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        for (String name : BUNDLES) {
            String file = name.replace('.', '/') + "_" + language.getLanguage() + ".properties";
            if (Messages.class.getClassLoader().getResource(file) == null) {
                missing.add(file);
            }
        }
        return missing;
    }

    /**
     * The text for a key, with {@link MessageFormat} arguments filled in; the key itself if absent.
     * A {@link LocalDate} among the arguments is written as a long date of the language ("7
     * December 2026", "7. Dezember 2026"), so that every page and the browser path write a day
     * the same way.
     */
    public static String get(Locale locale, String key, Object... arguments) {
        for (ResourceBundle bundle : bundles(locale)) {
            if (bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(written(arguments, locale));
            }
        }
        return key;
    }

    /** A day as the pages write it: a long date in the reader's language. */
    public static String day(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
    }

    private static Object[] written(Object[] arguments, Locale locale) {
        Object[] written = arguments.clone();
        for (int i = 0; i < written.length; i++) {
            if (written[i] instanceof LocalDate day) {
                written[i] = day(day, locale);
            }
        }
        return written;
    }
}
