package org.candor.portal.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The portal's pages over HTTP, as a browser gets them, with the portal on PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PagesIT {

    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "font-src 'self'; connect-src 'self'; worker-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";


    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portal();
    }

    /** The empty state ("no channel open yet") is checked on a fresh bundle: BundleIT and BrowserIT. */
    @Test
    void landingPageExplainsAnonymity() throws Exception {
        HttpResponse<String> page = get("/", "en");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("How your anonymity is protected"));
        assertTrue(page.body().contains("does not record your IP address"));
    }

    @Test
    void landingPageListsPublishedChannelsInTheBrowsersLanguage() throws Exception {
        insertChannel("it-published", true, "Safety at work", "Arbeitssicherheit");
        insertChannel("it-hidden", false, "Secret draft", "Geheimer Entwurf");

        HttpResponse<String> english = get("/", "en-GB,en;q=0.9");
        assertTrue(english.body().contains("Safety at work"));
        assertTrue(english.body().contains("href=\"/report/it-published\""));
        assertFalse(english.body().contains("Secret draft"), "unpublished channels are not offered");

        HttpResponse<String> german = get("/", "de-CH,de;q=0.9,en;q=0.5");
        assertEquals("de", german.headers().firstValue("Content-Language").orElseThrow());
        assertTrue(german.body().contains("Arbeitssicherheit"));
        assertTrue(german.body().contains("Wie Ihre Anonymität geschützt wird"));
    }

    @Test
    void languageLinkSwitchesWithoutScriptAndRemembersTheChoiceInAHardenedCookie() throws Exception {
        HttpResponse<String> switched = get("/?lang=de", "en");
        assertTrue(switched.body().contains("Missstände melden"));
        String cookie = switched.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("candor_lang=de"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);

        HttpResponse<String> later = send(HttpRequest.newBuilder(url("/")).header("Accept-Language", "en")
                .header("Cookie", "candor_lang=de").build());
        assertTrue(later.body().contains("Missstände melden"), "the chosen language wins over the browser's");
        assertTrue(later.body().contains("href=\"/?lang=en\""), "a link leads back to English");
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (String path : List.of("/", "/?lang=de", "/static/candor.css", "/no-such-page", "/static/nothing.css",
                "/static/..%2fMETA-INF%2fpersistence.xml", "/setup/not-a-token", "/error")) {
            responses.add(get(path, "en"));
        }
        responses.add(send(HttpRequest.newBuilder(url("/setup/not-a-token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("displayName=x")).build()));

        for (HttpResponse<String> response : responses) {
            String where = response.request().method() + " " + response.uri().getRawPath();
            assertAll(where,
                    () -> assertEquals(CSP, header(response, "Content-Security-Policy"), where),
                    () -> assertEquals("DENY", header(response, "X-Frame-Options"), where),
                    () -> assertEquals("no-referrer", header(response, "Referrer-Policy"), where),
                    () -> assertEquals("nosniff", header(response, "X-Content-Type-Options"), where),
                    () -> assertTrue(header(response, "Cache-Control").equals("no-store")
                            || response.uri().getRawPath().startsWith("/static/"), where),
                    () -> assertFalse(response.body().contains("<script"), where + " has no script at all"),
                    () -> assertFalse(response.body().contains("Exception"), where + " shows no stack trace"),
                    () -> response.headers().allValues("Set-Cookie").forEach(cookie -> {
                        assertTrue(cookie.contains("HttpOnly"), where + ": " + cookie);
                        assertTrue(cookie.contains("SameSite=Strict"), where + ": " + cookie);
                    }));
        }
    }

    @Test
    void unknownPagesAndUsedSetupLinksGetClearPages() throws Exception {
        HttpResponse<String> missing = get("/no-such-page", "en");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Page not found"));

        HttpResponse<String> gone = get("/setup/" + "A".repeat(43), "de");
        assertEquals(410, gone.statusCode());
        assertTrue(gone.body().contains("Dieser Einrichtungslink funktioniert nicht mehr"));

        HttpResponse<String> traversal = get("/static/..%2fMETA-INF%2fpersistence.xml", "en");
        assertEquals(404, traversal.statusCode());
    }

    @Test
    void healthReportsReadyWithoutDataOnTheManagementListenerOnly() throws Exception {
        URI management = URI.create("http://127.0.0.1:" + System.getenv("CANDOR_MANAGEMENT_PORT"));
        HttpResponse<String> ready = send(HttpRequest.newBuilder(management.resolve("/health/ready")).build());
        assertEquals(200, ready.statusCode());
        assertTrue(ready.body().contains("\"status\":\"UP\""), ready.body());
        assertTrue(ready.body().contains("\"name\":\"database\""), ready.body());
        assertEquals(200, send(HttpRequest.newBuilder(management.resolve("/health/live")).build()).statusCode());
        assertEquals(200, send(HttpRequest.newBuilder(management.resolve("/metrics")).build()).statusCode());
        for (String path : new String[] {"/health/ready", "/health/live", "/metrics"}) {
            assertEquals(404, get(path, "en").statusCode(), path + " must not answer on the public listener");
        }
        HttpResponse<String> openapi = get("/openapi", "en");
        assertFalse(openapi.statusCode() == 200 || openapi.body().contains("openapi:"), "no map of the routes is published");
    }

    @Test
    void theAdministratorSaysWhoRunsThePortalAndEveryPublicPageShowsItWithItsPrivacyNotice() throws Exception {
        String admin = "org-admin-" + UUID.randomUUID().toString().substring(0, 8);
        Seed.staffMember(admin, "organisation admin password", "ADMINISTRATOR");
        Browserless administrator = new Browserless(deployed).signInStaff(admin, "organisation admin password");
        try {
            HttpResponse<String> twoLines = administrator.post("/admin/organisation", "name", "Stadtwerke\nBeispiel",
                    "contact", "", "privacyNotice", "");
            assertEquals(422, twoLines.statusCode());
            assertTrue(Browserless.byId(twoLines, "problem").contains("on one line"), twoLines.body());
            assertTrue(twoLines.body().contains("Stadtwerke"), "what was typed is given back");

            HttpResponse<String> saved = administrator.post("/admin/organisation", "name", "Stadtwerke Beispiel",
                    "contact", "Compliance office, Hauptstraße 1, +49 30 1234 567", "privacyNotice",
                    "We process reports under the Whistleblower Protection Act.\r\n\r\nQuestions: <b>dpo@example.org</b>");
            assertEquals(303, saved.statusCode(), saved.body());

            byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> script = administrator.multipart("/admin/organisation/logo",
                    Browserless.Part.file("logo", "logo.png", "image/png", svg));
            assertEquals(422, script.statusCode(), "an SVG named .png is refused by its bytes");
            assertTrue(Browserless.byId(script, "problem").contains("PNG, JPEG or WebP"), script.body());
            HttpResponse<String> tooLarge = administrator.multipart("/admin/organisation/logo",
                    Browserless.Part.file("logo", "logo.png", "image/png", new byte[400 * 1024]));
            assertEquals(422, tooLarge.statusCode());

            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 20, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
            HttpResponse<String> logo = administrator.multipart("/admin/organisation/logo",
                    Browserless.Part.file("logo", "stadtwerke.png", "application/octet-stream", png.toByteArray()));
            assertEquals(303, logo.statusCode(), logo.body());

            Browserless visitor = new Browserless(deployed);
            for (String path : List.of("/", "/contact", "/transparency")) {
                HttpResponse<String> page = visitor.get(path);
                assertAll(path,
                        () -> assertEquals("This reporting channel is run by Stadtwerke Beispiel.", Browserless.byId(page, "run-by")),
                        () -> assertTrue(Browserless.byId(page, "process-contact").contains("Hauptstraße 1, +49 30 1234 567")),
                        () -> assertTrue(page.body().contains("src=\"/organisation/logo\"")),
                        () -> assertTrue(page.body().contains("href=\"/organisation/privacy\"")));
            }
            HttpResponse<byte[]> served = visitor.bytes("/organisation/logo");
            assertEquals(200, served.statusCode());
            assertEquals("image/png", served.headers().firstValue("Content-Type").orElse(""));
            assertEquals("nosniff", served.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertTrue(java.util.Arrays.equals(png.toByteArray(), served.body()), "the logo comes back as uploaded");

            HttpResponse<String> notice = visitor.get("/organisation/privacy");
            assertEquals(200, notice.statusCode());
            assertTrue(notice.body().contains("<p class=\"keep-lines\">We process reports under the Whistleblower Protection Act.</p>"),
                    notice.body());
            assertTrue(notice.body().contains("Questions: &lt;b&gt;dpo@example.org&lt;/b&gt;"), "the notice is text, never markup");

            try (Connection db = DriverManager.getConnection(Deployments.databaseUrl());
                    var rows = db.createStatement().executeQuery("select count(*) from audit_entry where action = 'ORGANISATION_CHANGED'"
                            + " and actor_name = '" + admin + "'")) {
                rows.next();
                assertEquals(2, rows.getInt(1), "the texts and the logo were audited, the refused changes were not");
            }
        } finally {
            administrator.post("/admin/organisation/logo/remove");
            administrator.post("/admin/organisation", "name", "", "contact", "", "privacyNotice", "");
        }
        HttpResponse<String> unnamed = new Browserless(deployed).get("/");
        assertFalse(unnamed.body().contains("run-by"), "an organisation without a name is not announced");
        assertEquals(404, new Browserless(deployed).bytes("/organisation/logo").statusCode());
    }

    private void insertChannel(String slug, boolean published, String english, String german) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(Deployments.databaseUrl())) {
            try (PreparedStatement s = c.prepareStatement(
                    "insert into channel (id, slug, published, position, created_on) values (?, ?, ?, 1, ?)")) {
                s.setObject(1, id);
                s.setString(2, slug);
                s.setBoolean(3, published);
                s.setObject(4, LocalDate.now());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "insert into channel_text (channel_id, language, name, description) values (?, ?, ?, ?)")) {
                for (String[] text : new String[][] {{"en", english}, {"de", german}}) {
                    s.setObject(1, id);
                    s.setString(2, text[0]);
                    s.setString(3, text[1]);
                    s.setString(4, text[1] + " …");
                    s.executeUpdate();
                }
            }
        }
    }

    /** Each request as from a browser without cookies. */
    private HttpResponse<String> get(String path, String acceptLanguage) throws Exception {
        return new Browserless(deployed).get(path, acceptLanguage);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return new Browserless(deployed).send(request);
    }

    private URI url(String path) {
        return Deployments.local(deployed, path);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("(missing)");
    }
}
