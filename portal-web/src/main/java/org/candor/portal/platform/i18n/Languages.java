package org.candor.portal.platform.i18n;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the portal speaks, and which one a request gets: the one chosen with the
 * language link (remembered in a cookie), else the best match of the browser's
 * Accept-Language, else English.
 */
public final class Languages {

    /** The portal's languages, English first (the fallback). */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);
    /** The query parameter of the language links. */
    public static final String PARAMETER = "lang";
    /** The cookie that remembers a chosen language. */
    public static final String COOKIE = "candor_lang";
    /** The request attribute holding the resolved language. */
    public static final String ATTRIBUTE = Languages.class.getName();

    private Languages() {
    }

    /** A supported language by its code (such as {@code de}), if it is one. */
    public static Optional<Locale> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(code)).findFirst();
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
            Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return match == null ? Locale.ENGLISH : match;
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }
}
