package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The bundle on its embedded H2 database is killed (SIGKILL) while twenty people send reports
 * at once, then during a large upload sent without JavaScript and during one sealed as a browser
 * seals it (docs/design.md properties 10 and 11). After each restart: every reply code that was shown
 * opens its own report, a replayed form is refused, no partial upload, unrecorded blob or
 * unpacked runtime of the killed process is left, and no case exists that nobody was told of
 * except those whose answer the kill cut off.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashIT {

    private static final String SLUG = "crash";
    private static final char[] PASSPHRASE = "investigator passphrase".toCharArray();
    private static final int SENDERS = 20;
    private static final long LARGE = 300L * 1024 * 1024;

    @TempDir
    static Path work;

    private static RunningPortal portal;
    private static Seed.Investigator investigator;
    private static final List<Crashes.Answer> burst = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Seed seed = RunningPortal.seedBeforeStart(data(), temp());
        investigator = seed.addInvestigator("ines", "a long sign-in password", PASSPHRASE);
        seed.addPublishedChannel(SLUG, Seed.sampleQuestionnaire(512L * 1024 * 1024), true, 512L * 1024 * 1024,
                investigator.id());
        portal = RunningPortal.start(data(), temp());
    }

    @AfterAll
    static void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    @Order(1)
    void killedDuringABurstOfReportsEveryCodeShownOpensAfterRestartAndAReplayIsRefused() throws Exception {
        burst.addAll(Crashes.burstAndKill(portal, SLUG, SENDERS, "h2"));
        List<Crashes.Answer> coded = Crashes.coded(burst);
        long unanswered = burst.stream().filter(a -> !a.answered()).count();
        System.out.printf("H2 burst: %d sent, %d reply codes shown before SIGKILL, %d cut off by it%n",
                SENDERS, coded.size(), unanswered);
        assertTrue(coded.size() >= SENDERS / 3);

        Path runtimeOfKilled = temp();
        List<String> leftAfterKill = Crashes.runtimeLeftovers(runtimeOfKilled);
        portal = RunningPortal.start(data(), temp());
        assertEquals(List.of(), Crashes.pending(data()), "no partial upload after the start");
        int opened = Crashes.assertCodesOpen(portal, coded, "the code shown opens its own report after the crash");
        System.out.printf("H2 burst: %d of %d codes shown open their reports after the restart%n", opened, coded.size());
        Crashes.assertRefusedAsDuplicate(Crashes.send(portal, SLUG, coded.get(0).form()).join());
        System.out.println("H2 console at restart: " + portal.output().lines()
                .filter(l -> l.contains("Blob sweep at start") || l.contains("partial uploads")).toList());

        assertTrue(leftAfterKill.size() >= 2, "the killed process left its runtime: " + leftAfterKill);
        assertTrue(Crashes.eventually(Crashes.unchecked(() -> Crashes.runtimeLeftovers(temp()).size() == 2),
                Duration.ofMinutes(3)), "only the running portal's runtime remains: " + Crashes.runtimeLeftovers(temp()));
    }

    @Test
    @Order(2)
    void killedDuringALargeUploadWithoutJavaScriptNothingOfItRemainsAfterRestart() throws Exception {
        CompletableFuture<HttpResponse<String>> upload = Crashes.uploadWithoutJavaScript(portal, SLUG, LARGE);
        long written = Crashes.awaitPendingAbove(data(), 16L * 1024 * 1024, upload);
        portal.kill();
        assertFalse(Crashes.pending(data()).isEmpty(), "the kill left a partial upload");
        System.out.printf("no-JS upload of %d MiB killed with %d MiB sealed in pending/%n", LARGE >> 20, written >> 20);
        portal = RunningPortal.start(data(), temp());
        assertEquals(List.of(), Crashes.pending(data()), "the partial upload is gone once the portal has started");
    }

    @Test
    @Order(3)
    void killedDuringALargeSealedUploadNothingOfItRemainsAfterRestart() throws Exception {
        CompletableFuture<HttpResponse<String>> upload = Crashes.uploadSealed(portal, SLUG, LARGE);
        long written = Crashes.awaitPendingAbove(data(), 16L * 1024 * 1024, upload);
        portal.kill();
        assertFalse(Crashes.pending(data()).isEmpty(), "the kill left a partial upload");
        System.out.printf("sealed upload of %d MiB killed with %d MiB in pending/%n", LARGE >> 20, written >> 20);
        portal = RunningPortal.start(data(), temp());
        assertEquals(List.of(), Crashes.pending(data()), "the partial upload is gone once the portal has started");
        assertTrue(Crashes.eventually(Crashes.unchecked(() -> Crashes.runtimeLeftovers(temp()).size() == 2),
                Duration.ofMinutes(3)), "after three kills, only the running portal's runtime remains: "
                + Crashes.runtimeLeftovers(temp()));
    }

    @Test
    @Order(4)
    void theDatabaseHoldsOneCaseForEachReportThatMayHaveBeenAcknowledgedAndEveryBlobIsRecorded() throws Exception {
        portal.close();
        portal = null;
        try (Connection c = DriverManager.getConnection(RunningPortal.databaseUrl(data()));
                UnlockedKey key = investigator.key().unlock(PASSPHRASE)) {
            Map<String, Integer> texts = Crashes.reportedTexts(c, data(), key);
            Set<String> allowed = new HashSet<>();
            int shown = 0;
            for (Crashes.Answer a : burst) {
                if (a.code().isPresent()) {
                    shown++;
                    assertEquals(1, texts.getOrDefault(a.form().marker(), 0), "a report whose code was shown is stored once");
                }
                if (a.code().isPresent() || !a.answered()) {
                    allowed.add(a.form().marker());
                }
            }
            for (Map.Entry<String, Integer> text : texts.entrySet()) {
                assertTrue(allowed.contains(text.getKey()), "no case for a report that was refused or never sent");
                assertEquals(1, text.getValue(), "no report stored twice");
            }
            int cases = Crashes.cases(c);
            assertEquals(texts.size(), cases, "no other case: neither of the killed large uploads made one");
            System.out.printf("H2: %d cases after the crashes: %d with a code shown, %d whose answer the kill cut off%n",
                    cases, shown, cases - shown);
            assertEquals(Set.copyOf(Crashes.recordedBlobs(c)), Set.copyOf(Crashes.committedBlobs(data())),
                    "every blob on disk is recorded and every recorded blob is on disk");
            try (var s = c.createStatement(); var rows = s.executeQuery("select count(*) from used_form_token")) {
                rows.next();
                assertEquals(cases, rows.getInt(1), "each case burnt its form's token, and no token was burnt without a case");
            }
        }
        assertEquals(List.of(), Crashes.pending(data()));
    }

    private static Path data() {
        return work.resolve("data");
    }

    private static Path temp() {
        return work.resolve("tmp");
    }
}
