package org.candor.portal.platform.web;

import jakarta.servlet.http.Cookie;

/** The one way the portal marks its cookies: HttpOnly, SameSite=Strict, and Secure over HTTPS. */
public final class Cookies {

    private Cookies() {
    }

    /** Applies the portal's cookie attributes. */
    public static void harden(Cookie cookie, boolean https) {
        cookie.setHttpOnly(true);
        cookie.setSecure(https);
        cookie.setAttribute("SameSite", "Strict");
    }
}
