package org.candor.portal.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Answers a request whose body stalled past the listener's read timeout
 * ({@code CANDOR_READ_TIMEOUT_MILLIS}, deploy/src/main/payara/preboot.asadmin) with 400 and
 * closes its connection, instead of letting the container answer 500 and keep the connection
 * for more (DESIGN.md properties 10 and 12). Such a failure surfaces from wherever the body was
 * being read (a form parameter, a multipart part), so it is caught once here, around everything.
 * Declared in web.xml right after {@link PublicRedirects}.
 */
public class StalledBodies extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (Exception failure) {
            if (!ErrorMapper.causedBy(failure, TimeoutException.class) || response.isCommitted()) {
                throw failure;
            }
            response.reset();
            response.setHeader("Connection", "close");
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }
}
