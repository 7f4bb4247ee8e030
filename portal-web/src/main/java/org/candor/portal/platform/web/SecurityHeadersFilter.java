package org.candor.portal.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.candor.portal.platform.config.PortalConfig;

/**
 * Puts the portal's security headers on every response (docs/design.md property 6): a strict
 * Content-Security-Policy (no inline script, nothing from a third party, no framing), no
 * referrer, no MIME sniffing, and no caching of anything but the static files. Over https it
 * adds HSTS and, when the portal has an onion service, {@code Onion-Location}.
 *
 * <p>Declared in {@code web.xml} right after the redirect filter, for requests, error pages and
 * forwards alike.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The policy: everything from the portal itself only, no inline script or style. */
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'");

    @Inject
    PortalConfig config;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        if (isStatic(request)) {
            response.setHeader("Cache-Control", "public, max-age=3600");
        } else {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }
        if (config.https()) {
            response.setHeader("Strict-Transport-Security", "max-age=63072000");
            // Tor Browser offers the onion service only for pages reached over https.
            config.onionUrl().ifPresent(onion -> response.setHeader("Onion-Location", onion + onionPath(request)));
        }
        chain.doFilter(request, response);
    }

    /** The page's path and query, so that Tor Browser opens the same page on the onion service. */
    private static String onionPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }

    private static boolean isStatic(HttpServletRequest request) {
        return request.getDispatcherType() == DispatcherType.REQUEST
                && request.getRequestURI().startsWith(request.getContextPath() + "/static/");
    }
}
