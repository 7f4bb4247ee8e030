package org.candor.portal.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The synchronizer token of an HTTP session: 256 random bits kept in the session, created the
 * first time a page or answer of the session needs it. Every state-changing request of a session
 * must send it back ({@link SessionTokenFilter}), as the form field {@value #FIELD} or the header
 * {@value #HEADER}; another site can make a browser send the session cookie but cannot read the
 * token out of a page of this portal (docs/threat-model.md, "Forged requests").
 *
 * <p>The token belongs to the session, not to its id: it survives the id change at each step up
 * in trust, and ends with the session.
 */
public final class SessionTokens {

    /** The form field that carries the token: the first field of every POST form of a session. */
    public static final String FIELD = "_token";

    /** The header that carries the token for the browser scripts' requests. */
    public static final String HEADER = "X-Candor-Token";

    static final String ATTRIBUTE = SessionTokens.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionTokens() {
    }

    /** The token of the request's session, created if the session has none yet; empty without a session. */
    public static Optional<String> of(HttpServletRequest request) {
        try {
            HttpSession session = request.getSession(false);
            return session == null ? Optional.empty() : Optional.of(of(session));
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }

    /** The session's token, created if it has none yet. */
    public static String of(HttpSession session) {
        synchronized (session) {
            if (session.getAttribute(ATTRIBUTE) instanceof String token) {
                return token;
            }
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            session.setAttribute(ATTRIBUTE, token);
            return token;
        }
    }

    /**
     * Whether a presented token is the session's, compared in constant time. A session that never
     * handed out a token accepts none.
     */
    public static boolean matches(HttpSession session, String presented) {
        Object expected = session.getAttribute(ATTRIBUTE);
        return expected instanceof String token && presented != null && equal(token, presented);
    }

    static boolean equal(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }
}
