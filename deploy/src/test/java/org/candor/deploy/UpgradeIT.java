package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.candor.portal.it.Browserless;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * An installation of the first release, upgraded to this code on PostgreSQL. The fixture in
 * {@code upgrade/v0.1.0} was made by that release's own bundle ({@code deploy/upgrade/make-fixture.sh}):
 * its database as SQL, its data folder (ciphertext, the single key file of that release, the
 * audit key) and what its people know. This test loads it into a PostgreSQL cluster of its own,
 * starts the current bundle on it, and checks what its people would: the whistleblower's reply
 * code still opens the conversation; the investigator signs in with her password and the
 * authenticator she enrolled under the release, unlocks her key and reads the case and its file;
 * the search finds the case once its index is rebuilt; the audit chain written by the release
 * still verifies, with this version's entries appended after it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpgradeIT {

    private static final String RELEASE = "v0.1.0";
    private static final String REPORT = "The quinceledger shows the same invoice paid twice.";
    private static final String REPLY = "Thank you. Could you send the invoice scan?";
    private static final String ANSWER = "Here is the scan. The second payment went to a new account.";
    private static final byte[] LEDGER = "date,amount\n2026-03-01,19999\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path work;

    private static PrivatePostgres postgres;
    private static RunningPortal portal;
    private static Properties known;
    private static Path data;

    @BeforeAll
    static void upgrade() throws Exception {
        Path fixture = Path.of("src/test/resources/upgrade", RELEASE);
        known = new Properties();
        try (var reader = Files.newBufferedReader(fixture.resolve("known.properties"))) {
            known.load(reader);
        }
        postgres = PrivatePostgres.start(Path.of("target").toAbsolutePath().resolve("pg-upgrade"));
        postgres.load("candor", fixture.resolve("database.sql"));
        data = work.resolve("data");
        copyAsTheReleaseLeftIt(fixture.resolve("data"), data);
        portal = RunningPortal.start(data, work.resolve("tmp"), postgres.portalEnvironment());
    }

    @AfterAll
    static void stop() throws Exception {
        PrivatePostgres.stopAfter(postgres, portal);
    }

    @Test
    @Order(1)
    void theSchemaIsMigratedFromTheReleasesVersionToTheCurrentOne() throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("candor")); Statement s = c.createStatement();
                ResultSet versions = s.executeQuery("select version, success from flyway_schema_history order by installed_rank")) {
            List<String> applied = new ArrayList<>();
            while (versions.next()) {
                assertTrue(versions.getBoolean(2), "migration " + versions.getString(1) + " succeeded");
                applied.add(versions.getString(1));
            }
            assertEquals("10", applied.get(9), "the release's schema was at version 10: " + applied);
            assertTrue(applied.size() > 10 && applied.contains("11") && applied.contains("12"),
                    "this code's migrations ran on top of it: " + applied);
        }
        for (String derived : List.of("form-token.key", "reply-code-pepper.key", "staff-secrets.key")) {
            Path file = data.resolve("keys").resolve(derived);
            assertTrue(Files.exists(file), derived + " is derived from the release's server-secrets.key");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), derived);
        }
    }

    @Test
    @Order(2)
    void theReplyCodeOfTheReleaseStillOpensTheConversation() throws Exception {
        Browserless whistleblower = new Browserless(portal.url("/").toURL());
        HttpResponse<String> signedIn = whistleblower.post("/contact", "code", known.getProperty("reply-code"));
        assertEquals(303, signedIn.statusCode(), "the release's reply code is still accepted: " + signedIn.body());
        String conversation = whistleblower.follow(signedIn).body();
        for (String text : List.of(REPORT, REPLY, ANSWER)) {
            assertTrue(conversation.contains(text), "the conversation shows \u201c" + text + "\u201d:\n" + conversation);
        }
    }

    @Test
    @Order(3)
    void theInvestigatorSignsInWithHerEnrolledSecondFactorAndReadsTheCaseAndItsFile() throws Exception {
        Person ines = person("ines");
        try {
            ines.signIn(portal.url("/staff/sign-in").toString(), known.getProperty("investigator"),
                    known.getProperty("investigator-password"),
                    new Authenticator(known.getProperty("investigator-authenticator-key")), "Desk");
            ines.unlockKey(portal.url("/desk/key").toString(), known.getProperty("investigator-passphrase"));
            String caseId = known.getProperty("case-id");
            ines.open(portal.url("/desk/cases/" + caseId).toString(), "Case " + caseId.substring(0, 8));
            assertEquals("Acknowledged", ines.text("#case-status"), "the status the release recorded");
            assertTrue(ines.text("#answers").contains(REPORT), "the release's report opens: " + ines.text("#answers"));
            assertTrue(ines.text("main").contains(ANSWER), "and the whistleblower's answer: " + ines.text("main"));
            assertArrayEquals(LEDGER, ines.download(By.linkText("ledger.csv"), "ledger.csv"),
                    "the file the release stored downloads decrypted, byte for byte");

            ines.open(portal.url("/desk/search").toString(), "Search your cases");
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (true) {
                ines.fill("q", "quinceledger");
                ines.submit("Search", "Search your cases");
                if (ines.browser().findElements(By.cssSelector("#hits > li")).size() == 1) {
                    break;
                }
                assertTrue(System.nanoTime() < deadline, "the search finds the release's case once its index is rebuilt:\n"
                        + ines.text("main"));
                TimeUnit.SECONDS.sleep(1);
            }
        } finally {
            ines.quit();
        }
    }

    @Test
    @Order(4)
    void theAuditChainOfTheReleaseStillVerifiesWithTheNewEntriesAfterIt() throws Exception {
        portal.close();
        portal = null;
        Map<String, String> environment = new java.util.HashMap<>(postgres.portalEnvironment());
        environment.put("CANDOR_DATA_DIR", data.toString());
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.candor.portal.audit.AuditVerifier");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process verifier = builder.start();
        String output = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, verifier.waitFor(), "the audit chain verifies after the upgrade:\n" + output);
        Matcher checked = Pattern.compile("Audit log intact: (\\d+) entries checked").matcher(output);
        assertTrue(checked.find(), output);
        int releaseEntries = auditEntriesIn(Path.of("src/test/resources/upgrade", RELEASE, "database.sql"));
        assertTrue(Integer.parseInt(checked.group(1)) > releaseEntries,
                "the release's " + releaseEntries + " entries and this version's sign-in, unlock and case view: " + output);
    }

    /** The data folder as the release left it; Git keeps no modes, so they are set as the release set them. */
    private static void copyAsTheReleaseLeftIt(Path from, Path to) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(from)) {
            all = walk.toList();
        }
        for (Path source : all) {
            Path target = to.resolve(from.relativize(source).toString());
            if (Files.isDirectory(source)) {
                Files.createDirectories(target);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
            } else {
                Files.copy(source, target);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
            }
        }
    }

    private static int auditEntriesIn(Path dump) throws IOException {
        List<String> lines = Files.readAllLines(dump);
        int start = lines.indexOf(lines.stream().filter(l -> l.startsWith("COPY public.audit_entry ")).findFirst().orElseThrow());
        int count = 0;
        while (!lines.get(start + 1 + count).equals("\\.")) {
            count++;
        }
        return count;
    }

    private static Person person(String name) throws Exception {
        return Person.withoutJavaScript(work, name);
    }
}
