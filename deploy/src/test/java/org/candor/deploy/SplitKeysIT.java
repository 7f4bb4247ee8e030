package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle started as the internet-facing intake of a split installation
 * ({@code CANDOR_ROLES=intake}): it makes and reads only the intake's key files (the reply-code
 * pepper and the form-token key), never the staff secret or the audit key, even while serving
 * whistleblowers; and it refuses to start when a key file of its own can be read by others.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SplitKeysIT {

    private static final Map<String, String> INTAKE_ONLY = Map.of("CANDOR_ROLES", "intake");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path work;

    @Test
    @Order(1)
    void anIntakeHostMakesOnlyThePepperAndTheFormTokenKey() throws Exception {
        Path keys = work.resolve("data/keys");
        try (RunningPortal intake = RunningPortal.start(work.resolve("data"), work.resolve("tmp"), INTAKE_ONLY)) {
            assertEquals(200, get(intake, "/").statusCode());
            HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(intake.url("/contact"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "same-origin")
                    .POST(HttpRequest.BodyPublishers.ofString("code=AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertNotEquals(500, wrong.statusCode(), "the reply-code sign-in works with the pepper alone: " + wrong.body());
            for (String staffPath : List.of("/staff/sign-in", "/desk/cases", "/desk", "/admin/channels", "/oversight",
                    "/%64esk/cases")) {
                assertEquals(404, get(intake, staffPath).statusCode(), staffPath + ": not found at once, never redirected");
            }
            HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(intake.url("/admin/channels"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("slug=x"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, post.statusCode(), "no admin route on the intake, not even a sign-in demand");
            assertTrue(intake.setupLink().isEmpty(), "the intake prints no setup link");
            assertEquals(List.of("form-token.key", "reply-code-pepper.key"), names(keys));
        }
        assertEquals(List.of("form-token.key", "reply-code-pepper.key"), names(keys), "nothing more at shutdown");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
        for (String name : names(keys)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(name))), name);
        }
    }

    @Test
    @Order(2)
    void anIntakeHostRefusesToStartWithAPepperOthersCanRead() throws Exception {
        Path pepper = work.resolve("data/keys/reply-code-pepper.key");
        Files.setPosixFilePermissions(pepper, PosixFilePermissions.fromString("rw-r--r--"));
        RunningPortal.Refusal refusal = RunningPortal.startRefused(work.resolve("data"), work.resolve("tmp"), INTAKE_ONLY);
        String console = refusal.console();
        boolean serving = refusal.served();
        assertTrue(console.contains("Candor refuses to start: the key file " + pepper + " can be read by others than its owner"
                + " (rw-r--r--); make it owner-only with: chmod 600 " + pepper), console);
        assertFalse(serving, "no page is served with an exposed key");
        assertEquals(List.of("form-token.key", "reply-code-pepper.key"), names(work.resolve("data/keys")));
    }

    private static HttpResponse<String> get(RunningPortal portal, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(portal.url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
