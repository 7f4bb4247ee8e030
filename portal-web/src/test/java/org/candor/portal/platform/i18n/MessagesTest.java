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
    void everyLanguageHasEveryText() {
        Set<String> english = keys(Locale.ENGLISH);
        for (Locale language : Languages.SUPPORTED) {
            assertEquals(english, keys(language), "texts of " + language);
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

    private static Set<String> keys(Locale language) {
        ResourceBundle bundle = Messages.bundle(language);
        Set<String> own = new TreeSet<>(bundle.keySet());
        return own;
    }
}
