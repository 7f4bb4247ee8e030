package org.candor.portal.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.candor.portal.platform.config.PortalConfig;
import org.candor.portal.platform.i18n.Languages;

/**
 * Resolves each request's language once, and remembers a language chosen with a language
 * link ({@code ?lang=de}) in a cookie, so switching works without JavaScript. Declared in
 * {@code web.xml}, before the gates, so that a redirect to the sign-in keeps the chosen language.
 */
public class LanguageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Inject
    PortalConfig config;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Locale> chosen = Languages.byCode(queryParameter(request.getQueryString(), Languages.PARAMETER));
        if (chosen.isPresent()) {
            Cookie cookie = new Cookie(Languages.COOKIE, chosen.get().getLanguage());
            cookie.setPath("/");
            cookie.setMaxAge(ONE_YEAR);
            Cookies.harden(cookie, config.https());
            response.addCookie(cookie);
        }
        request.setAttribute(Languages.ATTRIBUTE, chosen.orElseGet(() -> Languages.of(request)));
        chain.doFilter(request, response);
    }

    /**
     * A parameter of the query string only. {@code getParameter} would read a form's body,
     * which belongs to the resource (and, for uploads, must stream through encryption).
     */
    static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }
}
