package org.candor.portal.platform.storage;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks the data directory before anything else of the portal starts (docs/design.md property 6): it
 * runs first among the start-up observers and stops the start with one clear line when the data
 * directory or the key folder stays readable by other users.
 */
@ApplicationScoped
public class DataDirectoryCheck {

    private static final Logger LOG = Logger.getLogger(DataDirectoryCheck.class.getName());

    @Inject
    @ConfigProperty(name = "candor.data.dir")
    String dataDir;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object event) {
        try {
            PrivateDataDirectory.prepare(Path.of(dataDir));
        } catch (IllegalStateException refused) {
            LOG.severe(refused.getMessage());
            throw refused;
        }
    }
}
