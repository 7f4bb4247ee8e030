package org.candor.portal.platform.i18n;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The languages the portal speaks, and which one a request gets: the one chosen with the
 * language link (remembered in a cookie), else the best match of the browser's
 * Accept-Language, else English.
 *
 * <p>The languages come from the setting {@code candor.languages}, English first: English is the
 * base text of every bundle and what is shown where a translation is missing. Adding a language is
 * a set of bundle files and its code in that setting; its own name and its writing direction come
 * from the JDK's locale data. A configured language without its bundle files is left out, with one
 * log line naming the missing files, so that the portal never offers a language it cannot speak.
 */
public final class Languages {

    /** The setting that lists the portal's languages. */
    public static final String SETTING = "candor.languages";
    /** The query parameter of the language links. */
    public static final String PARAMETER = "lang";
    /** The cookie that remembers a chosen language. */
    public static final String COOKIE = "candor_lang";
    /** The request attribute holding the resolved language. */
    public static final String ATTRIBUTE = Languages.class.getName();

    private static final Logger LOG = Logger.getLogger(Languages.class.getName());
    private static final String CONFIGURATION_FILE = "META-INF/microprofile-config.properties";
    private static volatile List<Locale> supported = usable(defaultSetting());
    /** Each supported language's own name by its code, in order: worked out once, not for every page. */
    private static volatile Map<String, String> ownNames = ownNames(supported);

    private Languages() {
    }

    /**
     * The value of {@link #SETTING} in the portal's own configuration file, the one place the default
     * list is written: what the portal speaks before its configuration is read, and in tests.
     */
    public static String defaultSetting() {
        Properties file = new Properties();
        try (InputStream in = Languages.class.getClassLoader().getResourceAsStream(CONFIGURATION_FILE)) {
            if (in != null) {
                file.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return file.getProperty(SETTING, Locale.ENGLISH.getLanguage());
    }

    /** The portal's languages, English first. */
    public static List<Locale> supported() {
        return supported;
    }

    /** Takes the languages of {@link #SETTING}; see {@link #usable} for what is refused. */
    public static void configure(String setting) {
        List<Locale> languages = usable(setting);
        ownNames = ownNames(languages);
        supported = languages;
    }

    /** The supported languages' own names by code, in the order of {@link #supported()} (for the language links). */
    public static Map<String, String> ownNames() {
        return ownNames;
    }

    private static Map<String, String> ownNames(List<Locale> languages) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Locale language : languages) {
            names.put(language.getLanguage(), ownName(language));
        }
        return java.util.Collections.unmodifiableMap(names);
    }

    /**
     * The languages of a setting that the portal can speak. A language without its bundle files is
     * left out with a warning naming them.
     *
     * @throws IllegalArgumentException if the setting names no language, a code that is not one, or
     *     does not begin with {@code en}
     */
    public static List<Locale> usable(String setting) {
        List<Locale> usable = new ArrayList<>();
        for (Locale language : parse(setting)) {
            List<String> missing = Messages.missingFiles(language);
            if (missing.isEmpty()) {
                usable.add(language);
            } else {
                LOG.warning(() -> "Candor leaves out the language " + language.getLanguage() + " named in " + SETTING
                        + ": its texts are missing (" + String.join(", ", missing) + ")");
            }
        }
        return List.copyOf(usable);
    }

    /** The language codes of a setting, in order, without checking their bundles. */
    public static List<Locale> parse(String setting) {
        Set<Locale> languages = new LinkedHashSet<>();
        for (String code : (setting == null ? "" : setting).split(",")) {
            String typed = code.strip().toLowerCase(Locale.ROOT);
            if (typed.isEmpty()) {
                continue;
            }
            if (!typed.matches("[a-z]{2,3}")) {
                throw new IllegalArgumentException(SETTING + " holds \"" + typed
                        + "\", which is not a language code (two or three letters, such as fr)");
            }
            languages.add(Locale.of(typed));
        }
        if (languages.isEmpty() || !languages.iterator().next().equals(Locale.ENGLISH)) {
            throw new IllegalArgumentException(SETTING + " must begin with en, the language every text falls back to"
                    + " (it is \"" + (setting == null ? "" : setting.strip()) + "\")");
        }
        return List.copyOf(languages);
    }

    /** The language every text falls back to: English. */
    public static Locale fallback() {
        return Locale.ENGLISH;
    }

    /** A language's name in that language, as a person who reads it would look for it ("Français"). */
    public static String ownName(Locale language) {
        String name = language.getDisplayLanguage(language);
        if (name.isEmpty()) {
            return language.getLanguage();
        }
        int first = name.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
                .append(name.substring(Character.charCount(first))).toString();
    }

    /** Whether a language is written from right to left, judged by the script of its own name. */
    public static boolean isRightToLeft(Locale language) {
        String name = language.getDisplayLanguage(language);
        if (name.isEmpty()) {
            return false;
        }
        byte direction = Character.getDirectionality(name.codePointAt(0));
        return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }

    /** A supported language by its code (such as {@code de}), if it is one. */
    public static Optional<Locale> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return supported.stream().filter(l -> l.getLanguage().equals(code)).findFirst();
    }

    /** The language of a request; see the class comment for the order of preference. */
    public static Locale of(HttpServletRequest request) {
        Object resolved = request.getAttribute(ATTRIBUTE);
        if (resolved instanceof Locale locale) {
            return locale;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    Optional<Locale> chosen = byCode(cookie.getValue());
                    if (chosen.isPresent()) {
                        return chosen.get();
                    }
                }
            }
        }
        return fromAcceptLanguage(request.getHeader("Accept-Language"));
    }

    /** The best supported match of an Accept-Language header; English when nothing matches. */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(header), supported);
            return match == null ? Locale.ENGLISH : match;
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }
}
