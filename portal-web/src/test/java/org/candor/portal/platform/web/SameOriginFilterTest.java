package org.candor.portal.platform.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SameOriginFilterTest {

    private static final URI PORTAL = URI.create("http://portal.example:8080");

    @Test
    void anOriginMustNameThePortalWithItsSchemeHostAndPort() {
        assertFalse(SameOriginFilter.crossSite("http://portal.example:8080", null, null, true, PORTAL));
        assertTrue(SameOriginFilter.crossSite("https://portal.example:8080", null, null, true, PORTAL), "scheme compared");
        assertTrue(SameOriginFilter.crossSite("http://portal.example:8081", null, null, true, PORTAL), "port compared");
        assertTrue(SameOriginFilter.crossSite("http://evil.example:8080", "same-origin", null, true, PORTAL),
                "an Origin that names another site is not outvoted by Sec-Fetch-Site");
        assertTrue(SameOriginFilter.crossSite("not a url", null, null, false, PORTAL));
        assertFalse(SameOriginFilter.crossSite("https://portal.example", null, null, true, URI.create("https://portal.example")));
        assertTrue(SameOriginFilter.crossSite("http://portal.example", null, null, true, URI.create("https://portal.example")),
                "http://host is not the https portal, even with the same host");
    }

    @Test
    void originNullCountsOnlyWithSameOriginFetchMetadata() {
        assertFalse(SameOriginFilter.crossSite("null", "same-origin", null, true, PORTAL));
        assertTrue(SameOriginFilter.crossSite("null", null, null, true, PORTAL), "Origin: null alone is refused");
        assertTrue(SameOriginFilter.crossSite("null", "cross-site", null, true, PORTAL));
        assertTrue(SameOriginFilter.crossSite("null", "none", null, true, PORTAL));
    }

    @Test
    void aSessionWithoutAnyOriginIsRefusedAndAClientWithoutCookiesIsNot() {
        assertTrue(SameOriginFilter.crossSite(null, null, null, true, PORTAL), "a session cookie without any origin");
        assertFalse(SameOriginFilter.crossSite(null, null, null, false, PORTAL), "a command-line client without a session");
        assertFalse(SameOriginFilter.crossSite(null, null, "http://portal.example:8080/admin/channels", true, PORTAL));
        assertTrue(SameOriginFilter.crossSite(null, null, "http://evil.example/", true, PORTAL));
        assertTrue(SameOriginFilter.crossSite(null, "same-site", null, true, PORTAL));
    }
}
