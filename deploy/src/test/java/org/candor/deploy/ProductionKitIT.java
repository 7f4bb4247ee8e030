package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production kit in {@code deploy/} as an operator installs it: the systemd units pass
 * systemd's own checks and its security rating, and the bundle started the way the desk unit
 * starts it (its Java options and environment, an https public URL, an onion address) keeps the
 * setup link out of the console, serves the portal with HSTS and Onion-Location.
 */
class ProductionKitIT {

    private static final Path INTAKE_UNIT = Path.of("systemd", "candor-intake.service");
    private static final Path DESK_UNIT = Path.of("systemd", "candor-desk.service");
    private static final String ONION = "http://candorqz2vx5k6yhdmlq7gk3n4ciwfaq3vtxnc3bhgwycnfkh5hdjmqyd.onion";

    @TempDir
    static Path work;

    private static RunningPortal portal;
    private static Path linkFile;

    @BeforeAll
    static void startAsTheDeskUnitDoes() throws Exception {
        linkFile = work.resolve("data").resolve("setup-link");
        portal = RunningPortal.start(work.resolve("data"), work.resolve("tmp"),
                Map.of("CANDOR_SETUP_LINK_FILE", linkFile.toString(),
                        "CANDOR_PUBLIC_URL", "https://localhost:{port}",
                        "CANDOR_ONION_URL", ONION),
                javaOptionsOf(DESK_UNIT));
    }

    @AfterAll
    static void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void theUnitsPassSystemdsChecks() throws Exception {
        Result verify = run("systemd-analyze", "verify", INTAKE_UNIT.toString(), DESK_UNIT.toString());
        assertEquals(0, verify.exitCode(), verify.output());
        for (Path unit : List.of(INTAKE_UNIT, DESK_UNIT)) {
            // systemd rates exposure from 0 (locked down) to 10; 2 or less is what it calls "OK".
            Result security = run("systemd-analyze", "security", "--offline=yes", "--threshold=20", unit.toString());
            assertEquals(0, security.exitCode(), unit + " is rated above 2.0:\n" + security.output());
        }
    }

    @Test
    void theUnitsKeepCoreDumpsAndOtherUsersOut() throws IOException {
        for (Path unit : List.of(INTAKE_UNIT, DESK_UNIT)) {
            String text = Files.readString(unit);
            for (String line : List.of("UMask=0077", "StateDirectoryMode=0700", "ProtectSystem=strict", "PrivateTmp=yes",
                    "NoNewPrivileges=yes", "LimitCORE=0", "User=candor")) {
                assertTrue(text.lines().anyMatch(line::equals), unit + " lacks " + line);
            }
            assertTrue(javaOptionsOf(unit).contains("-XX:-CreateCoredumpOnCrash"), unit + " lets the JVM dump its memory on a crash");
        }
    }

    @Test
    void theSetupLinkGoesToAnOwnerOnlyFileAndNotToTheConsole() throws Exception {
        assertTrue(Files.exists(linkFile), "no setup link file; console:\n" + portal.output());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(linkFile)));
        String link = Files.readString(linkFile, StandardCharsets.UTF_8).strip();
        assertTrue(link.matches("https://localhost:" + portal.port() + "/setup/[A-Za-z0-9_-]{43}"), link);
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertFalse(portal.output().contains(token), "the setup token reached the console (a journal would keep it)");
        assertTrue(portal.output().contains(linkFile.toString()), "the console does not say where the link is");

        HttpResponse<String> setup = get("/setup/" + token);
        assertEquals(200, setup.statusCode());
    }

    @Test
    void anHttpsPublicUrlSendsHstsAndTheOnionAddress() throws Exception {
        HttpResponse<String> home = get("/");
        assertEquals(200, home.statusCode());
        assertEquals("max-age=63072000", home.headers().firstValue("Strict-Transport-Security").orElse(""));
        assertEquals(ONION + "/", home.headers().firstValue("Onion-Location").orElse(""));
    }

    /** The Java options of a unit's ExecStart line, between the java binary and {@code -jar}. */
    private static List<String> javaOptionsOf(Path unit) throws IOException {
        String text = Files.readString(unit).replace("\\\n", " ");
        Matcher execStart = Pattern.compile("(?m)^ExecStart=/usr/bin/java (.*?) -jar ").matcher(text);
        assertTrue(execStart.find(), unit + " has no ExecStart running java -jar");
        List<String> options = new ArrayList<>(Arrays.asList(execStart.group(1).trim().split("\\s+")));
        int modules = options.indexOf("--add-modules");
        if (modules >= 0) { // RunningPortal gives this one itself
            options.subList(modules, modules + 2).clear();
        }
        return options;
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(portal.url(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
