package org.candor.portal.platform.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The portal's pages and API, served from the root; static files come from {@link StaticFiles}.
 */
@ApplicationPath("/")
public class PortalApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // No machine-readable listing of every endpoint for whoever asks.
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
