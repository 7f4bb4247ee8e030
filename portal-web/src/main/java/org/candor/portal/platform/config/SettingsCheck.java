package org.candor.portal.platform.config;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Optional;
import java.util.logging.Logger;
import org.candor.portal.platform.i18n.Languages;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the portal's settings ({@link PortalConfig}) before anything else of the portal starts, so
 * that a setting that makes no sense (no role, an unknown role, a public URL that is not one, a
 * language list that does not begin with English) stops
 * the start with one line that begins like every other refusal, instead of failing later, inside
 * whichever part first asked for the setting, with a stack trace.
 */
@ApplicationScoped
public class SettingsCheck {

    private static final Logger LOG = Logger.getLogger(SettingsCheck.class.getName());

    @Inject
    PortalConfig config;

    @Inject
    @ConfigProperty(name = Languages.SETTING)
    Optional<String> languages;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object event) {
        try {
            config.roles();
            Languages.configure(languages.orElseGet(Languages::defaultSetting));
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            String refusal = "Candor refuses to start: " + (cause == null ? e.toString() : cause.getMessage());
            LOG.severe(refusal);
            throw new IllegalStateException(refusal, e);
        }
    }
}
