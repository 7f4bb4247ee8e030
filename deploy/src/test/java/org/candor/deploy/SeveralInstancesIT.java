package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.candor.crypto.ReplyCode;
import org.candor.portal.it.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two bundles on one PostgreSQL database with the blobs in the database
 * ({@code CANDOR_BLOBS_STORE=database}), the budgets in the database ({@code CANDOR_BUDGETS_SHARED=true}) and one folder of key files, as docs/operations.md
 * ("Several instances") describes: reports sent to either are opened on the other; one is killed
 * (SIGKILL) in the middle of a 200 MB sealed upload and of a burst of reports, and afterwards
 * every reply code shown opens its complete report on the survivor, no partial blob remains once
 * a sweep has run, a form sent before is refused by the other instance, and failed sign-ins spent
 * on one instance slow down guessing on the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralInstancesIT {

    private static final String SLUG = "shared";
    private static final int SENDERS = 20;
    private static final long LARGE = 200L * 1000 * 1000;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path work;

    private static PrivatePostgres postgres;
    private static RunningPortal a;
    private static RunningPortal b;
    private static final List<Crashes.Answer> coded = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        postgres = PrivatePostgres.start(Path.of("target").toAbsolutePath().resolve("pg-several-" + UUID.randomUUID()));
        a = RunningPortal.start(work.resolve("a"), work.resolve("a-tmp"), environment()); // creates schema and keys
        Seed seed = Seed.into(postgres.jdbcUrl("candor"));
        Seed.Investigator investigator = seed.addInvestigator("ines", "a long sign-in password",
                "investigator passphrase".toCharArray());
        seed.addPublishedChannel(SLUG, Seed.sampleQuestionnaire(512L * 1024 * 1024), true, 512L * 1024 * 1024,
                investigator.id());
        b = RunningPortal.start(work.resolve("b"), work.resolve("b-tmp"), environment());
    }

    private static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(postgres.portalEnvironment());
        environment.put("CANDOR_BLOBS_STORE", "database");
        environment.put("CANDOR_BUDGETS_SHARED", "true");
        environment.put("CANDOR_SECRETS_DIR", work.resolve("keys").toString());
        environment.put("CANDOR_CONTACT_FAILURES_PER_WINDOW", "5");
        environment.put("CANDOR_CONTACT_THROTTLE_WINDOW_SECONDS", "600");
        return environment;
    }

    @AfterAll
    static void stop() throws Exception {
        PrivatePostgres.stopAfter(postgres, a, b);
    }

    @Test
    @Order(1)
    void reportsSentToEitherInstanceOpenOnTheOther() throws Exception {
        List<Crashes.Form> forms = Crashes.openForms(a, SLUG, SENDERS, "spread");
        List<CompletableFuture<Crashes.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            answers.add(Crashes.send(i % 2 == 0 ? a : b, SLUG, forms.get(i))); // a form of one, sent to the other
        }
        List<Crashes.Answer> burst = Crashes.collect(answers);
        for (int i = 0; i < burst.size(); i++) {
            Crashes.Answer answer = burst.get(i);
            assertTrue(answer.code().isPresent(), "every report got its code: " + answer.status());
            RunningPortal other = i % 2 == 0 ? b : a;
            assertTrue(Crashes.signIn(other, answer.code().orElseThrow()).contains(answer.form().marker()),
                    "a code shown by one instance opens the report on the other");
            coded.add(answer);
        }
        Crashes.assertRefusedAsDuplicate(Crashes.send(a, SLUG, burst.get(1).form()).join());

        // Sessions live in the memory of the instance that made them: a load balancer must be sticky.
        HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(a.url("/contact"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("code=" + URLEncoder.encode(
                        burst.get(0).code().orElseThrow(), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, signedIn.statusCode());
        String cookie = signedIn.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .reduce((x, y) -> x + "; " + y).orElse("");
        String same = HTTP.send(HttpRequest.newBuilder(a.url("/contact/conversation")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> other = HTTP.send(HttpRequest.newBuilder(b.url("/contact/conversation"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(same.contains(burst.get(0).form().marker()), "the session opens the report where it was made");
        assertFalse(other.body().contains(burst.get(0).form().marker()),
                "the other instance does not know the session: it asks to sign in again (" + other.statusCode() + ")");
        System.out.printf("A whistleblower session taken to the other instance is answered %d%n", other.statusCode());
    }

    @Test
    @Order(2)
    void whenOneInstanceIsKilledDuringALargeUploadAndABurstTheOtherOpensEveryCodeShownAndNothingPartialRemains()
            throws Exception {
        List<Crashes.Form> forms = Crashes.openForms(b, SLUG, SENDERS, "killed");
        CompletableFuture<HttpResponse<String>> upload = Crashes.uploadSealed(b, SLUG, LARGE);
        awaitChunks(20, upload); // 20 MiB of the upload are in the database
        List<CompletableFuture<Crashes.Answer>> answers = Crashes.sendAll(b, SLUG, forms);
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("candor"))) {
            // kill once a third of the burst has its codes, or before the upload can complete
            while (answers.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join)
                    .filter(x -> x.code().isPresent()).count() < SENDERS / 3 && partialChunks(c) < 150) {
                Thread.sleep(5);
            }
        }
        b.kill();
        List<Crashes.Answer> burst = Crashes.collect(answers);
        assertTrue(upload.handle((r, failure) -> failure != null).join(), "the large upload was cut off");
        List<Crashes.Answer> shown = burst.stream().filter(x -> x.code().isPresent()).toList();
        for (Crashes.Answer answer : burst) {
            assertTrue(answer.code().isPresent() || !answer.answered(), "an answered report got its code");
        }
        for (Crashes.Answer answer : shown) {
            assertTrue(Crashes.signIn(a, answer.code().orElseThrow()).contains(answer.form().marker()),
                    "every code the killed instance showed opens its report on the other");
        }
        coded.addAll(shown);
        if (!shown.isEmpty()) {
            Crashes.assertRefusedAsDuplicate(Crashes.send(a, SLUG, shown.get(0).form()).join());
        }
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("candor"))) {
            System.out.printf("Instance killed: %d reports sent, %d codes shown; %d partial blobs and %d MiB of"
                    + " chunks in the database before a sweep%n", SENDERS, shown.size(),
                    count(c, "select count(*) from stored_blob where length_bytes is null"),
                    count(c, "select count(*) from stored_blob_chunk c join stored_blob b on b.id = c.blob_id"
                            + " where b.length_bytes is null"));
        }

        long started = System.nanoTime();
        b = RunningPortal.start(work.resolve("b"), work.resolve("b-tmp"), environment()); // sweeps at start
        System.out.printf("Instance restarted in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("candor"))) {
            assertEquals(0, count(c, "select count(*) from stored_blob where length_bytes is null"),
                    "no partial upload remains after the sweep");
            assertEquals(0, count(c, "select count(*) from stored_blob b where not exists"
                    + " (select 1 from case_item i where i.blob_id = b.id)"), "every blob is recorded");
            assertEquals(0, count(c, "select count(*) from case_item i where not exists"
                    + " (select 1 from stored_blob b where b.id = i.blob_id and b.length_bytes is not null)"),
                    "every recorded blob is there");
            assertEquals(0, count(c, "select count(*) from stored_blob b where b.length_bytes <>"
                    + " (select coalesce(sum(length(c.content)), 0) from stored_blob_chunk c where c.blob_id = b.id)"),
                    "every blob's chunks add up to its length");
            assertEquals(0, count(c, "select count(*) from stored_blob where writer is not null"),
                    "nothing is held once the instances are idle");
        }
        for (Crashes.Answer answer : coded) {
            assertTrue(Crashes.signIn(b, answer.code().orElseThrow()).contains(answer.form().marker()),
                    "every code shown so far opens on the restarted instance");
        }
    }

    @Test
    @Order(3)
    void aLargeSealedUploadGoesIntoTheDatabaseAndOpensOnTheOtherInstance() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = Crashes.uploadSealed(a, SLUG, LARGE).join();
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(200, answer.statusCode(), answer.body());
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("candor"))) {
            long largest = count(c, "select max(length_bytes) from stored_blob");
            assertTrue(largest > LARGE, "the whole sealed file is stored: " + largest);
            System.out.printf("200 MB sealed upload into the database blob store: %.1f s, %.1f MB/s; %d MiB chunks%n",
                    seconds, LARGE / 1e6 / seconds,
                    count(c, "select count(*) from stored_blob_chunk where blob_id = (select id from stored_blob"
                            + " order by length_bytes desc limit 1)"));
        }
    }

    @Test
    @Order(4)
    void failedSignInsSpentOnOneInstanceSlowGuessingOnTheOtherButNeverARightCode() throws Exception {
        List<Integer> onA = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            onA.add(signInStatus(a, ReplyCode.generate().display()));
        }
        assertEquals(429, onA.get(5), "the sixth failure in the window is answered 'try again later': " + onA);
        assertEquals(429, signInStatus(b, ReplyCode.generate().display()),
                "the other instance counts the same failures");
        Crashes.Answer any = coded.get(0);
        assertTrue(Crashes.signIn(b, any.code().orElseThrow()).contains(any.form().marker()),
                "a right code is never refused for other people's failures");
    }

    /** Only for the comparison in docs/operations.md: the same upload into the file store. */
    @Test
    @Order(5)
    void forComparisonTheSameUploadIntoTheFileStore() throws Exception {
        Map<String, String> environment = environment();
        environment.remove("CANDOR_BLOBS_STORE");
        RunningPortal files = RunningPortal.start(work.resolve("c"), work.resolve("c-tmp"), environment);
        try {
            long started = System.nanoTime();
            HttpResponse<String> answer = Crashes.uploadSealed(files, SLUG, LARGE).join();
            double seconds = (System.nanoTime() - started) / 1e9;
            assertEquals(200, answer.statusCode(), answer.body());
            System.out.printf("200 MB sealed upload into the file store: %.1f s, %.1f MB/s%n", seconds, LARGE / 1e6 / seconds);
        } finally {
            files.close();
        }
    }

    private static int signInStatus(RunningPortal portal, String code) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(portal.url("/contact"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString("code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static void awaitChunks(long chunks, CompletableFuture<?> upload) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("candor"))) {
            while (partialChunks(c) < chunks) {
                if (upload.isDone() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the upload did not reach the database: " + upload);
                }
                Thread.sleep(100);
            }
        }
    }

    private static long partialChunks(Connection c) throws SQLException {
        return count(c, "select count(*) from stored_blob_chunk c join stored_blob b on b.id = c.blob_id"
                + " where b.length_bytes is null");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
