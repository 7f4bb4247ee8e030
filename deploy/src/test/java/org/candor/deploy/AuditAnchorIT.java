package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log's anchor as an operator meets it: the first start shows the audit key's
 * fingerprint on the console and on the setup page, and a later start with the public key but
 * without its private key refuses instead of making a new pair.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditAnchorIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path work;

    @Test
    @Order(1)
    void theFirstStartShowsTheAuditKeysFingerprintOnTheConsoleAndTheSetupPage() throws Exception {
        try (RunningPortal portal = RunningPortal.start(work.resolve("data"), work.resolve("tmp"))) {
            String fingerprint = fingerprintOf(work.resolve("data/keys/audit-signing.pub"));
            assertTrue(portal.output().contains("   " + fingerprint), "on the console:\n" + portal.output());
            String link = portal.setupLink().orElseThrow();
            HttpResponse<String> setup = HTTP.send(HttpRequest.newBuilder(java.net.URI.create(link)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, setup.statusCode());
            assertTrue(setup.body().contains("<code id=\"audit-key-fingerprint\">" + fingerprint + "</code>"), setup.body());
        }
    }

    @Test
    @Order(2)
    void aStartWithThePublicKeyButWithoutItsPrivateKeyRefusesAndMakesNoNewPair() throws Exception {
        Path pub = work.resolve("data/keys/audit-signing.pub");
        Path key = work.resolve("data/keys/audit-signing.key");
        String pinned = Files.readString(pub);
        Files.delete(key);
        String console;
        boolean serving;
        try (RunningPortal portal = RunningPortal.start(work.resolve("data"), work.resolve("tmp"))) {
            console = portal.output();
            serving = HTTP.send(HttpRequest.newBuilder(portal.url("/")).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode() == 200;
        } catch (IllegalStateException stopped) {
            console = stopped.getMessage();
            serving = false;
        }
        assertTrue(console.contains("Candor refuses to start: the audit public key " + pub + " exists but its private key "
                + key + " does not"), console);
        assertFalse(serving, "nothing is served, nothing is signed with a new key");
        assertFalse(Files.exists(key), "no new private key");
        assertEquals(pinned, Files.readString(pub), "the pinned public key is untouched");
    }

    /** SHA-256 over the key's DER, as {@code openssl pkey -pubin -outform DER | sha256sum}, grouped by four. */
    private static String fingerprintOf(Path pem) throws Exception {
        String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(body)));
        return hex.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
