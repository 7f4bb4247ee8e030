package org.candor.portal.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.i18n.Messages;

/**
 * Refuses every state-changing request of a session that does not send the session's
 * synchronizer token ({@link SessionTokens}), in addition to the same-origin check of
 * {@link SameOriginFilter}: one place for every staff and whistleblower form and every request of
 * the browser scripts, so that no new form can forget it. A refused request changes nothing: it
 * never reaches a resource, and is answered 403 with a page that says what to do (or JSON for a
 * script).
 *
 * <p>The token comes in the header {@value SessionTokens#HEADER}, or as a form field
 * {@value SessionTokens#FIELD} among the first {@value #PEEK} bytes of the body (the template
 * engine puts it first in every POST form, {@link FormTokenDialect}); the body is only peeked at
 * and handed on whole, so that streaming uploads stay streaming and no more than those bytes are
 * held.
 *
 * <p>Requests without a session need no token (there is no ambient authority to abuse; the
 * same-origin check still applies), nor do the doors into a session, which may be used with a
 * stale session cookie: staff sign-in, the reply-code sign-ins, and reports (which carry their own
 * form token, {@code intake.FormTokens}).
 *
 * <p>Declared in {@code web.xml}, after the same-origin check and before the staff gate.
 */
public class SessionTokenFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    /** How many bytes of a body are read to find the token. */
    static final int PEEK = 8192;

    /** The request attribute that tells the error page why the request was refused. */
    public static final String REFUSED = SessionTokenFilter.class.getName() + ".refused";

    private static final Pattern MULTIPART_TOKEN = Pattern.compile(
            "(?i)content-disposition:[ \\t]*form-data;[ \\t]*name=\"" + SessionTokens.FIELD
                    + "\"\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n([^\\r\\n]{0,200})\\r\\n");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE.contains(request.getMethod()) || exempt(RoleGate.normalisedPath(request))) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            chain.doFilter(request, response);
            return;
        }
        String header = request.getHeader(SessionTokens.HEADER);
        if (header != null) {
            if (matches(session, header)) {
                chain.doFilter(request, response);
            } else {
                refuse(request, response);
            }
            return;
        }
        BufferedInputStream body = new BufferedInputStream(request.getInputStream(), PEEK);
        byte[] start;
        try {
            body.mark(PEEK);
            start = body.readNBytes(PEEK);
            body.reset();
        } catch (IOException brokenOrStalled) {
            // The body broke off or stalled past the listener's read timeout: the client's fault.
            response.setHeader("Connection", "close");
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Optional<String> presented = fromBody(request.getContentType(), start);
        if (presented.isEmpty() || !matches(session, presented.get())) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new Replayed(request, body), response);
    }

    /** The doors into a session and the report forms: no session token asked. */
    static boolean exempt(String path) {
        return path.equals("/staff/sign-in") || path.equals("/contact") || path.equals("/contact/browser/sign-in")
                || path.startsWith("/report/");
    }

    private static boolean matches(HttpSession session, String presented) {
        try {
            return SessionTokens.matches(session, presented);
        } catch (IllegalStateException invalidated) {
            return false;
        }
    }

    /** The token field among the first bytes of a form body, if there. */
    static Optional<String> fromBody(String contentType, byte[] start) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String text = new String(start, StandardCharsets.ISO_8859_1);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            for (String field : text.split("&")) {
                int equals = field.indexOf('=');
                if (equals > 0 && field.substring(0, equals).equals(SessionTokens.FIELD)) {
                    try {
                        return Optional.of(URLDecoder.decode(field.substring(equals + 1), StandardCharsets.US_ASCII));
                    } catch (IllegalArgumentException malformed) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
        if (type.startsWith("multipart/form-data")) {
            Matcher m = MULTIPART_TOKEN.matcher(text);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }
        return Optional.empty();
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String accept = request.getHeader("Accept");
        if (request.getHeader(SessionTokens.HEADER) != null || accept != null && accept.contains("application/json")) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.setHeader("Connection", "close");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(jakarta.json.spi.JsonProvider.provider().createObjectBuilder()
                    .add("status", "refused").add("problem", "token")
                    .add("message", Messages.get(Languages.of(request), "error.token.text")).build().toString());
            return;
        }
        request.setAttribute(REFUSED, "token");
        response.setHeader("Connection", "close");
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    /** The request with its body whole again: the peeked bytes, then the rest. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final ServletInputStream in;

        Replayed(HttpServletRequest request, InputStream body) {
            super(request);
            this.in = new ServletInputStream() {
                private boolean finished;

                @Override
                public int read() throws IOException {
                    int b = body.read();
                    finished = b < 0;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = body.read(buffer, offset, length);
                    finished = n < 0;
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return finished;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("blocking reads only");
                }
            };
        }

        @Override
        public ServletInputStream getInputStream() {
            return in;
        }
    }
}
