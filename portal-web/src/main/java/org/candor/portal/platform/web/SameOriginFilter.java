package org.candor.portal.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.candor.portal.platform.config.PortalConfig;

/**
 * Refuses state-changing requests sent by another site (cross-site request forgery), beside
 * the SameSite=Strict session cookie:
 * a browser's Origin header must name this portal exactly as configured ({@code candor.public-url}:
 * scheme, host and port), never as the request's own Host header says. "Origin: null" (what browsers
 * send under this portal's no-referrer policy) counts only with "Sec-Fetch-Site: same-origin".
 * A request that names no origin at all (no Origin, no Sec-Fetch-Site) is let through only when
 * it carries no session: clients such as command-line tools are not browsers and carry no ambient
 * cookie to abuse, while a session cookie without any origin is what a forged request looks like
 * to a portal (docs/design.md property 12). Declared in {@code web.xml}, before the session token
 * check and the staff gate.
 */
public class SameOriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    PortalConfig config;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!SAFE.contains(request.getMethod()) && crossSite(request.getHeader("Origin"),
                request.getHeader("Sec-Fetch-Site"), request.getHeader("Referer"),
                request.getRequestedSessionId() != null, config.publicUrl())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether a state-changing request may come from another site, judged from its headers. */
    static boolean crossSite(String origin, String fetchSite, String referer, boolean withSession, URI publicUrl) {
        if (origin != null && !origin.equals("null")) {
            return !sameOrigin(origin, publicUrl);
        }
        if (fetchSite != null) {
            return !fetchSite.equals("same-origin");
        }
        if (origin != null) {
            return true; // "null" without Sec-Fetch-Site: a sandboxed frame, a data: URL, or a redirect from elsewhere
        }
        if (referer != null) {
            return !sameOrigin(referer, publicUrl);
        }
        return withSession;
    }

    /** Whether a URL has the scheme, host and port of the portal's public URL. */
    static boolean sameOrigin(String url, URI publicUrl) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() != null && uri.getHost() != null
                    && publicUrl.getScheme().equalsIgnoreCase(uri.getScheme())
                    && publicUrl.getHost().equalsIgnoreCase(uri.getHost())
                    && effectivePort(publicUrl) == effectivePort(uri);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
