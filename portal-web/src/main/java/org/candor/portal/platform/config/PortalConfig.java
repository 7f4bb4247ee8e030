package org.candor.portal.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The portal's own settings, read once from MicroProfile Config (see
 * {@code META-INF/microprofile-config.properties} for each key and its default).
 */
@ApplicationScoped
public class PortalConfig {

    private final Set<PortalRole> roles;
    private final URI publicUrl;
    private final boolean https;

    @Inject
    public PortalConfig(
            @ConfigProperty(name = "candor.roles") List<String> roles,
            @ConfigProperty(name = "candor.public-url") String publicUrl,
            @ConfigProperty(name = "candor.https") boolean https) {
        this.roles = EnumSet.noneOf(PortalRole.class);
        roles.forEach(name -> this.roles.add(PortalRole.parse(name)));
        String url = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.publicUrl = URI.create(url);
        this.https = https;
    }

    /** CDI needs a way to make a proxy. */
    protected PortalConfig() {
        this.roles = EnumSet.allOf(PortalRole.class);
        this.publicUrl = URI.create("http://localhost:8080");
        this.https = false;
    }

    public boolean serves(PortalRole role) {
        return roles.contains(role);
    }

    public Set<PortalRole> roles() {
        return EnumSet.copyOf(roles);
    }

    /** The address people use, without a trailing slash. */
    public URI publicUrl() {
        return publicUrl;
    }

    /** Whether the portal is reached over HTTPS (cookies marked Secure, HSTS sent). */
    public boolean https() {
        return https;
    }
}
