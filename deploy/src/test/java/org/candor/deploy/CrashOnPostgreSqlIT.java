package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.candor.crypto.UnlockedKey;
import org.candor.portal.it.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle on PostgreSQL (a private cluster the test starts, crashes and restarts) while
 * twenty people send reports at once (docs/design.md properties 10 and 11): first the database
 * crashes and restarts during the burst, then the portal is killed (SIGKILL) during another.
 * Every reply code that was shown opens its own report; every other answer is a clear error
 * without a code; a replayed form is refused after the restart; nothing is stored twice and
 * every blob on disk is recorded.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashOnPostgreSqlIT {

    private static final String SLUG = "crash";
    private static final char[] PASSPHRASE = "investigator passphrase".toCharArray();
    private static final int SENDERS = 20;

    @TempDir
    static Path work;

    private static PrivatePostgres postgres;
    private static RunningPortal portal;
    private static Seed.Investigator investigator;
    private static final List<Crashes.Answer> sent = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        postgres = PrivatePostgres.start(Path.of("target").toAbsolutePath().resolve("pg-crash-" + UUID.randomUUID()));
        portal = RunningPortal.start(data(), temp(), postgres.portalEnvironment()); // creates the schema
        Seed seed = Seed.into(postgres.jdbcUrl("candor"));
        investigator = seed.addInvestigator("ines", "a long sign-in password", PASSPHRASE);
        seed.addPublishedChannel(SLUG, Seed.sampleQuestionnaire(1024 * 1024), false, 1024 * 1024, investigator.id());
    }

    @AfterAll
    static void stop() throws Exception {
        PrivatePostgres.stopAfter(postgres, portal);
    }

    @Test
    @Order(1)
    void whenTheDatabaseCrashesDuringABurstEveryCodeShownOpensAndEveryOtherAnswerIsAClearError() throws Exception {
        List<Crashes.Form> forms = Crashes.openForms(portal, SLUG, SENDERS, "pgdb");
        List<CompletableFuture<Crashes.Answer>> answers = Crashes.sendAll(portal, SLUG, forms);
        postgres.crashAndRestart(); // while the reports stream in
        List<Crashes.Answer> burst = Crashes.collect(answers);
        sent.addAll(burst);
        List<Crashes.Answer> coded = Crashes.coded(burst);
        List<Crashes.Answer> errors = burst.stream().filter(a -> a.answered() && a.code().isEmpty()).toList();
        for (Crashes.Answer error : errors) {
            assertTrue(error.status() >= 400, "an answer without a code is an error, not a success: " + error.status());
        }
        assertTrue(burst.stream().allMatch(Crashes.Answer::answered), "the portal answered every sender");
        int opened = Crashes.assertCodesOpen(portal, coded, "the code shown opens its own report after the database restarted");
        System.out.printf("PostgreSQL crash during a burst: %d sent, %d codes shown (%d open after the restart),"
                + " %d clear errors (statuses %s)%n", SENDERS, coded.size(), opened, errors.size(),
                errors.stream().map(Crashes.Answer::status).distinct().toList());
        assertEquals(SENDERS, coded.size() + errors.size());
    }

    @Test
    @Order(2)
    void whenThePortalIsKilledDuringABurstEveryCodeShownOpensAfterRestartAndAReplayIsRefused() throws Exception {
        List<Crashes.Answer> burst = Crashes.burstAndKill(portal, SLUG, SENDERS, "pgkill");
        sent.addAll(burst);
        List<Crashes.Answer> coded = Crashes.coded(burst);
        portal = RunningPortal.start(data(), temp(), postgres.portalEnvironment());
        assertEquals(List.of(), Crashes.pending(data()), "no partial upload after the start");
        int opened = Crashes.assertCodesOpen(portal, Crashes.coded(sent),
                "every code shown, in both bursts, opens its own report after the restart");
        System.out.printf("PostgreSQL, portal killed during a burst: %d sent, %d codes shown before SIGKILL,"
                + " %d cut off; %d codes of both bursts open after the restart%n", SENDERS, coded.size(),
                burst.stream().filter(a -> !a.answered()).count(), opened);
        Crashes.assertRefusedAsDuplicate(Crashes.send(portal, SLUG, coded.get(0).form()).join());
    }

    @Test
    @Order(3)
    void theDatabaseHoldsEachReportOnceAndEveryBlobOnDiskIsRecorded() throws Exception {
        portal.close();
        portal = null;
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("candor"));
                UnlockedKey key = investigator.key().unlock(PASSPHRASE)) {
            Map<String, Integer> texts = Crashes.reportedTexts(c, data(), key);
            Set<String> markers = new HashSet<>();
            for (Crashes.Answer a : sent) {
                markers.add(a.form().marker());
                if (a.code().isPresent()) {
                    assertEquals(1, texts.getOrDefault(a.form().marker(), 0), "a report whose code was shown is stored once");
                }
            }
            for (Map.Entry<String, Integer> text : texts.entrySet()) {
                assertTrue(markers.contains(text.getKey()));
                assertEquals(1, text.getValue(), "no report stored twice");
            }
            int cases = Crashes.cases(c);
            assertEquals(texts.size(), cases);
            long shown = sent.stream().filter(a -> a.code().isPresent()).count();
            System.out.printf("PostgreSQL: %d cases after both crashes, %d with a code shown%n", cases, shown);
            assertEquals(Set.copyOf(Crashes.recordedBlobs(c)), Set.copyOf(Crashes.committedBlobs(data())),
                    "every blob on disk is recorded and every recorded blob is on disk");
        }
    }

    private static Path data() {
        return work.resolve("data");
    }

    private static Path temp() {
        return work.resolve("tmp");
    }
}
