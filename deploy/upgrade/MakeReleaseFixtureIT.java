package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.candor.portal.it.Seed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Not a test of the release: the maker of the upgrade fixture. {@code make-fixture.sh} copies it
 * into a checkout of the release and runs it there, against that release's own bundle on
 * PostgreSQL. It lives people's first days with the release (a report with a file, the
 * investigator's first sign-in with a second factor, unlocking her key, opening and
 * acknowledging the case, a reply, the whistleblower's answer, a report on a second channel)
 * and then leaves, in the folder {@code CANDOR_FIXTURE_OUT} names: the database as SQL, the data folder without
 * its search index, and what the people know (codes, passwords, the authenticator key).
 */
class MakeReleaseFixtureIT {

    private static final String DATABASE = "candor_release_fixture";
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String INES_PASSWORD = "harbour lantern quiver oak";
    private static final String INES_PASSPHRASE = "ines unlocks her cases";
    private static final String OTTO_PASSWORD = "gravel window osprey tune";
    private static final String OTTO_PASSPHRASE = "otto unlocks his cases";
    static final String REPORT = "The quinceledger shows the same invoice paid twice.";
    static final String REPLY = "Thank you. Could you send the invoice scan?";
    static final String ANSWER = "Here is the scan. The second payment went to a new account.";
    static final byte[] LEDGER = "date,amount\n2026-03-01,19999\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path work;

    @Test
    void makeTheFixture() throws Exception {
        Path out = Path.of(System.getenv("CANDOR_FIXTURE_OUT"));
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE);
            s.execute("create database " + DATABASE);
        }
        // The bundle inherits CANDOR_DB_URL, CANDOR_DB_USER from make-fixture.sh.
        assertEquals(SERVER + DATABASE, System.getenv("CANDOR_DB_URL"));
        Path data = work.resolve("data");
        RunningPortal.start(data, work.resolve("tmp")).close(); // makes the schema
        Seed seed = Seed.into(SERVER + DATABASE + "?user=postgres");
        Seed.Investigator ines = seed.addInvestigator("ines", INES_PASSWORD, INES_PASSPHRASE.toCharArray());
        Seed.Investigator otto = seed.addInvestigator("otto", OTTO_PASSWORD, OTTO_PASSPHRASE.toCharArray());
        seed.addPublishedChannel("fraud", Seed.sampleQuestionnaire(1024 * 1024), true, 1024 * 1024, ines.id());
        seed.addPublishedChannel("safety", Seed.sampleQuestionnaire(1024 * 1024), true, 1024 * 1024, otto.id());

        Properties known = new Properties();
        try (RunningPortal portal = RunningPortal.start(data, work.resolve("tmp"))) {
            Person whistleblower = person("whistleblower");
            Person investigator = person("ines");
            try {
                String code = report(portal, whistleblower, "Fraud fraud", REPORT, "ledger.csv", LEDGER);
                report(portal, whistleblower, "Fraud safety", "The zephyrvalve in hall 3 leaks.", "photo.txt",
                        "leak".getBytes(StandardCharsets.UTF_8));

                investigator.open(portal.url("/desk").toString(), "Staff sign-in");
                investigator.fill("username", "ines");
                investigator.fill("password", INES_PASSWORD);
                investigator.submit("Sign in", "Set up your second factor");
                String authenticatorKey = investigator.text("#secret");
                investigator.fill("code", new Authenticator(authenticatorKey).freshCode());
                investigator.submit("Confirm", "Your recovery codes");
                investigator.click(By.linkText("I have stored them. Continue"), "Desk");
                investigator.unlockKey(portal.url("/desk/key").toString(), INES_PASSPHRASE);
                investigator.open(portal.url("/desk/cases").toString(), "Your cases");
                String shortId = investigator.browser().findElement(By.cssSelector("#case-list tbody tr a")).getText();
                investigator.click(By.cssSelector("#case-list tbody tr a"), "Case " + shortId);
                String caseUrl = investigator.browser().getCurrentUrl().replaceFirst("[?#].*", "");
                Matcher id = Pattern.compile("/desk/cases/([0-9a-f-]{36})$").matcher(caseUrl);
                assertTrue(id.find(), caseUrl);
                assertTrue(investigator.text("#answers").contains(REPORT), investigator.text("#answers"));
                investigator.submit("Acknowledge receipt", "Case " + shortId);
                investigator.fill("reply-text", REPLY);
                investigator.submit("Send the reply", "Case " + shortId);

                whistleblower.open(portal.url("/contact").toString(), "Come back with your reply code");
                whistleblower.fill("code", code);
                whistleblower.submit("Sign in", "Your report and the conversation");
                whistleblower.fill("text", ANSWER);
                whistleblower.submit("Send the message", "Your report and the conversation");
                assertEquals("Your message was encrypted and sent.", whistleblower.text("#notice"));

                known.setProperty("reply-code", code);
                known.setProperty("case-id", id.group(1));
                known.setProperty("investigator", "ines");
                known.setProperty("investigator-password", INES_PASSWORD);
                known.setProperty("investigator-passphrase", INES_PASSPHRASE);
                known.setProperty("investigator-authenticator-key", authenticatorKey);
            } finally {
                whistleblower.quit();
                investigator.quit();
            }
        }

        Files.createDirectories(out);
        try (var writer = Files.newBufferedWriter(out.resolve("known.properties"))) {
            known.store(writer, "What the people of the release fixture know");
        }
        copyTree(data, out.resolve("data"));
        Process dump = new ProcessBuilder("pg_dump", "--no-owner", "--no-privileges", "-h", "127.0.0.1", "-U", "postgres",
                DATABASE).redirectOutput(out.resolve("database.sql").toFile()).redirectErrorStream(false).start();
        assertEquals(0, dump.waitFor(), "pg_dump");
    }

    private static String report(RunningPortal portal, Person whistleblower, String channel, String what, String fileName,
            byte[] content) throws Exception {
        whistleblower.open(portal.url("/?lang=en").toString(), "Report wrongdoing");
        whistleblower.click(By.linkText(channel), channel);
        whistleblower.fill("what", what);
        whistleblower.fill("where", "Head office, accounts payable");
        whistleblower.click(By.cssSelector("input[name=when][value=yes]"));
        Path file = work.resolve(fileName);
        Files.write(file, content);
        whistleblower.attach("evidence", file);
        TimeUnit.SECONDS.sleep(3);
        whistleblower.submit("Send the report", "Your report was received");
        return whistleblower.text("#reply-code");
    }

    private static Person person(String name) throws Exception {
        Path profile = work.resolve(name);
        Files.createDirectories(Browser.downloads(profile));
        return new Person(Browser.withoutJavaScript(profile), Browser.downloads(profile));
    }

    /** The data folder as the release left it, but for the search index, which an upgrade rebuilds. */
    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(from)) {
            all = walk.toList();
        }
        for (Path source : all) {
            Path relative = from.relativize(source);
            if (relative.toString().startsWith("search") || relative.toString().startsWith("database")) {
                continue;
            }
            Path target = to.resolve(relative.toString());
            if (Files.isDirectory(source)) {
                Files.createDirectories(target);
            } else {
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
