package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.candor.portal.it.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A split installation on PostgreSQL, as docs/operations.md ("Split hosts") sets it up: the desk
 * host ({@code desk,oversight,admin}) connects as the role that owns the schema and migrates it;
 * deploy/postgresql/roles.sql is run with psql; the intake host ({@code intake}) connects as the
 * restricted role, in a data directory of its own without the staff key files; the two share no
 * folder, because the ciphertext lives in the database too ({@code candor.blobs.store=database}). An intake started before the desk migrated refuses with one line and writes
 * nothing. Whistleblowers report on the intake (without JavaScript, and sealed in the browser),
 * sign in there with the reply code, download their file and send a message; the investigator reads all of it on the
 * desk and concludes the case, and the whistleblower appeals on the intake. Then, as the intake's role, the database refuses what a compromised intake would try:
 * reading staff secrets, writing the audit log, changing the schema, deleting cases.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SplitHostsIT {

    /** The version of the newest migration this code carries: the one the desk migrates to and the intake expects. */
    private static final int LATEST = latestMigration();


    private static final String DATABASE = "candor_it_split";
    private static final String OWNER = "candor_desk";
    private static final String INTAKE_ROLE = "candor_intake";
    private static final String INES_PASSWORD = "harbour lantern quiver oak";
    private static final String INES_PASSPHRASE = "ines unlocks her cases";
    private static final String PLAIN_REPORT = "The split ledger shows the same invoice paid twice.";
    private static final String SEALED_REPORT = "The sealed ledger was emptied, twice.";
    private static final byte[] LEDGER = "date,amount\n2026-03-01,19999\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final String MESSAGE = "Here is more: the second payment went to a new account.";

    @TempDir
    static Path work;

    private static PrivatePostgres postgres;
    private static RunningPortal desk;
    private static RunningPortal intake;
    private static Person whistleblower;
    private static Person ines;
    private static String grants;
    private static String replyCode;
    private static String plainCase;
    private static RunningPortal.Refusal tooEarly;
    private static List<String> tooEarlyData;

    @BeforeAll
    static void start() throws Exception {
        postgres = PrivatePostgres.start(Path.of("target").toAbsolutePath().resolve("pg-split-" + UUID.randomUUID()));
        // What the operator does once as the PostgreSQL superuser (docs/operations.md, "Split hosts", step 1).
        postgres.execute("postgres", "create role " + OWNER + " login password 'desk-password'",
                "create role " + INTAKE_ROLE + " login password 'intake-password'",
                "create database " + DATABASE + " owner " + OWNER);

        // The intake started before the desk has migrated: refused, and nothing written.
        Path intakeData = Files.createDirectories(work.resolve("intake-data"), java.nio.file.attribute.PosixFilePermissions
                .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        tooEarly = RunningPortal.startRefused(intakeData, work.resolve("intake-tmp"), intakeEnvironment());
        tooEarlyData = RunningPortal.contents(intakeData);

        desk = RunningPortal.start(work.resolve("desk-data"), work.resolve("desk-tmp"), deskEnvironment());
        Seed seed = Seed.into(postgres.jdbcUrl(DATABASE, OWNER));
        Seed.Investigator investigator = seed.addInvestigator("ines", INES_PASSWORD, INES_PASSPHRASE.toCharArray());
        seed.addPublishedChannel("fraud", Seed.sampleQuestionnaire(1024 * 1024), true, 1024 * 1024, investigator.id());

        grants = postgres.psql(DATABASE, List.of("-v", "intake_role=" + INTAKE_ROLE, "-f",
                Path.of("postgresql/roles.sql").toAbsolutePath().toString()));
        intake = RunningPortal.start(intakeData, work.resolve("intake-tmp"), intakeEnvironment());
        whistleblower = person("whistleblower");
        ines = person("ines");
    }

    private static Map<String, String> deskEnvironment() {
        Map<String, String> environment = new HashMap<>(postgres.portalEnvironment(DATABASE, OWNER, "desk-password"));
        environment.put("CANDOR_ROLES", "desk,oversight,admin");
        environment.put("CANDOR_BLOBS_STORE", "database");
        return environment;
    }

    private static Map<String, String> intakeEnvironment() {
        Map<String, String> environment = new HashMap<>(postgres.portalEnvironment(DATABASE, INTAKE_ROLE, "intake-password"));
        environment.put("CANDOR_ROLES", "intake");
        environment.put("CANDOR_BLOBS_STORE", "database");
        return environment;
    }

    private static Person person(String name) throws Exception {
        return Person.withoutJavaScript(work, name);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Person p : new Person[] {whistleblower, ines}) {
            if (p != null) {
                p.quit();
            }
        }
        PrivatePostgres.stopAfter(postgres, intake, desk);
    }

    @Test
    @Order(1)
    void anIntakeStartedBeforeTheDeskMigratedRefusesInOneLineAndWritesNothing() {
        assertEquals("Candor refuses to start: the database schema is at version 0 (no schema yet), this intake needs " + LATEST + ":"
                + " run the migrations from the desk host first (start its portal of this release), then start this one again",
                tooEarly.line(), tooEarly.console());
        assertFalse(tooEarly.served());
        assertEquals(List.of(" rwx------"), tooEarlyData, "the intake's data directory is still empty");
    }

    @Test
    @Order(2)
    void theDeskMigratesTheIntakeOnlyChecksTheVersionAndHoldsOnlyItsOwnKeys() throws Exception {
        assertTrue(desk.output().contains("Database schema at version " + LATEST + " (" + LATEST + " migrations applied now)"),
                desk.output());
        assertTrue(intake.output().contains("Database schema at version " + LATEST + " (migrated by another host)"), intake.output());
        assertTrue(desk.setupLink().isPresent(), "the desk, which serves admin, offers the first-run setup");
        assertTrue(intake.setupLink().isEmpty());
        assertEquals(List.of("form-token.key", "reply-code-pepper.key"), names(work.resolve("intake-data/keys")));
        assertTrue(names(work.resolve("desk-data/keys")).contains("staff-secrets.key"), names(work.resolve("desk-data/keys")).toString());
        assertTrue(grants.contains("case_item") && grants.contains("only_columns"), grants);
    }

    @Test
    @Order(3)
    void aWhistleblowerReportsOnTheIntakeWithoutJavaScript() throws Exception {
        whistleblower.open(intake.url("/?lang=en").toString(), "Report wrongdoing");
        whistleblower.click(By.linkText("Fraud fraud"), "Fraud fraud");
        whistleblower.fill("what", PLAIN_REPORT);
        whistleblower.fill("where", "Head office");
        whistleblower.click(By.cssSelector("input[name=when][value=yes]"));
        whistleblower.attach("evidence", Files.write(work.resolve("ledger.csv"), LEDGER));
        TimeUnit.SECONDS.sleep(3); // the portal refuses forms sent faster than a person fills them in
        whistleblower.submit("Send the report", "Your report was received");
        replyCode = whistleblower.text("#reply-code");
        assertTrue(replyCode.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){6}"), replyCode);
        assertTrue(whistleblower.text("main").contains("encrypted on arrival at the server"), whistleblower.text("main"));
    }

    @Test
    @Order(4)
    void anotherReportsOnTheIntakeSealedInTheBrowser() throws Exception {
        ChromeDriver browser = Browser.withJavaScript(work.resolve("sealing-browser"), "Mozilla/5.0 (split test)");
        try {
            browser.get(intake.url("/report/fraud").toString());
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id("sealed")));
            browser.findElement(By.id("what")).sendKeys(SEALED_REPORT);
            browser.findElement(By.cssSelector("input[name=when][value=no]")).click();
            TimeUnit.SECONDS.sleep(3);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(90)).until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-code")));
            assertTrue(browser.findElement(By.tagName("main")).getText().contains("encrypted in your browser"));
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(5)
    void theWhistleblowerSignsInOnTheIntakeWithTheReplyCodeDownloadsTheFileAndSendsAMessage() throws Exception {
        whistleblower.open(intake.url("/contact").toString(), "Come back with your reply code");
        whistleblower.fill("code", replyCode);
        whistleblower.submit("Sign in", "Your report and the conversation");
        assertTrue(whistleblower.text("main").contains(PLAIN_REPORT), "the intake opens the report with the code");
        assertArrayEquals(LEDGER, whistleblower.download(By.linkText("ledger.csv"), "ledger.csv"),
                "the intake decrypts the report's file for the whistleblower");
        whistleblower.fill("text", MESSAGE);
        whistleblower.submit("Send the message", "Your report and the conversation");
        assertEquals("Your message was encrypted and sent.", whistleblower.text("#notice"));
    }

    @Test
    @Order(6)
    void theInvestigatorReadsBothReportsAndTheMessageOnTheDesk() throws Exception {
        ines.open(desk.url("/desk").toString(), "Staff sign-in");
        ines.signInAndEnrol("ines", INES_PASSWORD, "Desk");
        ines.unlockKey(desk.url("/desk/key").toString(), INES_PASSPHRASE);
        ines.open(desk.url("/desk/cases").toString(), "Your cases");
        List<WebElement> rows = ines.browser().findElements(By.cssSelector("#case-list tbody tr"));
        assertEquals(2, rows.size(), "both reports made on the intake are on the desk: " + ines.text("main"));
        List<String> links = rows.stream().map(row -> row.findElement(By.tagName("a")).getDomAttribute("href")).toList();
        StringBuilder read = new StringBuilder();
        for (String link : links) {
            ines.open(desk.url(link).toString(), heading(link));
            read.append(ines.text("main")).append('\n');
            if (ines.text("main").contains(PLAIN_REPORT)) {
                plainCase = link;
            }
        }
        assertTrue(read.toString().contains(PLAIN_REPORT), read.toString());
        assertTrue(read.toString().contains(SEALED_REPORT), read.toString());
        assertTrue(read.toString().contains(MESSAGE), "the message sent on the intake: " + read);
    }

    @Test
    @Order(7)
    void theWhistleblowerAppealsTheOutcomeOnTheIntake() throws Exception {
        ines.open(desk.url(plainCase).toString(), heading(plainCase));
        for (String[] step : new String[][] {{"Acknowledge receipt", "Acknowledged"}, {"Start the assessment", "In assessment"},
                {"Start the investigation", "In investigation"}}) {
            ines.submit(step[0], heading(plainCase));
            assertEquals(step[1], ines.text("#case-status"), step[0]);
        }
        ines.click(By.cssSelector("#conclude > summary"));
        ines.click(By.id("outcome-SUBSTANTIATED"));
        ines.fill("grounds", "The invoice was paid twice; the money was recovered.");
        ines.submit("Conclude the case", heading(plainCase));
        assertEquals("Concluded", ines.text("#case-status"));

        whistleblower.click(By.linkText("Status and deadlines"), "Status and deadlines");
        assertEquals("The invoice was paid twice; the money was recovered.", whistleblower.text("#outcome-grounds"));
        whistleblower.fill("text", "Nobody asked who approved the second payment.");
        whistleblower.submit("Send the appeal", "Status and deadlines");
        assertEquals("Your appeal of " + CaseJourneyIT.longDay(LocalDate.now(ZoneOffset.UTC)) + " is waiting for the oversight's decision.",
                whistleblower.text("#appeal-state"), "the intake filed the appeal");

        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(DATABASE, OWNER)); Statement s = c.createStatement();
                ResultSet appeals = s.executeQuery("select a.state, count(i.id) from appeal a join case_item i on i.case_id = a.case_id"
                        + " and i.kind = 'APPEAL' group by a.state")) {
            assertTrue(appeals.next());
            assertEquals("PENDING", appeals.getString(1), "the appeal row, for oversight on the desk host");
            assertEquals(1, appeals.getLong(2), "and its sealed reasons");
        }
    }

    @Test
    @Order(9)
    void aSingleIntakeKeepsItsBudgetsInMemoryNotAsPerMinuteCountsInTheDatabase() throws Exception {
        // Reports, sign-ins and an appeal have been charged to the budgets by now; without
        // candor.budgets.shared (several instances), none of it may leave a minute's count at rest.
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(DATABASE, OWNER)); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select count(*) from budget_window")) {
            rows.next();
            assertEquals(0, rows.getLong(1), "budget_window rows would say in which minute reports arrived");
        }
    }

    @Test
    @Order(8)
    void theIntakesRoleMayNotReadStaffSecretsWriteTheAuditLogChangeTheSchemaOrDeleteCases() throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(DATABASE, INTAKE_ROLE)); Statement s = c.createStatement()) {
            try (ResultSet cases = s.executeQuery("select count(*) from case_file")) {
                cases.next();
                assertEquals(2, cases.getLong(1), "the intake reads the cases it needs to find by reply code");
            }
            for (String attempt : List.of(
                    "select password_hash from staff_member",
                    "select totp_secret_sealed from staff_member",
                    "select * from staff_member",
                    "select * from staff_recovery_code",
                    "select * from staff_invitation",
                    "select * from setup_token",
                    "select locked_secret from investigator_key",
                    "select details from audit_entry",
                    "insert into audit_entry (seq, recorded_at, actor_kind, action, details, key_id, prev_hash, entry_hash,"
                            + " signature) values (999, now(), 'system', 'X', '', 'k', 'p', 'h', 's')",
                    "update audit_head set last_seq = 0",
                    "create table intake_was_here (id integer)",
                    "create temporary table intake_was_here (id integer)",
                    "alter table case_file add column intake_was_here integer",
                    "alter table staff_member disable trigger all",
                    "drop table used_form_token",
                    "delete from case_file",
                    "delete from case_item",
                    "update case_file set status = 'CONCLUDED'",
                    "update channel_recipient set staff_id = 'x'")) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(attempt), attempt);
                assertEquals("42501", refused.getSQLState(), attempt + ": " + refused.getMessage());
            }
        }
        // the public transparency page on the intake publishes the audit log's signed head, read by its own columns
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        assertEquals(200, http.send(java.net.http.HttpRequest.newBuilder(intake.url("/transparency")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode());
        java.net.http.HttpResponse<String> head = http.send(java.net.http.HttpRequest.newBuilder(
                intake.url("/transparency/audit-head.txt")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode(), head.body());
        assertTrue(head.body().contains("candor-audit-head-v1"), head.body());
        // what a user would notice: nothing changed on the desk
        ines.open(desk.url("/desk/cases").toString(), "Your cases");
        assertEquals(2, ines.browser().findElements(By.cssSelector("#case-list tbody tr")).size());
    }

    /** The heading of a case page: "Case" and the first eight characters of its id. */
    private static String heading(String casePath) {
        String id = casePath.substring(casePath.lastIndexOf('/') + 1);
        return "Case " + id.substring(0, 8);
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static int latestMigration() {
        try (Stream<Path> files = Files.list(Path.of("../portal-web/src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
