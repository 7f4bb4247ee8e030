package org.candor.portal.platform.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTest {

    /** Every language of the portal's configuration file, whether or not its files are there yet. */
    private static final List<Locale> CONFIGURED = Languages.parse(Languages.defaultSetting());

    /**
     * For every configured language and every bundle: the file is there, has every key of the English
     * file with the same placeholders, and no key the English file lacks. All problems are listed at once.
     */
    @Test
    void everyConfiguredLanguageHasEveryTextOfEveryBundleWithItsPlaceholders() {
        List<String> problems = new ArrayList<>();
        for (Locale language : CONFIGURED) {
            for (String name : Messages.BUNDLES) {
                Properties english = texts(name, Locale.ENGLISH);
                Properties translated = texts(name, language);
                String file = file(name, language);
                if (translated == null) {
                    problems.add(file + " is missing");
                    continue;
                }
                Set<String> missing = new TreeSet<>(english.stringPropertyNames());
                missing.removeAll(translated.stringPropertyNames());
                Set<String> extra = new TreeSet<>(translated.stringPropertyNames());
                extra.removeAll(english.stringPropertyNames());
                if (!missing.isEmpty()) {
                    problems.add(file + " lacks " + missing);
                }
                if (!extra.isEmpty()) {
                    problems.add(file + " has keys the English file lacks: " + extra);
                }
                for (String key : translated.stringPropertyNames()) {
                    String text = translated.getProperty(key);
                    if (english.containsKey(key)
                            && !placeholders(english.getProperty(key)).equals(placeholders(text))) {
                        problems.add(file + ": " + key + " has " + placeholders(text) + " where English has "
                                + placeholders(english.getProperty(key)) + ": " + text);
                    }
                    if (text.matches(".*\\{\\d.*") && text.replace("''", "").contains("'")) {
                        problems.add(file + ": " + key + " has arguments, so an apostrophe must be written '' (or \u2019): " + text);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    @Test
    void noKeyIsDefinedInTwoBundles() {
        Set<String> seen = new TreeSet<>();
        for (String name : Messages.BUNDLES) {
            for (String key : texts(name, Locale.ENGLISH).stringPropertyNames()) {
                assertTrue(seen.add(key), key + " is defined twice (again in " + name + ")");
            }
        }
    }

    @Test
    void textsAreInTheirLanguageAndArgumentsAreFilledIn() {
        assertEquals("Missstände melden", Messages.get(Locale.GERMAN, "landing.title"));
        assertTrue(Messages.get(Locale.ENGLISH, "error.incident", "ab12").contains("incident ab12"));
        assertEquals("no.such.key", Messages.get(Locale.GERMAN, "no.such.key"));
        assertFalse(Messages.get(Locale.FRENCH, "landing.title").equals(Messages.get(Locale.ENGLISH, "landing.title")),
                "French has its own title");
    }

    @Test
    void anUnsupportedLanguageFallsBackToEnglishNotToTheServersLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMAN);
        try {
            assertEquals("Report wrongdoing", Messages.get(Locale.forLanguageTag("sv"), "landing.title"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void acceptLanguagePicksTheBestSupportedLanguage() {
        assertEquals(Locale.GERMAN, Languages.fromAcceptLanguage("de-AT,de;q=0.9,en;q=0.8"));
        assertEquals(Locale.FRENCH, Languages.fromAcceptLanguage("fr-FR,fr;q=0.9,de;q=0.5"));
        assertEquals(Locale.GERMAN, Languages.fromAcceptLanguage("sv-SE,sv;q=0.9,de;q=0.5"));
        assertEquals(Locale.ENGLISH, Languages.fromAcceptLanguage("sv"));
        assertEquals(Locale.ENGLISH, Languages.fromAcceptLanguage(null));
        assertEquals(Locale.ENGLISH, Languages.fromAcceptLanguage(";;;q=x,,"));
    }

    @Test
    void aConfiguredLanguageWithoutItsTextsIsLeftOutWithALogLineNamingTheMissingFiles() {
        List<String> logged = new ArrayList<>();
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(Languages.class.getName());
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        try {
            assertEquals(List.of(Locale.ENGLISH, Locale.FRENCH), Languages.usable(" en, FR ,xx,, fr"));
        } finally {
            log.removeHandler(handler);
        }
        assertEquals(1, logged.size(), logged.toString());
        assertTrue(logged.get(0).startsWith("WARNING Candor leaves out the language xx named in candor.languages"),
                logged.get(0));
        assertTrue(logged.get(0).contains("i18n/messages_xx.properties, i18n/staff_xx.properties"), logged.get(0));
    }

    @Test
    void thePortalSpeaksTheLanguagesOfItsConfigurationFileWhoseTextsAreThere() {
        assertEquals(Locale.ENGLISH, Languages.supported().getFirst());
        assertTrue(Languages.supported().containsAll(List.of(Locale.GERMAN, Locale.FRENCH, Locale.of("es"),
                Locale.ITALIAN, Locale.of("nl"))), Languages.supported().toString());
        assertTrue(CONFIGURED.containsAll(Languages.supported()));
    }

    @Test
    void aSettingThatIsNoLanguageListStopsTheStart() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Languages.parse("de,en")).getMessage()
                .contains("must begin with en"));
        assertThrows(IllegalArgumentException.class, () -> Languages.parse(""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Languages.parse("en,fr_FR")).getMessage()
                .contains("fr_fr"));
    }

    @Test
    void languagesAreNamedInTheirOwnLanguageAndArabicIsWrittenRightToLeft() {
        List<String> names = Languages.parse("en,de,fr,es,it,nl,pl,pt,uk,ar").stream().map(Languages::ownName).toList();
        assertEquals(List.of("English", "Deutsch", "Français", "Español", "Italiano", "Nederlands", "Polski",
                "Português", "Українська", "العربية"), names);
        assertTrue(Languages.isRightToLeft(Locale.of("ar")));
        assertTrue(Languages.isRightToLeft(Locale.of("he")));
        assertFalse(Languages.isRightToLeft(Locale.GERMAN));
        assertFalse(Languages.isRightToLeft(Locale.of("uk")));
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\\d+(?:,\\s*[a-z]+)?|\\b(?:COUNT|CODE|DATE)\\b").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        found.sort(null);
        return found;
    }

    private static String file(String name, Locale language) {
        return name.replace('.', '/') + (language.equals(Locale.ENGLISH) ? "" : "_" + language.getLanguage())
                + ".properties";
    }

    /** The texts a bundle's own file defines for a language (English is the base file); null without a file. */
    private static Properties texts(String name, Locale language) {
        Properties properties = new Properties();
        try (var in = MessagesTest.class.getClassLoader().getResourceAsStream(file(name, language))) {
            if (in == null) {
                return null;
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
