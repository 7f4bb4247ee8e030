package org.candor.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own, in a folder under target/, on a free loopback port,
 * so that a test can crash and restart it without touching the machine's shared server. Uses
 * Debian's server binaries ({@code /usr/lib/postgresql/<version>/bin}); initdb refuses to run as
 * root, so as root the cluster runs as the unprivileged user {@code nobody} (through setpriv).
 */
final class PrivatePostgres implements AutoCloseable {

    private static final String USER = "candor";
    private final Path bin;
    private final Path folder;
    private final int port;
    private final boolean asNobody;

    private PrivatePostgres(Path bin, Path folder, int port, boolean asNobody) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
        this.asNobody = asNobody;
    }

    /** Makes a fresh cluster in {@code folder}, starts it, and creates the database {@code candor}. */
    static PrivatePostgres start(Path folder) throws Exception {
        Path bin = serverBinaries();
        boolean root = "0".equals(run(List.of("id", "-u")).strip());
        if (Files.exists(folder)) {
            deleteTree(folder);
        }
        Files.createDirectories(folder);
        if (root) {
            run(List.of("chown", "nobody", folder.toString()));
        }
        PrivatePostgres pg = new PrivatePostgres(bin, folder, freePort(), root);
        pg.as(List.of(bin.resolve("initdb").toString(), "-D", pg.data().toString(), "-U", USER, "--auth=trust",
                "-E", "UTF8", "--no-sync"));
        pg.start();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres")); Statement s = c.createStatement()) {
            s.execute("create database candor");
        }
        return pg;
    }

    /** The JDBC URL of a database of this cluster, with the user, as the tests use it. */
    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER + "&stringtype=unspecified";
    }

    /** The JDBC URL of a database of this cluster, signing in as another role (the server trusts every local sign-in). */
    String jdbcUrl(String database, String user) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + user + "&stringtype=unspecified";
    }

    /** What the portal is given to use a database of this cluster as a role of its own. */
    java.util.Map<String, String> portalEnvironment(String database, String user, String password) {
        return java.util.Map.of("CANDOR_DB_URL", "jdbc:postgresql://127.0.0.1:" + port + "/" + database,
                "CANDOR_DB_USER", user, "CANDOR_DB_PASSWORD", password);
    }

    int port() {
        return port;
    }

    /** Runs statements in a database of this cluster as its superuser, each on its own (CREATE DATABASE needs that). */
    void execute(String database, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl(database)); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /**
     * Runs psql against a database of this cluster as its superuser, as an operator would, with the
     * arguments given (for example {@code -v name=value -f script.sql}); returns what it printed.
     *
     * @throws IllegalStateException with its output when psql fails
     */
    String psql(String database, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(bin.resolve("psql").toString(), "-X", "-h", "127.0.0.1",
                "-p", Integer.toString(port), "-U", USER, "-d", database));
        command.addAll(arguments);
        return run(command);
    }

    /** What the portal is given to use the database {@code candor}. */
    java.util.Map<String, String> portalEnvironment() {
        return java.util.Map.of("CANDOR_DB_URL", "jdbc:postgresql://127.0.0.1:" + port + "/candor",
                "CANDOR_DB_USER", USER, "CANDOR_DB_PASSWORD", "");
    }

    /** Runs a file of SQL (a dump, a script an operator runs) with psql in a database of this cluster; stops at its first error. */
    void load(String database, Path sql) throws Exception {
        psql(database, List.of("-v", "ON_ERROR_STOP=1", "-q", "-f", sql.toAbsolutePath().toString()));
    }

    /**
     * Closes what ran on a cluster (portals, in the order given; nulls, which never started, are
     * skipped), then the cluster itself, even when one of them fails to close.
     */
    static void stopAfter(PrivatePostgres postgres, AutoCloseable... users) throws Exception {
        try {
            for (AutoCloseable user : users) {
                if (user != null) {
                    user.close();
                }
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** Stops the server as a crash would (no shutdown checkpoint, clients cut off), then starts it again. */
    void crashAndRestart() throws Exception {
        as(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop"));
        start();
    }

    private void start() throws Exception {
        as(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", folder.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1", "-w", "-t", "300", "start"));
    }

    private Path data() {
        return folder.resolve("data");
    }

    @Override
    public void close() throws Exception {
        try {
            as(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "stop"));
        } finally {
            deleteTree(folder);
        }
    }

    private String as(List<String> command) throws Exception {
        List<String> full = new ArrayList<>();
        if (asNobody) {
            full.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
        }
        full.addAll(command);
        return run(full);
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    private static Path serverBinaries() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", ""))))
                    .orElseThrow(() -> new IllegalStateException("the PostgreSQL server binaries are not installed"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
