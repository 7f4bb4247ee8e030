package org.candor.portal.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The portal's own settings, read once from MicroProfile Config (see
 * {@code META-INF/microprofile-config.properties} for each key and its default). A setting that
 * makes no sense stops the start with one line that names it, before anything is served.
 */
@ApplicationScoped
public class PortalConfig {

    private final Set<PortalRole> roles;
    private final URI publicUrl;
    private final boolean https;
    private final Optional<URI> onionUrl;

    /**
     * An empty {@code candor.roles} reads as no value at all, which is refused here with the others'
     * words; the list is split here (the server's configuration cannot inject an optional list).
     */
    @Inject
    public PortalConfig(
            @ConfigProperty(name = "candor.roles") Optional<String> roles,
            @ConfigProperty(name = "candor.public-url") String publicUrl,
            @ConfigProperty(name = "candor.https") boolean https,
            @ConfigProperty(name = "candor.onion-url") Optional<String> onionUrl) {
        this(List.of(roles.orElse("").split(",")), publicUrl, https, onionUrl);
    }

    public PortalConfig(List<String> roles, String publicUrl, boolean https, Optional<String> onionUrl) {
        this.roles = EnumSet.noneOf(PortalRole.class);
        roles.stream().filter(name -> !name.isBlank()).forEach(name -> this.roles.add(PortalRole.parse(name)));
        if (this.roles.isEmpty()) {
            throw new IllegalArgumentException("candor.roles names no role: give one or more of intake, desk, oversight, admin");
        }
        this.publicUrl = absoluteUrl("candor.public-url", publicUrl);
        this.https = https || "https".equals(this.publicUrl.getScheme());
        this.onionUrl = onionUrl.filter(url -> !url.isBlank()).map(url -> absoluteUrl("candor.onion-url", url));
        this.onionUrl.ifPresent(url -> {
            if (!url.getHost().endsWith(".onion")) {
                throw new IllegalArgumentException("candor.onion-url must be an address ending in .onion, not " + url);
            }
        });
    }

    /** CDI needs a way to make a proxy. */
    protected PortalConfig() {
        this.roles = EnumSet.allOf(PortalRole.class);
        this.publicUrl = URI.create("http://localhost:8080");
        this.https = false;
        this.onionUrl = Optional.empty();
    }

    private static URI absoluteUrl(String key, String value) {
        String url = value.strip();
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a URL: " + value, e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(key + " must be an http or https address such as https://report.example.org, not " + value);
        }
        return uri;
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

    /**
     * Whether the portal is reached over HTTPS (cookies marked Secure, HSTS sent): when the public
     * URL is an https address, or when {@code candor.https} says so.
     */
    public boolean https() {
        return https;
    }

    /**
     * The portal's onion service address, when it has one; Tor Browser offers it to visitors of
     * the public https address (the {@code Onion-Location} header).
     */
    public Optional<URI> onionUrl() {
        return onionUrl;
    }
}
