package org.candor.portal.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.candor.portal.platform.config.PortalConfig;
import org.candor.portal.platform.config.PortalRole;

/**
 * Answers "not found" for every path of a role this instance does not serve, so that an
 * internet-facing intake host shows no trace of the desk, oversight or admin pages. Declared in
 * {@code web.xml} after the redirect, header and language filters, before the staff gate: a desk
 * path on an intake host is answered 404 at once, not sent to a sign-in page that is not there.
 */
public class RoleGate extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    PortalConfig config;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = normalisedPath(request);
        if (!path.startsWith("/static/") && !serves(path)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The path as the container will route it: decoded and normalised ({@code /%64esk} is
     * {@code /desk}, dot segments resolved), never the raw request URI, so that a gate and the
     * router never disagree about which area a request is for.
     */
    public static String normalisedPath(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        String path = servletPath + pathInfo;
        return path.isEmpty() ? "/" : path;
    }

    private boolean serves(String path) {
        if (PortalRole.isStaffPath(path)) {
            return config.serves(PortalRole.DESK) || config.serves(PortalRole.OVERSIGHT) || config.serves(PortalRole.ADMIN);
        }
        return config.serves(PortalRole.owning(path));
    }
}
