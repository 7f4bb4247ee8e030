package org.candor.portal.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import org.candor.portal.platform.config.PortalConfig;

/**
 * Makes every redirect point at the portal's configured address ({@code candor.public-url}),
 * never at whatever the request's Host header named: otherwise anyone who can put a Host header
 * in front of a person (a poisoned cache, a misrouted proxy) chooses where the portal sends them
 * next (docs/design.md property 12). Declared first in web.xml, so that it wraps the response for every
 * later filter and for the JAX-RS resources, which all build their redirects from the request.
 */
public class PublicRedirects extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    PortalConfig config;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        URI publicUrl = config.publicUrl();
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws IOException {
                super.sendRedirect(rewrite(location, request, publicUrl));
            }

            @Override
            public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
                super.sendRedirect(rewrite(location, request, publicUrl), sc, clearBuffer);
            }

            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, "Location".equalsIgnoreCase(name) ? rewrite(value, request, publicUrl) : value);
            }

            @Override
            public void addHeader(String name, String value) {
                super.addHeader(name, "Location".equalsIgnoreCase(name) ? rewrite(value, request, publicUrl) : value);
            }
        });
    }

    /**
     * A redirect target on the portal's public address: a path is put under it, and an absolute
     * URL that names the host the request named is moved to it; any other URL is kept.
     */
    static String rewrite(String location, HttpServletRequest request, URI publicUrl) {
        if (location == null) {
            return null;
        }
        URI target;
        try {
            target = URI.create(location);
        } catch (IllegalArgumentException malformed) {
            return location;
        }
        String origin = publicUrl.getScheme() + "://" + publicUrl.getRawAuthority();
        if (!target.isAbsolute()) {
            if (location.startsWith("//")) {
                return origin + "/";
            }
            String path = location.startsWith("/") ? location : "/" + location;
            return origin + path;
        }
        boolean requestsOwnHost = target.getHost() != null && target.getHost().equalsIgnoreCase(request.getServerName());
        if (!requestsOwnHost) {
            return location;
        }
        StringBuilder rewritten = new StringBuilder(origin).append(target.getRawPath() == null || target.getRawPath().isEmpty()
                ? "/" : target.getRawPath());
        if (target.getRawQuery() != null) {
            rewritten.append('?').append(target.getRawQuery());
        }
        if (target.getRawFragment() != null) {
            rewritten.append('#').append(target.getRawFragment());
        }
        return rewritten.toString();
    }
}
