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

    /** The keys a bundle's own file defines for a language (English is the base file). */
    private static Set<String> keys(String name, Locale language) {
        String file = name.replace('.', '/')
                + (language.equals(Locale.ENGLISH) ? "" : "_" + language.getLanguage()) + ".properties";
        try (var in = MessagesTest.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                return Set.of();
            }
            java.util.Properties properties = new java.util.Properties();
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            return new TreeSet<>(properties.stringPropertyNames());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
