package org.candor.portal.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.UUID;
import org.candor.crypto.LockSecret;

/**
 * Starts and ends whistleblower sessions. A sign-in always gets a new session (any earlier one,
 * staff or whistleblower, is ended first, so that a planted session id is worth nothing and
 * nothing of a staff session mixes in) with a short idle timeout; the cookie is the container's
 * session cookie (HttpOnly, SameSite=Strict, no expiry: it ends when the browser closes; Secure
 * over HTTPS; see {@code platform.web.SessionCookieSetup}).
 */
@ApplicationScoped
public class WhistleblowerSessions {

    /** Starts a session for a case with the secret that opens its key. */
    public void start(HttpServletRequest request, HttpServletResponse response, UUID caseId, LockSecret lockSecret,
            int idleMinutes) {
        begin(request, idleMinutes, new WhistleblowerSession(caseId, lockSecret));
    }

    /** Starts a session of the browser path: the case id only, the lock secret stays in the browser. */
    public void startInBrowser(HttpServletRequest request, UUID caseId, int idleMinutes) {
        begin(request, idleMinutes, new WhistleblowerSession(caseId));
    }

    private void begin(HttpServletRequest request, int idleMinutes, WhistleblowerSession whistleblower) {
        end(request);
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval(Math.max(1, idleMinutes) * 60);
        session.setAttribute(WhistleblowerSession.ATTRIBUTE, whistleblower);
    }

    /** The whistleblower of a request signed in from the browser path, if any. */
    public Optional<WhistleblowerSession> inBrowser(HttpServletRequest request) {
        return WhistleblowerSession.inBrowser(request);
    }

    /** The signed-in whistleblower of a request, if any. */
    public Optional<WhistleblowerSession> of(HttpServletRequest request) {
        return WhistleblowerSession.of(request);
    }

    /** Ends the session (the lock secret is wiped as it is unbound). */
    public void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException already) {
                // ended meanwhile
            }
        }
    }
}
