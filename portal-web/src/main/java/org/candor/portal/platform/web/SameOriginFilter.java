package org.candor.portal.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.candor.portal.platform.config.PortalConfig;

/**
 * Refuses state-changing requests sent by another site (cross-site request forgery), beside
 * the SameSite=Strict session cookie: a browser's Origin header (or, where it sends none,
 * Sec-Fetch-Site) must name this portal. Clients that send neither, such as command-line
 * tools, are not browsers and carry no ambient cookie to abuse.
 */
@WebFilter(urlPatterns = "/*")
public class SameOriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    PortalConfig config;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!SAFE.contains(request.getMethod()) && crossSite(request, config.publicUrl())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether a request comes from another site. "Origin: null" is what browsers send under
     * this portal's no-referrer policy, so Sec-Fetch-Site decides then.
     */
    static boolean crossSite(HttpServletRequest request, URI publicUrl) {
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equals("null")) {
            try {
                URI uri = URI.create(origin);
                boolean sameAsRequest = request.getServerName().equalsIgnoreCase(uri.getHost())
                        && request.getServerPort() == effectivePort(uri);
                boolean sameAsPublic = publicUrl.getHost().equalsIgnoreCase(uri.getHost())
                        && effectivePort(publicUrl) == effectivePort(uri);
                return !sameAsRequest && !sameAsPublic;
            } catch (IllegalArgumentException | NullPointerException malformed) {
                return true;
            }
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        return fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none");
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
