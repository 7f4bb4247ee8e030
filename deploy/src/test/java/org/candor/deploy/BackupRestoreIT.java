package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.candor.crypto.Opener;
import org.candor.crypto.UnlockedKey;
import org.candor.portal.casefile.ReportContents;
import org.candor.portal.it.Browserless;
import org.candor.portal.it.Seed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup drill an operator runs before trusting it: a report is made, the installation is
 * backed up with {@code candor backup} sealed to the operator's GnuPG key, the data directory is
 * gone, GnuPG decrypts the backup and {@code candor restore} puts it into a fresh directory; then
 * the whistleblower's reply code opens their conversation, the investigator's key opens the
 * report, and the audit chain verifies. The backup file holds no key file and no report in clear.
 * The drill runs on the embedded H2 database and on PostgreSQL (a cluster of the test's own; the
 * backup is restored into a new, empty database of it).
 */
class BackupRestoreIT {

    private static final String CANARY = "backupdrill" + Long.toHexString(System.nanoTime());
    private static final char[] PASSPHRASE = "ines keeps her key".toCharArray();

    @TempDir
    static Path work;

    /** Where an installation keeps its database: the environment its processes get, and a JDBC URL to check it. */
    private record Database(Map<String, String> environment, String jdbcUrl) {

        Map<String, String> with(Path data) {
            Map<String, String> all = new HashMap<>(environment);
            all.put("CANDOR_DATA_DIR", data.toString());
            return all;
        }
    }

    @Test
    void aRestoredBackupOnH2OpensWithTheSameCodesKeysAndAuditChain() throws Exception {
        Path folder = work.resolve("h2");
        drill(folder, new Database(Map.of(), RunningPortal.databaseUrl(folder.resolve("data"))),
                new Database(Map.of(), RunningPortal.databaseUrl(folder.resolve("restored"))));
    }

    @Test
    void aRestoredBackupOnPostgreSqlOpensWithTheSameCodesKeysAndAuditChain() throws Exception {
        try (PrivatePostgres postgres = PrivatePostgres.start(Path.of("target").toAbsolutePath().resolve("pg-backup"))) {
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres")); Statement s = c.createStatement()) {
                s.execute("create database restored");
            }
            Map<String, String> restored = new HashMap<>(postgres.portalEnvironment());
            restored.put("CANDOR_DB_URL", restored.get("CANDOR_DB_URL").replace("/candor", "/restored"));
            drill(work.resolve("postgresql"), new Database(postgres.portalEnvironment(), postgres.jdbcUrl("candor")),
                    new Database(restored, postgres.jdbcUrl("restored")));
        }
    }

    private static void drill(Path work, Database database, Database restoredDatabase) throws Exception {
        Path data = work.resolve("data");
        RunningPortal.start(data, work.resolve("tmp"), database.environment()).close(); // creates the schema and the key files
        Seed seed = Seed.into(database.jdbcUrl());
        Seed.Investigator ines = seed.addInvestigator("ines", "a long sign-in password", PASSPHRASE);
        seed.addPublishedChannel("fraud", Seed.sampleQuestionnaire(1024 * 1024), true, 1024 * 1024, ines.id());

        String code;
        try (RunningPortal portal = RunningPortal.start(data, work.resolve("tmp"), database.environment())) {
            code = report(portal);
            // Her sign-in and second factor are the audit log's first entries.
            new Browserless(portal.url("/").toURL()).signInStaff("ines", "a long sign-in password");
        }

        // The operator's key lives in GnuPG; Candor gets only its public part.
        Path gnupgHome = Files.createDirectories(work.resolve("gnupg"));
        Files.setPosixFilePermissions(gnupgHome, PosixFilePermissions.fromString("rwx------"));
        gpg(gnupgHome, null, "--batch", "--passphrase", "", "--quick-gen-key", "Operator <operator@example.org>",
                "future-default", "default", "never");
        Path operatorKey = work.resolve("operator.asc");
        Files.write(operatorKey, gpg(gnupgHome, null, "--armor", "--export", "operator@example.org"));

        Path backup = work.resolve("candor.backup.pgp");
        Result made = tool(database.with(data), "backup", "--to", backup.toString(),
                "--operator-key", operatorKey.toString());
        assertEquals(0, made.exitCode(), made.output());
        byte[] sealed = Files.readAllBytes(backup);
        for (Path keyFile : filesUnder(data.resolve("keys"))) {
            byte[] secret = Files.readAllBytes(keyFile);
            assertFalse(contains(sealed, Arrays.copyOf(secret, Math.min(24, secret.length))), keyFile + " is in the backup in clear");
        }
        assertFalse(contains(sealed, CANARY.getBytes(StandardCharsets.UTF_8)));
        Result second = tool(database.with(data), "backup", "--to", backup.toString(),
                "--operator-key", operatorKey.toString());
        assertEquals(2, second.exitCode(), second.output());
        assertArrayEquals(sealed, Files.readAllBytes(backup), "an existing backup file is never overwritten");

        // The machine is gone; GnuPG opens the backup, and it is restored into a new directory.
        Path restored = work.resolve("restored");
        Path archive = work.resolve("candor.backup.zip");
        Files.write(archive, gpg(gnupgHome, backup, "--batch", "--decrypt"));
        Result restore = tool(restoredDatabase.with(restored), "restore", "--from", archive.toString());
        assertEquals(0, restore.exitCode(), restore.output());
        Result again = tool(restoredDatabase.with(restored), "restore", "--from", archive.toString());
        assertEquals(2, again.exitCode(), "a restore over an installation must be refused: " + again.output());
        assertTrue(again.output().contains("restore into a new"), again.output());
        for (Path keyFile : filesUnder(restored.resolve("keys"))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)), keyFile.toString());
        }

        Result audit = java("org.candor.portal.audit.AuditVerifier", restoredDatabase.with(restored));
        assertEquals(0, audit.exitCode(), "the restored audit chain verifies:\n" + audit.output());
        Matcher checked = Pattern.compile("Audit log intact: (\\d+) entries checked").matcher(audit.output());
        assertTrue(checked.find() && Integer.parseInt(checked.group(1)) >= 2, audit.output());

        assertEquals(List.of("The " + CANARY + " account was emptied."), reportOpenedBy(ines, restored, restoredDatabase.jdbcUrl()).answers().get("what"),
                "the investigator's key opens the restored report");

        try (RunningPortal portal = RunningPortal.start(restored, work.resolve("tmp-restored"), restoredDatabase.environment())) {
            Browserless whistleblower = new Browserless(portal.url("/").toURL());
            HttpResponse<String> signedIn = whistleblower.post("/contact", "code", code);
            assertEquals(303, signedIn.statusCode(), "the reply code opens the restored case");
            HttpResponse<String> conversation = whistleblower.follow(signedIn);
            assertEquals(200, conversation.statusCode());
        }
    }

    private static String report(RunningPortal portal) throws Exception {
        Browserless whistleblower = new Browserless(portal.url("/").toURL());
        HttpResponse<String> form = whistleblower.get("/report/fraud");
        Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(form.body());
        assertTrue(token.find(), form.body());
        TimeUnit.SECONDS.sleep(3); // the portal refuses forms sent faster than a person fills them in
        HttpResponse<String> received = whistleblower.multipart("/report/fraud",
                List.of("token", token.group(1), "what", "The " + CANARY + " account was emptied.", "when", "no"),
                "evidence", "ledger.csv", ("amount," + CANARY + "\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, received.statusCode(), received.body());
        return Browserless.byId(received, "reply-code");
    }

    private static ReportContents reportOpenedBy(Seed.Investigator investigator, Path data, String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select blob_id from case_item where kind = 'REPORT'");
                UnlockedKey key = investigator.key().unlock(PASSPHRASE)) {
            assertTrue(rows.next(), "the restored database holds the report");
            try (InputStream in = Files.newInputStream(RunningPortal.blob(data, rows.getString(1)))) {
                return ReportContents.fromJson(Opener.with(key).openAll(in, 1 << 20));
            }
        }
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs {@code candor backup} or {@code candor restore} as the launcher does: the portal's classes in their own JVM. */
    private static Result tool(Map<String, String> env, String... args) throws Exception {
        return java("org.candor.portal.platform.backup.Backups", env, args);
    }

    private static Result java(String mainClass, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-da:org.h2...", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private static byte[] gpg(Path home, Path input, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--quiet"));
        command.addAll(List.of(args));
        if (input != null) {
            command.add(input.toString());
        }
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertEquals(0, process.waitFor(), "gpg " + String.join(" ", args));
        return output;
    }
}
