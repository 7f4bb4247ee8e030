package org.candor.portal.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.candor.portal.platform.config.PortalConfig;
import org.candor.portal.platform.web.Cookies;
import java.util.Optional;
import java.util.UUID;
import org.candor.crypto.LockSecret;

/**
 * Starts and ends whistleblower sessions. A sign-in always gets a new session (any earlier one,
 * staff or whistleblower, is ended first, so that a planted session id is worth nothing and
 * nothing of a staff session mixes in) with a short idle timeout; the cookie is the container's
 * session cookie, configured in web.xml (HttpOnly, SameSite=Strict, no expiry: it ends when the
 * browser closes) and marked Secure over HTTPS.
 */
@ApplicationScoped
public class WhistleblowerSessions {

    @Inject
    PortalConfig config;

    /** Starts a session for a case with the secret that opens its key. */
    public void start(HttpServletRequest request, HttpServletResponse response, UUID caseId, LockSecret lockSecret,
            int idleMinutes) {
        end(request);
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval(Math.max(1, idleMinutes) * 60);
        session.setAttribute(WhistleblowerSession.ATTRIBUTE, new WhistleblowerSession(caseId, lockSecret));
        hardenSessionCookie(request, response, session);
    }

    /**
     * Payara Micro 7 applies web.xml's HttpOnly but not its SameSite attribute to the session
     * cookie, so the cookie is sent again after the container's with the portal's attributes (no
     * Max-Age: it still ends with the browser); a browser keeps the later of two same-named
     * cookies. The platform's session cookie setup should set the attribute itself.
     */
    private void hardenSessionCookie(HttpServletRequest request, HttpServletResponse response, HttpSession session) {
        String name = request.getServletContext().getSessionCookieConfig().getName();
        String cookieName = name == null ? "JSESSIONID" : name;
        Cookie cookie = new Cookie(cookieName, session.getId());
        cookie.setPath("/");
        Cookies.harden(cookie, config.https());
        response.addCookie(cookie);
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
