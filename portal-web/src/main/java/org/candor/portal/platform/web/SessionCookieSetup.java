package org.candor.portal.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.candor.portal.platform.config.PortalConfig;

/**
 * Gives the session cookie the portal's attributes: HttpOnly, and Secure when the portal is
 * served over HTTPS. SameSite=Strict is set for every cookie by the HTTP listener (the bundle's
 * pre-boot commands, deploy/src/main/payara/preboot.asadmin): Payara Micro 7 ignores the
 * attribute in web.xml and in the session cookie configuration, as the staff sign-in test shows.
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

    @Inject
    PortalConfig config;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(config.https());
    }
}
