package org.candor.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.candor.portal.it.Seed;
import org.candor.portal.platform.persistence.EmbeddedDatabase;

/**
 * The runnable bundle (target/candor.jar) started as an operator starts it, in its own
 * process, with its own data directory and temporary directory, on a free port.
 */
final class RunningPortal implements AutoCloseable {

    private static final Pattern SETUP_LINK = Pattern.compile("(http://localhost:\\d+/setup/[A-Za-z0-9_-]{43})");
    /** Generous: on a build machine shared by several builds, a start has taken over four minutes. */
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(8);
    /** Payara Micro's line once it serves ("... ready in 12,139 (ms)"), not any text with "ready in" in it. */
    private static final Pattern READY = Pattern.compile("Payara Micro [^\n]* ready in [0-9]");
    /** How long a portal that refused to start may take to end its process. */
    private static final Duration REFUSAL_LIMIT = Duration.ofMinutes(2);

    /** A start that did not become ready: what the portal printed, and its exit status if it ended by itself. */
    static final class StartFailed extends IllegalStateException {
        private final Integer exitStatus;

        StartFailed(String what, Integer exitStatus, String console) {
            super(what + (exitStatus == null ? " (still running, killed)" : " (exit status " + exitStatus + ")") + ":\n" + console);
            this.exitStatus = exitStatus;
        }

        /** The process's exit status, or empty when it did not end by itself and had to be killed. */
        java.util.Optional<Integer> exitStatus() {
            return java.util.Optional.ofNullable(exitStatus);
        }
    }

    private final Process process;
    private final int port;
    private final int managementPort;
    private final List<String> output = new ArrayList<>();
    private final long startupMillis;
    private final Thread reader;

    private RunningPortal(Path dataDir, Path tempDir, Map<String, String> environment, List<String> jvmOptions, String umask)
            throws IOException, InterruptedException {
        this.port = freePort();
        this.managementPort = freePort();
        Path bundle = Path.of(System.getProperty("candor.bundle", "target/candor.jar"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        if (umask != null) {
            command.addAll(List.of("/bin/sh", "-c", "umask " + umask + " && exec \"$0\" \"$@\""));
        }
        command.addAll(List.of(java.toString(), "--add-modules=jdk.incubator.vector", "-Djava.io.tmpdir=" + tempDir));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", bundle.toString(), "--port", Integer.toString(port)));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("CANDOR_DATA_DIR", dataDir.toString());
        builder.environment().put("CANDOR_PUBLIC_URL", "http://localhost:" + port);
        builder.environment().put("CANDOR_MANAGEMENT_PORT", Integer.toString(managementPort));
        environment.forEach((name, value) -> builder.environment().put(name, value.replace("{port}", Integer.toString(port))));
        builder.redirectErrorStream(true);
        long started = System.nanoTime();
        process = builder.start();
        reader = new Thread(this::collectOutput, "portal-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = started + STARTUP_LIMIT.toNanos();
        while (true) {
            String console = output();
            if (console.contains("Candor refuses to start") || console.contains("Candor did not start")) {
                // The launcher ends the process once Payara Micro has given up on the portal (Payara Micro
                // still says it is ready); one that goes on running without it is killed, and reported
                // with no exit status.
                boolean ended = process.waitFor(REFUSAL_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                reader.join(10_000);
                Integer status = ended ? process.exitValue() : null;
                close();
                throw new StartFailed("the portal refused to start", status, output());
            }
            if (!process.isAlive()) {
                reader.join(10_000); // what it printed last, up to its end
                throw new StartFailed("the portal stopped while starting", process.exitValue(), output());
            }
            if (READY.matcher(console).find()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("the portal did not start within " + STARTUP_LIMIT + ":\n" + output());
            }
            Thread.sleep(200);
        }
        startupMillis = (System.nanoTime() - started) / 1_000_000;
    }

    /** The JDBC URL of the bundle's embedded H2 database in a data folder, for seeding and checking while it is stopped. */
    static String databaseUrl(Path dataDir) {
        return EmbeddedDatabase.url(dataDir) + ";USER=candor";
    }

    /** Where the bundle keeps a blob in a data folder (the blob store shards by the id's first two characters). */
    static Path blob(Path dataDir, String id) {
        return dataDir.resolve("blobs").resolve(id.substring(0, 2)).resolve(id);
    }

    /**
     * Starts the bundle once on a new data folder, so that it makes its schema and keys, stops it,
     * and returns a {@link Seed} for its embedded database: what a test puts there is what the
     * next start finds.
     */
    static Seed seedBeforeStart(Path dataDir, Path tempDir) throws IOException, InterruptedException {
        start(dataDir, tempDir).close();
        return Seed.into(databaseUrl(dataDir));
    }

    /** Starts the bundle and waits until Payara Micro says it is ready. */
    static RunningPortal start(Path dataDir, Path tempDir) throws IOException, InterruptedException {
        return start(dataDir, tempDir, Map.of(), List.of());
    }

    /** Starts the bundle with more environment (for example {@code CANDOR_ROLES}) and waits until it is ready. */
    static RunningPortal start(Path dataDir, Path tempDir, Map<String, String> environment)
            throws IOException, InterruptedException {
        return start(dataDir, tempDir, environment, List.of());
    }

    /**
     * Starts the bundle with extra environment variables ({@code {port}} in a value stands for the
     * port it gets) and Java options, as an operator's service unit would.
     */
    static RunningPortal start(Path dataDir, Path tempDir, Map<String, String> environment, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Files.createDirectories(tempDir);
        return new RunningPortal(dataDir, tempDir, environment, jvmOptions, null);
    }

    /**
     * What a start that ought to be refused showed: everything on the console, and whether a page
     * was served all the same (Payara Micro may say it is ready though the portal refused).
     */
    record Refusal(String console, boolean served, java.util.Optional<Integer> exitStatus) {
        private static final Pattern LINE = Pattern.compile("Candor refuses to start: [^\n]*");

        /** The refusal's line, from "Candor refuses to start:" to its end, or an empty string. */
        String line() {
            Matcher m = LINE.matcher(console);
            return m.find() ? m.group() : "";
        }
    }

    /** Starts the bundle expecting it to refuse; reports quickly either way, and never leaves it running. */
    static Refusal startRefused(Path dataDir, Path tempDir, Map<String, String> environment)
            throws IOException, InterruptedException {
        Files.createDirectories(tempDir);
        RunningPortal portal;
        try {
            portal = new RunningPortal(dataDir, tempDir, environment, List.of(), null);
        } catch (StartFailed refused) {
            return new Refusal(refused.getMessage(), false, refused.exitStatus());
        }
        try (portal) {
            boolean served;
            try {
                // Payara Micro answers "/" itself when no application is deployed: the portal's own pages carry its policy
                java.net.http.HttpResponse<Void> home = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(portal.url("/")).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
                served = home.statusCode() == 200 && home.headers().firstValue("Content-Security-Policy").isPresent();
            } catch (IOException unreachable) {
                served = false;
            }
            return new Refusal(portal.output(), served, java.util.Optional.empty());
        }
    }

    /**
     * Everything a folder holds, one line a path: its mode, and for a file its size, time and
     * SHA-256; to tell that a refused start wrote nothing. A missing folder is one line that says so.
     */
    static List<String> contents(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of("(no " + folder + ")");
        }
        List<String> lines = new ArrayList<>();
        try (java.util.stream.Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted().toList()) {
                String line = folder.relativize(p) + " " + java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(p, java.nio.file.LinkOption.NOFOLLOW_LINKS));
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        line += " " + Files.size(p) + " " + Files.getLastModifiedTime(p) + " " + java.util.HexFormat.of().formatHex(
                                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
                    } catch (java.security.NoSuchAlgorithmException e) {
                        throw new IllegalStateException(e);
                    }
                }
                lines.add(line);
            }
        }
        return lines;
    }

    /** Starts the bundle as a service manager with the given umask (for example "022") would start it. */
    static RunningPortal startWithUmask(Path dataDir, Path tempDir, String umask) throws IOException, InterruptedException {
        Files.createDirectories(tempDir);
        return new RunningPortal(dataDir, tempDir, Map.of(), List.of(), umask);
    }

    private void collectOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                }
            }
        } catch (IOException ended) {
            // the process went away
        }
    }

    /** Everything the portal printed so far (its console). */
    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** The setup link printed on the console at this start, if any. */
    Optional<String> setupLink() {
        Matcher m = SETUP_LINK.matcher(output());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    int port() {
        return port;
    }

    /** An address on the management listener (health, metrics), which listens on loopback only. */
    URI managementUrl(String path) {
        return URI.create("http://localhost:" + managementPort + path);
    }

    int managementPort() {
        return managementPort;
    }

    long startupMillis() {
        return startupMillis;
    }

    /** The resident memory of the portal's process, in MiB, as the kernel reports it. */
    long residentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** Kills the portal's process at once (SIGKILL), as a power cut or the out-of-memory killer would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the portal survived SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
