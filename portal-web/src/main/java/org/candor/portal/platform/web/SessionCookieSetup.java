package org.candor.portal.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.candor.portal.platform.config.PortalConfig;

/**
 * Marks the session cookie Secure when the portal is served over HTTPS; web.xml already makes
 * it HttpOnly and SameSite=Strict.
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

    @Inject
    PortalConfig config;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().getSessionCookieConfig().setSecure(config.https());
    }
}
