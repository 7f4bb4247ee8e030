package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.candor.portal.it.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input at start, as an operator gets it wrong: each is refused with one line that says what
 * to mend, no page is served, and the data directory is left exactly as it was (no key file made,
 * no mode changed, no database opened). A wrong database URL, one of another kind, a database
 * that does not exist; a data directory that is a file, or one the portal cannot write; roles that
 * make no sense; a port another program holds; and a desk host whose staff key file is gone while
 * staff members have a second factor sealed with it. Each time the process ends with exit status 1, so
 * that a service manager sees the failure. (A key file others can read is SplitKeysIT's; a schema behind the
 * intake's code is SplitHostsIT's.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StartChecksIT {

    private static final String DATABASE = "candor_it_split";
    private static final Map<String, String> DESK = Map.of("CANDOR_ROLES", "desk,oversight,admin");

    @TempDir
    static Path work;

    private static PrivatePostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PrivatePostgres.start(Path.of("target").toAbsolutePath().resolve("pg-start-checks-" + UUID.randomUUID()));
        postgres.execute("postgres", "create database " + DATABASE);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void aDatabaseThatDoesNotAnswerIsRefusedInOneLine() throws Exception {
        int nobodyListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListens = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + nobodyListens + "/candor";
        String line = refusedWithNothingWritten("unreachable", Map.of("CANDOR_DB_URL", url + "?password=never-printed",
                "CANDOR_DB_USER", "candor"));
        assertTrue(line.startsWith("Candor refuses to start: the database at " + url + " cannot be reached ("), line);
        assertTrue(line.endsWith("check candor.db.url and that PostgreSQL runs and accepts connections from this host"), line);
    }

    @Test
    @Order(2)
    void aUrlOfAnotherDatabaseIsRefused() throws Exception {
        String line = refusedWithNothingWritten("mysql", Map.of("CANDOR_DB_URL", "jdbc:mysql://db.example/candor"));
        assertEquals("Candor refuses to start: candor.db.url must start with jdbc:h2: or jdbc:postgresql:,"
                + " not jdbc:mysql://db.example/candor", line);
    }

    @Test
    @Order(3)
    void aDatabaseThatDoesNotExistIsRefused() throws Exception {
        Map<String, String> environment = new HashMap<>(postgres.portalEnvironment("candor_it_split_missing", "candor", ""));
        String line = refusedWithNothingWritten("missing-database", environment);
        assertTrue(line.startsWith("Candor refuses to start: the database named in jdbc:postgresql://127.0.0.1:" + postgres.port()
                + "/candor_it_split_missing does not exist"), line);
    }

    @Test
    @Order(4)
    void aDataDirectoryThatIsAFileIsRefused() throws Exception {
        Path data = work.resolve("a-file");
        Files.writeString(data, "not a folder");
        String line = refused(data, postgres.portalEnvironment(DATABASE, "candor", ""));
        assertEquals("Candor refuses to start: the data directory " + data + " is not a folder; set candor.data.dir to a"
                + " folder of its own", line);
        assertEquals("not a folder", Files.readString(data));
    }

    @Test
    @Order(5)
    void aDataDirectoryThePortalCannotWriteIsRefused() throws Exception {
        Path data = Files.createDirectories(work.resolve("immutable"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        // the tests run as root, whom no mode stops: the immutable flag does
        Process chattr = new ProcessBuilder("chattr", "+i", data.toString()).redirectErrorStream(true).start();
        assumeTrue(chattr.waitFor() == 0 && !Files.isWritable(data), "the file system has no immutable flag here");
        try {
            List<String> before = RunningPortal.contents(data);
            String line = refused(data, postgres.portalEnvironment(DATABASE, "candor", ""));
            assertTrue(line.startsWith("Candor refuses to start: the folder " + data + " cannot be written by the portal's user"),
                    line);
            assertEquals(before, RunningPortal.contents(data));
        } finally {
            new ProcessBuilder("chattr", "-i", data.toString()).start().waitFor();
        }
    }

    @Test
    @Order(6)
    void rolesThatMakeNoSenseAreRefused() throws Exception {
        Map<String, String> none = new HashMap<>(postgres.portalEnvironment(DATABASE, "candor", ""));
        none.put("CANDOR_ROLES", " "); // an empty variable reads as unset, and the default serves every role
        assertEquals("Candor refuses to start: candor.roles names no role: give one or more of intake, desk, oversight, admin",
                refusedWithNothingWritten("no-role", none));
        Map<String, String> unknown = new HashMap<>(none);
        unknown.put("CANDOR_ROLES", "intake,deks");
        assertEquals("Candor refuses to start: candor.roles: unknown role 'deks' (use intake, desk, oversight, admin)",
                refusedWithNothingWritten("unknown-role", unknown));
    }

    @Test
    @Order(7)
    void aDeskWithoutItsStaffKeyFileWhileStaffHaveASecondFactorRefusesToStart() throws Exception {
        Path data = work.resolve("desk");
        Map<String, String> environment = new HashMap<>(postgres.portalEnvironment(DATABASE, "candor", ""));
        environment.putAll(DESK);
        RunningPortal.start(data, work.resolve("tmp"), environment).close(); // migrates, makes staff-secrets.key
        Path key = data.resolve("keys/staff-secrets.key");
        assertTrue(Files.exists(key));
        Seed.Investigator ines = Seed.into(postgres.jdbcUrl(DATABASE)).addInvestigator("ines", "harbour lantern quiver oak",
                "ines unlocks her cases".toCharArray());
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(DATABASE)); Statement s = c.createStatement()) {
            // what a first sign-in leaves: the TOTP seed sealed with the staff key (any sealed value serves here)
            s.executeUpdate("update staff_member set totp_secret_sealed = 'c2VhbGVk' where id = '" + ines.id() + "'");
        }
        Files.delete(key);
        List<String> before = RunningPortal.contents(data);

        RunningPortal.Refusal refusal = RunningPortal.startRefused(data, work.resolve("tmp"), environment);

        assertEquals("Candor refuses to start: the key file " + key + " is missing, but staff accounts have their second"
                + " factor sealed with it (1 of them); a new key would lock every one of them out. Restore the file from a backup or copy"
                + " it from another host of this installation serving the same role (owner-only: chmod 600), or set"
                + " candor.secrets.dir to the folder that holds it", refusal.line(), refusal.console());
        assertFalse(refusal.served(), "no page is served");
        assertEquals(java.util.Optional.of(1), refusal.exitStatus(), "the process ends with status 1:\n" + refusal.console());
        assertEquals(before, RunningPortal.contents(data), "no new key was made");
    }

    @Test
    @Order(8)
    void aPortAnotherProgramHoldsIsRefusedBeforePayaraMicroStarts() throws Exception {
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            Map<String, String> environment = new HashMap<>(postgres.portalEnvironment(DATABASE, "candor", ""));
            environment.put("CANDOR_MANAGEMENT_PORT", Integer.toString(other.getLocalPort()));
            String line = refusedWithNothingWritten("port-taken", environment);
            assertTrue(line.startsWith("Candor refuses to start: port " + other.getLocalPort() + " on 127.0.0.1 (the management"
                    + " listener, CANDOR_MANAGEMENT_PORT) cannot be listened on ("), line);
            assertTrue(line.endsWith("): stop the program that holds it, or choose another port"), line);
        }
    }

    /** A start in a fresh, private data directory that must be refused; checks the directory is left as it was. */
    private static String refusedWithNothingWritten(String name, Map<String, String> environment) throws Exception {
        Path data = Files.createDirectories(work.resolve(name), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        List<String> before = RunningPortal.contents(data);
        String line = refused(data, environment);
        assertEquals(before, RunningPortal.contents(data), "a refused start wrote nothing into the data directory");
        return line;
    }

    /** Starts the bundle, which must refuse: returns the refusal's one line; no page may be served. */
    private static String refused(Path data, Map<String, String> environment) throws Exception {
        RunningPortal.Refusal refusal = RunningPortal.startRefused(data, work.resolve("tmp"), environment);
        assertFalse(refusal.served(), "a page was served:\n" + refusal.console());
        assertFalse(refusal.line().isEmpty(), "no refusal line:\n" + refusal.console());
        assertEquals(java.util.Optional.of(1), refusal.exitStatus(),
                "the process ends with status 1, for a service manager to see:\n" + refusal.console());
        return refusal.line();
    }
}
