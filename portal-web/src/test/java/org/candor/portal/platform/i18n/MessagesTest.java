package org.candor.portal.platform.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void everyLanguageHasEveryTextOfEveryBundle() {
        for (String name : Messages.BUNDLES) {
            Set<String> english = keys(name, Locale.ENGLISH);
            for (Locale language : Languages.SUPPORTED) {
                assertEquals(english, keys(name, language), name + " in " + language);
            }
        }
    }

    @Test
    void noKeyIsDefinedInTwoBundles() {
        Set<String> seen = new TreeSet<>();
        for (String name : Messages.BUNDLES) {
            for (String key : keys(name, Locale.ENGLISH)) {
                assertTrue(seen.add(key), key + " is defined twice (again in " + name + ")");
            }
        }
    }

    @Test
    void germanTextsAreGermanAndArgumentsAreFilledIn() {
        assertEquals("Missstände melden", Messages.get(Locale.GERMAN, "landing.title"));
        assertTrue(Messages.get(Locale.ENGLISH, "error.incident", "ab12").contains("incident ab12"));
        assertEquals("no.such.key", Messages.get(Locale.GERMAN, "no.such.key"));
    }

    @Test
    void anUnsupportedLanguageFallsBackToEnglishNotToTheServersLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMAN);
        try {
            assertEquals("Report wrongdoing", Messages.get(Locale.forLanguageTag("fr"), "landing.title"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void acceptLanguagePicksTheBestSupportedLanguage() {
        assertEquals(Locale.GERMAN, Languages.fromAcceptLanguage("de-AT,de;q=0.9,en;q=0.8"));
        assertEquals(Locale.GERMAN, Languages.fromAcceptLanguage("fr-FR,fr;q=0.9,de;q=0.5"));
        assertEquals(Locale.ENGLISH, Languages.fromAcceptLanguage("fr"));
        assertEquals(Locale.ENGLISH, Languages.fromAcceptLanguage(null));
        assertEquals(Locale.ENGLISH, Languages.fromAcceptLanguage(";;;q=x,,"));
    }

    /**
     * A translation fills in what the English text fills in: the same message arguments ({0}, {1} with
     * their kinds: number, date, choice) and the same words the page's scripts replace (COUNT, CODE, in capitals).
     */
    @Test
    void everyTranslationKeepsThePlaceholdersOfTheEnglishText() {
        for (String name : Messages.BUNDLES) {
            java.util.Properties english = texts(name, Locale.ENGLISH);
            for (Locale language : Languages.SUPPORTED) {
                java.util.Properties translated = texts(name, language);
                for (String key : translated.stringPropertyNames()) {
                    assertEquals(placeholders(english.getProperty(key, "")), placeholders(translated.getProperty(key)),
                            key + " in " + language + ": " + translated.getProperty(key));
                }
            }
        }
    }

    private static java.util.List<String> placeholders(String text) {
        java.util.List<String> found = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\d+(?:,\\s*[a-z]+)?|\\b(?:COUNT|CODE)\\b").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        found.sort(null);
        return found;
    }

    /** The keys a bundle's own file defines for a language (English is the base file). */
    private static Set<String> keys(String name, Locale language) {
        return new TreeSet<>(texts(name, language).stringPropertyNames());
    }

    /** The texts a bundle's own file defines for a language; none when it has no file. */
    private static java.util.Properties texts(String name, Locale language) {
        String file = name.replace('.', '/')
                + (language.equals(Locale.ENGLISH) ? "" : "_" + language.getLanguage()) + ".properties";
        java.util.Properties properties = new java.util.Properties();
        try (var in = MessagesTest.class.getClassLoader().getResourceAsStream(file)) {
            if (in != null) {
                properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            return properties;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
