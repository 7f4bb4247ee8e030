package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable bundle as a newcomer meets it: started with the embedded database, it prints a
 * one-time setup link, serves the portal on loopback only, keeps nothing of a request in its
 * log, and keeps its data across a restart. Its console shows no warning or error at either
 * start, and its transparency page shows the SHA-256 of the very file it runs from.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BundleIT {

    @TempDir
    static Path work;

    private static RunningPortal portal;
    private static String setupLink;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /**
     * Warnings a normal start prints that Candor cannot remove, each matched by its message so that any other
     * warning still fails:
     * the JVM's notice that the incubator module the launcher asks for (jdk.incubator.vector, for Lucene;
     * docs/operations.md, "Running") is in use, which no option turns off;
     * Payara's web security comparing the root context's path "" with the "/" of its deployment at the first
     * request, which it prints for every application deployed at the root;
     * and the information line that names the level SEVERE the bundle's pre-boot commands give two loggers.
     * (Payara Micro's notice about a runtime folder in the temporary folder is gone because the bundle names its own
     * folder; its notices about expired roots in its trust store and its own JACC provider are turned down to
     * SEVERE by the bundle's pre-boot commands: the portal makes no outgoing TLS connection and uses no JACC.)
     */
    private static final List<String> EXPECTED = List.of(
            "WARNING: Using incubator modules: jdk.incubator.vector",
            "Context path from ServletContext:  differs from path from bundle: /",
            "INFO: Boot Command set-log-levels returned with result SUCCESS");
    /** A level or prefix of a warning or error as Payara, the JVM, SLF4J and Log4j print them. */
    private static final Pattern WARNING_OR_ERROR = Pattern.compile("\\b(WARNING|WARN|SEVERE|ERROR|FATAL)\\b|SLF4J\\(W\\)");

    @BeforeAll
    static void start() throws Exception {
        portal = RunningPortal.start(work.resolve("data"), work.resolve("tmp"));
        System.out.printf("Bundle ready after %d ms; resident memory %d MiB%n",
                portal.startupMillis(), portal.residentMiB());
    }

    @AfterAll
    static void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    @Order(1)
    void printsAOneTimeSetupLinkAndServesThePortal() throws Exception {
        setupLink = portal.setupLink().orElseThrow(() -> new AssertionError("no setup link in:\n" + portal.output()));
        assertTrue(setupLink.startsWith("http://localhost:" + portal.port() + "/setup/"));

        HttpResponse<String> landing = get(portal.url("/"));
        assertEquals(200, landing.statusCode());
        assertTrue(landing.body().contains("Report wrongdoing"));
        assertTrue(landing.body().contains("No reporting channel is open yet"));

        HttpResponse<String> ready = get(portal.managementUrl("/health/ready"));
        assertEquals(200, ready.statusCode());
        assertTrue(ready.body().contains("\"status\":\"UP\""), ready.body());
        assertTrue(Files.exists(work.resolve("data/database/candor.mv.db")), "H2 keeps its file in the data directory");
        assertTrue(landing.headers().firstValue("X-Powered-By").isEmpty(), "the server does not name itself");
    }

    @Test
    @Order(1)
    void startsWithoutAWarningOrErrorOnItsConsole() throws Exception {
        assertEquals(200, get(portal.url("/")).statusCode());
        assertEquals(200, get(portal.url("/transparency")).statusCode());
        assertEquals(List.of(), warningsAndErrors(portal.output()),
                "a normal start and the first pages print no warning or error; the console was:\n" + portal.output());
    }

    @Test
    @Order(1)
    void showsTheSha256OfTheRunningBundleOnTheTransparencyPage() throws Exception {
        Path bundle = Path.of(System.getProperty("candor.bundle", "target/candor.jar"));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(bundle)));
        Matcher shown = Pattern.compile("<code id=\"bundle-sha256\">([0-9a-f]{64})</code>")
                .matcher(get(portal.url("/transparency")).body());
        assertTrue(shown.find(), "the transparency page shows a SHA-256");
        assertEquals(expected, shown.group(1), "it is the digest of the file the portal runs from");
    }

    @Test
    @Order(2)
    void listensOnTheLoopbackAddressOnly() throws Exception {
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(nic -> !isLoopback(nic))
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> address instanceof Inet4Address)
                .findFirst();
        assumeTrue(external.isPresent(), "this machine has no other address to try");
        try (Socket socket = new Socket()) {
            assertThrows(ConnectException.class,
                    () -> socket.connect(new InetSocketAddress(external.get(), portal.port()), 3000));
        }
    }

    @Test
    @Order(3)
    void setupLinkWorksOnceAndIsThenRefused() throws Exception {
        URI link = URI.create(setupLink);
        assertEquals(200, get(link).statusCode());

        HttpResponse<String> weak = post(link, "displayName=Ada&username=ada&password=short&passwordRepeat=short");
        assertEquals(422, weak.statusCode());
        assertTrue(weak.body().contains("at least 12 characters"));
        assertTrue(weak.body().contains("value=\"Ada\""), "the form keeps what was typed");
        assertEquals(200, get(link).statusCode(), "a refused form does not use up the link");

        String good = "displayName=Ada+Lovelace&username=ada&password=plum+anchor+velvet+ninety"
                + "&passwordRepeat=plum+anchor+velvet+ninety";
        HttpResponse<String> created = post(link, good);
        assertEquals(200, created.statusCode());
        assertTrue(created.body().contains("The first administrator exists"));

        assertEquals(410, get(link).statusCode());
        assertEquals(410, post(link, good).statusCode());
    }

    @Test
    @Order(4)
    void keepsNothingOfARequestInItsLogAndTheSetupTokenOnlyOnTheConsole() throws Exception {
        String canary = "canary" + UUID.randomUUID().toString().replace("-", "");
        HTTP.send(HttpRequest.newBuilder(portal.url("/?q=" + canary + "&lang=" + canary))
                .header("User-Agent", "Mozilla/5.0 " + canary)
                .header("X-Forwarded-For", "203.0.113.7, " + canary)
                .header("Referer", "https://example.org/" + canary)
                .header("Cookie", "candor_lang=" + canary)
                .build(), HttpResponse.BodyHandlers.discarding());
        get(portal.url("/" + canary));
        get(portal.url("/static/" + canary + ".css"));
        post(portal.url("/setup/" + canary), "displayName=" + canary + "&username=" + canary);
        post(portal.url("/setup/" + "A".repeat(43)), "displayName=" + URLEncoder.encode("{" + canary, StandardCharsets.UTF_8));

        String console = portal.output();
        assertFalse(console.contains(canary), "the console shows nothing of a request");
        assertFalse(console.contains("203.0.113.7"), "no client address in the log");
        String token = setupLink.substring(setupLink.lastIndexOf('/') + 1);
        List<Path> leaks = filesContaining(List.of(work.resolve("data"), work.resolve("tmp")), canary, token);
        assertEquals(List.of(), leaks, "neither request data nor the setup token is written to disk");
    }

    @Test
    @Order(5)
    void keepsItsDataAcrossARestartAndPrintsNoNewLinkOnceSetUp() throws Exception {
        List<Path> runtime = runtimeFolders();
        assertEquals(1, runtime.size(), "one runtime folder of Payara Micro in the temporary folder: " + runtime);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(runtime.get(0))));
        portal.close();
        assertEquals(List.of(), runtimeFolders(), "the runtime folder is removed when the portal stops");
        portal = RunningPortal.start(work.resolve("data"), work.resolve("tmp"));
        assertTrue(portal.setupLink().isEmpty(), "an administrator exists: no setup link");
        HttpResponse<String> oldLink = get(URI.create(setupLink.replaceFirst(":\\d+/", ":" + portal.port() + "/")));
        assertEquals(410, oldLink.statusCode());
        assertEquals(List.of(), warningsAndErrors(portal.output()),
                "a start on an existing data directory prints no warning or error; the console was:\n" + portal.output());
    }

    private static List<Path> runtimeFolders() throws IOException {
        try (Stream<Path> files = Files.list(work.resolve("tmp"))) {
            return files.filter(path -> path.getFileName().toString().startsWith("candor-runtime-")).toList();
        }
    }

    /**
     * The console lines that carry a warning or an error, whoever printed them (Payara's log, the JVM, a library
     * writing to standard error), less the few in {@link #EXPECTED}.
     */
    private static List<String> warningsAndErrors(String console) {
        return console.lines()
                .map(line -> line.replaceAll("\u001B\\[[0-9;]*m", ""))
                .filter(line -> WARNING_OR_ERROR.matcher(line).find())
                .filter(line -> EXPECTED.stream().noneMatch(line::contains))
                .toList();
    }

    private static boolean isLoopback(NetworkInterface nic) {
        try {
            return nic.isLoopback() || !nic.isUp();
        } catch (IOException e) {
            return true;
        }
    }

    private static List<Path> filesContaining(List<Path> roots, String... needles) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    byte[] content = Files.readAllBytes(file);
                    for (String needle : needles) {
                        if (indexOf(content, needle.getBytes(StandardCharsets.UTF_8)) >= 0
                                || indexOf(content, needle.getBytes(StandardCharsets.UTF_16LE)) >= 0) {
                            found.add(file);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI uri, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Accept-Language", "en")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
