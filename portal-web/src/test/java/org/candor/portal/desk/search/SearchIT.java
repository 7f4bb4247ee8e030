package org.candor.portal.desk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.candor.crypto.CryptoException;
import org.candor.crypto.Opener;
import org.candor.crypto.UnlockedKey;
import org.candor.portal.channel.ChoiceOption;
import org.candor.portal.channel.FieldType;
import org.candor.portal.channel.LocalizedText;
import org.candor.portal.channel.QuestionField;
import org.candor.portal.channel.Questionnaire;
import org.candor.portal.it.Browserless;
import org.candor.portal.it.Browserless.Part;
import org.candor.portal.it.Deployments;
import org.candor.portal.it.Seed;
import org.candor.search.CaseDocument;
import org.candor.search.CaseIndex;
import org.candor.search.IndexKey;
import org.candor.search.SearchRequest;
import org.candor.search.WrongIndexKeyException;
import org.candor.search.Documents;
import org.candor.search.TempWatch;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Search in the desk over HTTP against Payara Micro on PostgreSQL: investigators sign in with
 * password and TOTP and unlock their keys; reports and messages sent through the intake and
 * contact pages become searchable within seconds; each investigator has an own index holding only
 * cases sealed to them, its key sealed to them alone (docs/design.md property 7), so a newly made
 * investigator unseals no key and finds no word of earlier cases; a rebuild from ciphertext
 * reports progress; once a key is locked its index is closed and no index file holds a canary;
 * what arrived, changed or was deleted while it was closed is caught up after the next unlock;
 * the shared index of earlier versions is deleted at the first unlock.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchIT {

    private static final String PASSWORD = "search sign-in password long";
    private static final char[] PASSPHRASE = "search key passphrase".toCharArray();
    private static final Path INDEX = Path.of("target", "it-data", "search-index");
    private static final Duration WITHIN = Duration.ofSeconds(40);
    /** For a search that needs an extraction child started on a shared build machine. */
    private static final Duration EXTRACTING = Duration.ofMinutes(5);
    private static final String CANARY = "kanarienvogel" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
    private static final String FILE_CANARY = "filecanary" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");

    private static final Set<UUID> KNOWN = Collections.synchronizedSet(new HashSet<>());
    private static Seed.Investigator ines;
    private static Seed.Investigator otto;
    private static String inesChannel;
    private static UUID inesChannelId;
    private static String ottoChannel;
    private static Path legacyIndexFile;
    private static UUID first;
    private static UUID second;
    private static UUID ottoCase;
    private static String replyCode;
    private static Browserless inesBrowser;
    private static Browserless ottoBrowser;

    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portal();
    }

    @BeforeAll
    static void seed() throws Exception {
        forgetAnyEarlierIndex();
        String run = UUID.randomUUID().toString().substring(0, 6);
        ines = Seed.investigator("search-ines-" + run, PASSWORD, PASSPHRASE);
        otto = Seed.investigator("search-otto-" + run, PASSWORD, PASSPHRASE);
        Questionnaire questionnaire = new Questionnaire(List.of(
                QuestionField.text("what", FieldType.LONG_TEXT, text("What happened?", "Was ist passiert?"), null, true, 5000),
                QuestionField.choice("when", FieldType.SINGLE_CHOICE, text("Still going on?", "Dauert es an?"), null, true,
                        List.of(new ChoiceOption("yes", text("Yes, still", "Ja")), new ChoiceOption("no", text("No", "Nein")))),
                QuestionField.file("evidence", text("Evidence", "Belege"), null, false, 3, 1024 * 1024)));
        inesChannel = "search-" + run;
        ottoChannel = "search-otto-" + run;
        inesChannelId = Seed.publishedChannel(inesChannel, questionnaire, true, 1024 * 1024, ines.id());
        Seed.publishedChannel(ottoChannel, questionnaire, true, 1024 * 1024, otto.id());
    }

    /**
     * The test classes share one database and data folder: an index made by an earlier class's
     * investigators (now signed out, so the index is closed) is forgotten, so that this class
     * starts as a new installation does. The server's keyring is empty while no one has unlocked.
     */
    private static void forgetAnyEarlierIndex() throws Exception {
        try (Connection c = Seed.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from search_indexed");
            s.executeUpdate("delete from search_index");
        }
        if (Files.exists(INDEX)) {
            try (var files = Files.walk(INDEX)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        // A shared index as earlier versions kept it, right in the index folder, with a key
        // of its own (migration V11 dropped such keys from the database).
        try (CaseIndex legacy = CaseIndex.open(INDEX, CaseIndex.newKey())) {
            legacy.indexer().index(CaseDocument.builder(UUID.randomUUID().toString(), LocalDate.of(2024, 1, 2))
                    .answer("legacy " + CANARY).build());
            legacy.indexer().commit("legacy");
        }
        try (Stream<Path> files = Files.list(INDEX)) {
            legacyIndexFile = files.filter(f -> f.getFileName().toString().startsWith("segments_")).findFirst()
                    .orElseThrow();
        }
    }

    @Test
    @Order(1)
    void unlockingMakesTheInvestigatorsOwnIndexWithAKeySealedToThemAloneAndDeletesTheSharedIndexOfEarlierVersions()
            throws Exception {
        inesBrowser = new Browserless(deployed);
        inesBrowser.signInStaff(ines.username(), PASSWORD);
        HttpResponse<String> locked = inesBrowser.get("/desk/search");
        assertEquals(303, locked.statusCode(), "searching needs the own key unlocked");
        assertTrue(locked.headers().firstValue("Location").orElseThrow().endsWith("/desk/key"));
        assertEquals(200, inesBrowser.post("/desk/key/unlock", "passphrase", new String(PASSPHRASE)).statusCode());

        HttpResponse<String> page = inesBrowser.get("/desk/search");
        assertEquals(200, page.statusCode(), page.body());
        assertFalse(page.body().contains("id=\"index-state\""), "the index is open: " + page.body());
        assertTrue(inesBrowser.get("/desk").body().contains("href=\"/desk/search\""), "the desk links to search");
        List<IndexRow> rows = indexRows();
        assertEquals(1, rows.size(), "one index, Ines's: Otto has not unlocked, and nobody's key is shared: " + rows);
        assertEquals(ines.id(), rows.get(0).staffId());
        assertTrue(rows.get(0).sealedKey().length > 100 && rows.get(0).sealedKey().length < 2000,
                "a small OpenPGP message");
        assertTrue(unseals(ines, rows.get(0)), "Ines's key unseals her index key");
        assertFalse(unseals(otto, rows.get(0)), "Otto's key does not");
        assertTrue(indexIsOpen(ines), "her index is open, in its own folder");
        assertTrue(auditDetails("KEY_GENERATED").contains("search-index " + rows.get(0).id()), "making the index key is audited");
        assertEquals("", auditDetails("SEARCH_INDEX_KEY_SHARED"), "no index key is sealed to anyone else");
        assertFalse(Files.exists(legacyIndexFile), "the shared index of earlier versions is deleted at the first unlock");
        try (Stream<Path> entries = Files.list(INDEX)) {
            assertEquals(List.of(rows.get(0).id().toString()), entries.map(p -> p.getFileName().toString()).toList(),
                    "the index folder holds one folder per index and nothing else");
        }
    }

    @Test
    @Order(2)
    void aNewReportIsFoundWithinSecondsByAnswersAttachmentNameFileTextAndInflections() throws Exception {
        first = report(inesChannel, "Die Kassenbücher wurden gefälscht; funds were transferred <b>quietly</b> to " + CANARY + " today.",
                "quarterly-ledger.txt", ("The hidden zebracorn numbers " + FILE_CANARY).getBytes(StandardCharsets.UTF_8))
                .caseId();
        HttpResponse<String> found = awaitSearch(inesBrowser, CANARY, page -> page.contains("hit-" + first));
        assertTrue(found.body().contains("href=\"/desk/cases/" + first + "\""), "a hit links to the case");
        assertTrue(found.body().contains("<mark>" + CANARY + "</mark>"), "the match is highlighted");
        assertTrue(found.body().contains("&lt;b&gt;quietly"), "snippet text is escaped, never markup");
        assertFalse(found.body().contains("<b>quietly"));
        for (String query : List.of("zebracorn", FILE_CANARY, "quarterly", "Kassenbuch", "transfer", "\"funds were transferred\"",
                "zebracor*", "zebrakorn~", "ja", "status:received AND zebracorn")) {
            HttpResponse<String> page = inesBrowser.get("/desk/search?q=" + enc(query));
            assertEquals(200, page.statusCode(), query);
            assertTrue(page.body().contains("hit-" + first), query + " finds the case:\n" + page.body());
        }
        HttpResponse<String> refused = inesBrowser.get("/desk/search?q=" + enc("*leading"));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("id=\"search-error\""));
        String searched = auditDetails("CASES_SEARCHED");
        assertTrue(searched.contains(ines.username()) && searched.contains("hits=1"),
                "a search is audited with its number of hits: " + searched);
    }

    @Test
    @Order(3)
    void aWhistleblowersMessageIsFoundWithinSeconds() throws Exception {
        Browserless whistleblower = new Browserless(deployed);
        HttpResponse<String> in = whistleblower.post("/contact", "code", replyCode);
        assertEquals(303, in.statusCode(), in.body());
        HttpResponse<String> sent = whistleblower.multipart("/contact/messages", Part.field("text",
                "The auditor Quibblewick signed the Überweisungen"), Part.file("files", "", "text/plain", new byte[0]));
        assertEquals(303, sent.statusCode(), sent.body());
        awaitSearch(inesBrowser, "quibblewick", page -> page.contains("hit-" + first));
        assertTrue(inesBrowser.get("/desk/search?q=" + enc("Überweisung")).body().contains("hit-" + first),
                "German plural found by its singular");
    }

    @Test
    @Order(4)
    void facetsCountTheMatchingCasesAndNarrowThemAndLabelsArePickedUp() throws Exception {
        second = report(inesChannel, "More zebracorn trouble in the warehouse", "note.txt",
                "nothing".getBytes(StandardCharsets.UTF_8)).caseId();
        HttpResponse<String> both = awaitSearch(inesBrowser, "zebracorn", page -> page.contains("hit-" + second));
        assertTrue(both.body().contains("2 cases found"), both.body());
        assertTrue(facet(both.body(), "status").contains("Received (2)"), facet(both.body(), "status"));
        assertTrue(facet(both.body(), "channel").contains("Fraud " + inesChannel + " (2)"), "the channel by its name: " + facet(both.body(), "channel"));

        assertEquals(303, inesBrowser.post("/desk/cases/" + second + "/labels", "label", "warehouse").statusCode());
        HttpResponse<String> labelled = awaitSearch(inesBrowser, "zebracorn",
                page -> facet(page, "label").contains("warehouse (1)"));
        Matcher narrow = Pattern.compile("href=\"(/desk/search\\?q=zebracorn&amp;label=warehouse)\"").matcher(labelled.body());
        assertTrue(narrow.find(), labelled.body());
        HttpResponse<String> narrowed = inesBrowser.get(narrow.group(1).replace("&amp;", "&"));
        assertTrue(narrowed.body().contains("1 case found"), narrowed.body());
        assertTrue(narrowed.body().contains("hit-" + second) && !narrowed.body().contains("hit-" + first));
        assertTrue(inesBrowser.get("/desk/search?q=" + enc("label:warehouse")).body().contains("hit-" + second));

        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            long start = System.nanoTime();
            assertEquals(200, inesBrowser.get("/desk/search?q=zebracorn").statusCode());
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(millis);
        System.out.println("search page latency over HTTP, " + KNOWN.size() + " cases: median " + millis.get(10)
                + " ms, max " + millis.get(20) + " ms");
    }

    @Test
    @Order(5)
    void anInvestigatorWhoIsNotARecipientFindsNothingOfTheCaseNoHitNoCountNoFacet() throws Exception {
        ottoCase = report(ottoChannel, "Otto's own zebracorn matter", "o.txt", "o".getBytes(StandardCharsets.UTF_8)).caseId();
        ottoBrowser = new Browserless(deployed);
        ottoBrowser.signInStaff(otto.username(), PASSWORD);
        assertEquals(200, ottoBrowser.post("/desk/key/unlock", "passphrase", new String(PASSPHRASE)).statusCode());
        HttpResponse<String> own = awaitSearch(ottoBrowser, "zebracorn", page -> page.contains("hit-" + ottoCase));
        assertTrue(own.body().contains("1 case found"), own.body());
        assertFalse(own.body().contains("hit-" + first) || own.body().contains("hit-" + second));
        assertFalse(own.body().contains(inesChannel), "no facet value of her channel");
        assertFalse(own.body().contains("warehouse"), "no facet value of her labels");
        assertTrue(facet(own.body(), "status").contains("Received (1)"));
        for (String query : List.of(CANARY, FILE_CANARY, "quibblewick", "label:warehouse", "case:" + first, "")) {
            HttpResponse<String> page = ottoBrowser.get("/desk/search?q=" + enc(query));
            assertEquals(200, page.statusCode());
            assertFalse(page.body().contains("hit-" + first) || page.body().contains("hit-" + second), query);
            assertFalse(page.body().contains(CANARY) && !query.equals(CANARY), query);
            assertFalse(page.body().contains("Quibblewick"), query);
        }
        assertTrue(ottoBrowser.get("/desk/search?q=" + enc(CANARY)).body().contains("No case found"));
    }

    @Test
    @Order(6)
    void aRebuildFromTheStoredCiphertextShowsItsProgressAndKeepsEveryCaseSearchable() throws Exception {
        HttpResponse<String> started = inesBrowser.post("/desk/search/rebuild");
        assertEquals(303, started.statusCode());
        assertTrue(auditDetails("SEARCH_INDEX_REBUILT").contains(ines.username() + " search-index "),
                "starting a rebuild is audited with who started it");
        HttpResponse<String> done = await(() -> inesBrowser.get("/desk/search"),
                page -> page.contains("id=\"rebuild-done\""));
        Matcher count = Pattern.compile("The index was rebuilt: (\\d+) cases").matcher(done.body());
        assertTrue(count.find(), done.body());
        assertEquals(KNOWN.size() - 1, Integer.parseInt(count.group(1)), "every case of hers, none of Otto's");
        assertTrue(inesBrowser.get("/desk/search?q=quibblewick").body().contains("hit-" + first));
        assertTrue(inesBrowser.get("/desk/search?q=" + FILE_CANARY).body().contains("hit-" + first));
        assertTrue(ottoBrowser.get("/desk/search?q=zebracorn").body().contains("1 case found"));
    }

    @Test
    @Order(7)
    void whenAnInvestigatorLocksTheirKeyTheirIndexIsClosedAndNoIndexFileHoldsACanary() throws Exception {
        assertEquals(303, inesBrowser.post("/desk/key/lock").statusCode());
        awaitClosed(ines);
        assertTrue(indexIsOpen(otto), "a colleague's own index stays open");
        assertEquals(303, ottoBrowser.post("/desk/key/lock").statusCode());
        awaitClosed(otto);
        List<Path> files;
        try (Stream<Path> all = Files.walk(INDEX)) {
            files = all.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.size() > 2, "the index has files: " + files);
        for (Path file : files) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            for (String canary : List.of(CANARY, FILE_CANARY, "zebracorn", "quibblewick", "kassenb", "warehouse")) {
                assertFalse(bytes.contains(canary), file + " holds " + canary);
            }
        }
    }

    @Test
    @Order(8)
    void whatArrivedOrChangedWhileTheIndexWasClosedIsCaughtUpCaseByCaseAfterTheNextUnlock() throws Exception {
        UUID late = report(inesChannel, "Arrived while locked: nightjarquill", "l.txt", "l".getBytes(StandardCharsets.UTF_8))
                .caseId();
        UUID later = report(inesChannel, "Also while locked: marsupilow", "pallets-count.txt",
                "counted by thornback".getBytes(StandardCharsets.UTF_8)).caseId();
        Browserless whistleblower = new Browserless(deployed);
        assertEquals(303, whistleblower.post("/contact", "code", replyCode).statusCode());
        assertEquals(303, whistleblower.multipart("/contact/messages", Part.field("text", "Ask the cashier Wobbleton"),
                Part.file("files", "", "text/plain", new byte[0])).statusCode());
        assertEquals(303, inesBrowser.post("/desk/cases/" + second + "/labels", "label", "nightshift").statusCode());
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement("delete from case_file where id = ?")) {
            s.setObject(1, ottoCase);
            assertEquals(1, s.executeUpdate());
        }
        TimeUnit.SECONDS.sleep(2);
        assertFalse(indexIsOpen(ines) || indexIsOpen(otto), "nobody unlocked");
        assertEquals(200, inesBrowser.post("/desk/key/unlock", "passphrase", new String(PASSPHRASE)).statusCode());
        // Two new cases, a new message on one case and a new label on another are read together:
        // each case is found by its own words, items and labels only.
        Map<String, UUID> expected = Map.of("nightjarquill", late, "marsupilow", later, "thornback", later,
                "pallets", later, "wobbleton", first, "label:nightshift", second, "quibblewick", first);
        for (Map.Entry<String, UUID> e : expected.entrySet()) {
            awaitSearch(inesBrowser, e.getKey(), page -> page.contains("1 case found") && page.contains("hit-" + e.getValue()));
        }
        assertTrue(facet(inesBrowser.get("/desk/search?q=zebracorn").body(), "label").contains("nightshift (1)"));
        assertEquals(1, markerCount(ottoCase), "Otto's index, closed, still has its marker (he removes it at his unlock)");
    }

    @Test
    @Order(9)
    void aDeletedCaseIsPurgedFromTheIndex() throws Exception {
        assertTrue(markerCount(second) == 1, "the case was indexed");
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement("delete from case_file where id = ?")) {
            s.setObject(1, second);
            assertEquals(1, s.executeUpdate());
        }
        Instant deadline = Instant.now().plus(WITHIN);
        while (markerCount(second) > 0) {
            assertTrue(Instant.now().isBefore(deadline), "the catch-up purges a case whose row is gone");
            TimeUnit.MILLISECONDS.sleep(250);
        }
        assertFalse(inesBrowser.get("/desk/search?q=warehouse").body().contains("hit-" + second));
    }

    @Test
    @Order(10)
    void noSearchedTextAppearsAnywhereInTheAuditLogOnlyTheNumberOfHits() throws Exception {
        String secret = "Quietquery" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> none = inesBrowser.get("/desk/search?q=" + enc("\"" + secret + " Smith\""));
        assertTrue(none.body().contains("No case found"), none.body());
        assertTrue(auditDetails("CASES_SEARCHED").contains("hits=0"), "a search without hits is recorded too");
        StringBuilder log = new StringBuilder();
        try (Connection c = Seed.connect(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select a::text from audit_entry a")) {
            while (rows.next()) {
                log.append(rows.getString(1)).append('\n');
            }
        }
        String all = log.toString().toLowerCase(Locale.ROOT);
        for (String query : List.of(secret, CANARY, FILE_CANARY, "zebracorn", "quibblewick", "nightjarquill", "kassenbuch")) {
            assertFalse(all.contains(query.toLowerCase(Locale.ROOT)), "the audit log holds the searched text " + query);
        }
    }

    /**
     * Two channels, each with its own investigator, and a third investigator made only now (as an
     * administrator who gives themselves the role would be): she unlocks, and no index key stored
     * in the database unseals with her key but her own; the one she can unseal opens no index
     * folder but hers, which holds no word of any earlier case; and her searches find none.
     */
    @Test
    @Order(12)
    void aNewlyMadeInvestigatorUnsealsNoIndexKeyButHerOwnAndReadsNoWordOfEarlierCases() throws Exception {
        assertEquals(200, ottoBrowser.post("/desk/key/unlock", "passphrase", new String(PASSPHRASE)).statusCode());
        if (!indexIsOpen(ines)) {
            assertEquals(200, inesBrowser.post("/desk/key/unlock", "passphrase", new String(PASSPHRASE)).statusCode());
        }
        String ottoWord = "ottocanary" + UUID.randomUUID().toString().substring(0, 8);
        UUID ottoLate = report(ottoChannel, "A second matter for Otto: " + ottoWord, "p.txt",
                "p".getBytes(StandardCharsets.UTF_8)).caseId();
        awaitSearch(ottoBrowser, ottoWord, page -> page.contains("hit-" + ottoLate) && page.contains("1 case found"));
        Instant deadline = Instant.now().plus(WITHIN);
        while (markerCount(ottoCase) > 0) {
            assertTrue(Instant.now().isBefore(deadline), "his catch-up purges the case deleted while his index was closed");
            TimeUnit.MILLISECONDS.sleep(250);
        }
        HttpResponse<String> hers = awaitSearch(inesBrowser, "zebracorn", page -> page.contains("hit-" + first));
        assertFalse(hers.body().contains("hit-" + ottoLate), "Ines, of the first channel, finds only its cases");
        assertTrue(inesBrowser.get("/desk/search?q=" + enc(ottoWord)).body().contains("No case found"));

        Seed.Investigator nina = Seed.investigator("search-nina-" + UUID.randomUUID().toString().substring(0, 6),
                PASSWORD, PASSPHRASE);
        Browserless ninaBrowser = new Browserless(deployed);
        ninaBrowser.signInStaff(nina.username(), PASSWORD);
        assertEquals(200, ninaBrowser.post("/desk/key/unlock", "passphrase", new String(PASSPHRASE)).statusCode());
        assertFalse(ninaBrowser.get("/desk/search").body().contains("id=\"index-state\""), "her index is open");
        // A case that arrives while her index is open, in a channel she does not read, goes into
        // Ines's index and not into hers.
        String inesWord = "inescanary" + UUID.randomUUID().toString().substring(0, 8);
        UUID inesLate = report(inesChannel, "Arrived while the newcomer was unlocked: " + inesWord, "q.txt",
                "q".getBytes(StandardCharsets.UTF_8)).caseId();
        awaitSearch(inesBrowser, inesWord, page -> page.contains("hit-" + inesLate));
        TimeUnit.SECONDS.sleep(3); // her catch-up has run since
        List<String> words = List.of(CANARY, FILE_CANARY, "zebracorn", "quibblewick", "wobbleton", "nightjarquill",
                "thornback", "marsupilow", ottoWord, inesWord);
        for (String word : concat(words, "")) {
            String page = ninaBrowser.get("/desk/search?q=" + enc(word)).body();
            assertTrue(page.contains("No case found"), word + ":\n" + page);
            for (UUID id : KNOWN) {
                assertFalse(page.contains("hit-" + id), word);
            }
        }

        List<IndexRow> rows = indexRows();
        assertEquals(Set.of(ines.id(), otto.id(), nina.id()), rows.stream().map(IndexRow::staffId)
                .collect(java.util.stream.Collectors.toSet()), "one index per investigator who unlocked");
        for (IndexRow row : rows) {
            for (Seed.Investigator who : List.of(ines, otto, nina)) {
                assertEquals(row.staffId().equals(who.id()), unseals(who, row),
                        who.username() + " unseals the key of the index of " + row.staffId() + " only if it is theirs");
            }
        }
        IndexRow ninas = rows.stream().filter(r -> r.staffId().equals(nina.id())).findFirst().orElseThrow();
        IndexRow ottos = rows.stream().filter(r -> r.staffId().equals(otto.id())).findFirst().orElseThrow();
        assertEquals(303, ninaBrowser.post("/desk/key/lock").statusCode());
        awaitClosed(nina);
        assertEquals(303, ottoBrowser.post("/desk/key/lock").statusCode());
        awaitClosed(otto);

        Set<String> everyCase = new HashSet<>();
        KNOWN.forEach(id -> everyCase.add(id.toString()));
        try (Connection c = Seed.connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select id from case_file")) {
            while (r.next()) {
                everyCase.add(r.getString(1));
            }
        }
        List<Path> folders;
        try (Stream<Path> entries = Files.list(INDEX)) {
            folders = entries.toList();
        }
        assertEquals(rows.size(), folders.size(), "one folder per index: " + folders);
        IndexKey ninasKey = unseal(nina, ninas);
        for (Path folder : folders) {
            if (folder.getFileName().toString().equals(ninas.id().toString())) {
                try (CaseIndex index = CaseIndex.open(folder, ninasKey)) {
                    for (String word : concat(words, "")) {
                        assertEquals(0, index.searcher().search(SearchRequest.builder(word, everyCase).build()).totalHits(),
                                "her index holds no case, no word of " + word);
                    }
                }
            } else {
                assertThrows(WrongIndexKeyException.class, () -> CaseIndex.open(folder, ninasKey),
                        "her index key opens no other index: " + folder.getFileName());
            }
        }
        // The same reading with Otto's key finds his word in his index: the check above can see words.
        try (CaseIndex index = CaseIndex.open(INDEX.resolve(ottos.id().toString()), unseal(otto, ottos))) {
            assertEquals(1, index.searcher().search(SearchRequest.builder(ottoWord, everyCase).build()).totalHits());
            assertEquals(0, index.searcher().search(SearchRequest.builder(CANARY, everyCase).build()).totalHits(),
                    "and nothing of Ines's channel");
        }
        ninasKey.destroy();
    }

    private static List<String> concat(List<String> words, String more) {
        List<String> all = new ArrayList<>(words);
        all.add(more);
        return all;
    }

    /**
     * docs/design.md property 1 on the extraction path of the running portal: a report with a legacy
     * .xls, then a whistleblower's message with a .docx, are indexed as they arrive, the index is
     * rebuilt and the case exported, while the portal's temporary folder, /tmp and /dev/shm are
     * watched and every file created in them read at once. Tika spools both kinds to temporary
     * files; they may appear only in the extraction child's own folder on tmpfs, never on a disk.
     * The text is still found, which shows that the child started with the WAR's jars.
     */
    @Test
    @Order(13)
    void officeAttachmentsAreFoundAndNoFileOnADiskEverHoldsTheirText() throws Exception {
        String xls = "sheetcanary" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
        String docx = "lettercanary" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
        Path portalTmp = Path.of("target", "it-tmp").toAbsolutePath();
        Path shm = Path.of("/dev/shm");
        assertEquals("tmpfs", Files.getFileStore(shm).type());
        List<TempWatch.Seen> seen;
        try (TempWatch watch = new TempWatch(List.of(xls, docx), List.of(portalTmp, Path.of("/tmp"), shm), List.of(portalTmp))) {
            Received received = report(inesChannel, "The spreadsheet shows the second set of books.", "accounts.xls",
                    Documents.xls("Payments to " + xls));
            // Generous: the first Office file may wait for an extraction child to start and load POI.
            await(() -> inesBrowser.get("/desk/search?q=" + xls), page -> page.contains("hit-" + received.caseId()), EXTRACTING);

            Browserless whistleblower = new Browserless(deployed);
            assertEquals(303, whistleblower.post("/contact", "code", received.code()).statusCode());
            assertEquals(303, whistleblower.multipart("/contact/messages", Part.field("text", "Here is the letter."),
                    Part.file("files", "letter.docx", "text/plain", Documents.docx("Signed by " + docx))).statusCode());
            await(() -> inesBrowser.get("/desk/search?q=" + docx), page -> page.contains("hit-" + received.caseId()), EXTRACTING);

            assertEquals(303, inesBrowser.post("/desk/search/rebuild").statusCode());
            await(() -> inesBrowser.get("/desk/search"), page -> page.contains("id=\"rebuild-done\""), EXTRACTING);
            assertTrue(inesBrowser.get("/desk/search?q=" + xls).body().contains("hit-" + received.caseId()));
            assertTrue(inesBrowser.get("/desk/search?q=" + docx).body().contains("hit-" + received.caseId()));

            HttpResponse<byte[]> exported = inesBrowser.bytes("/desk/cases/" + received.caseId() + "/export");
            assertEquals(200, exported.statusCode());
            assertFalse(TempWatch.contains(exported.body(), xls), "the export is sealed");
            seen = watch.stop();
        }
        List<String> onDisk = seen.stream()
                .filter(f -> !TempWatch.inExtractionFolder(f.path()))
                .filter(f -> !f.canaries().isEmpty() || f.path().getFileName().toString().startsWith("apache-tika")
                        || f.path().getFileName().toString().startsWith("poifiles"))
                .map(f -> f.path() + " " + f.canaries()).toList();
        assertEquals(List.of(), onDisk, "plaintext or Tika's temporary files outside memory");
        // That the watch sees Tika's spooled copies at all is shown by ExtractionLeavesNoTraceTest
        // (case-search): here a child's files can come and go inside its folder before a watch is
        // registered on it, so the proof that extraction ran is that both canaries were found above.
    }

    /**
     * Not a test but a measurement, run only when asked for with {@code
     * -Dcandor.bench.catch-up-cases=N} (docs/benchmarks.md): N cases sealed to Ines are stored
     * while the index is closed, then the time from her unlock until all of them are indexed and
     * searchable is printed. Asserts only that every one of them is found.
     */
    @Test
    @Order(11)
    @EnabledIfSystemProperty(named = "candor.bench.catch-up-cases", matches = "[1-9][0-9]*")
    void unlockAndCatchUpOfManyStoredCases() throws Exception {
        int count = Integer.parseInt(System.getProperty("candor.bench.catch-up-cases"));
        assertEquals(303, inesBrowser.post("/desk/key/lock").statusCode());
        assertEquals(303, ottoBrowser.post("/desk/key/lock").statusCode());
        awaitClosed(ines);
        awaitClosed(otto);
        String marker = "catchupcorpus" + UUID.randomUUID().toString().substring(0, 6);
        SealedCorpus corpus = new SealedCorpus(Path.of("target", "it-data", "blobs"));
        List<UUID> stored;
        long seeding = System.nanoTime();
        try (Connection c = Seed.connect()) {
            stored = corpus.store(c, count, inesChannelId, inesChannel, ines.id(), ines.key().recipient(), marker, 2024);
        }
        System.out.printf(Locale.ROOT, "catch-up benchmark: stored %d sealed cases in %.1f s%n", count,
                (System.nanoTime() - seeding) / 1e9);
        try {
            long before = indexedMarkers();
            long start = System.nanoTime();
            assertEquals(200, inesBrowser.post("/desk/key/unlock", "passphrase", new String(PASSPHRASE)).statusCode());
            long unlocked = System.nanoTime();
            long lastPrint = start;
            long lastProgress = start;
            long done = 0;
            while (done < count) {
                TimeUnit.MILLISECONDS.sleep(100);
                long now = indexedMarkers() - before;
                if (now > done) {
                    done = now;
                    lastProgress = System.nanoTime();
                }
                if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                    lastPrint = System.nanoTime();
                    System.out.printf(Locale.ROOT, "catch-up benchmark: %d of %d after %.0f s%n", done, count,
                            (lastPrint - start) / 1e9);
                }
                assertTrue(System.nanoTime() - lastProgress < TimeUnit.MINUTES.toNanos(5),
                        "the catch-up makes progress: " + done + " of " + count);
            }
            HttpResponse<String> found = awaitSearch(inesBrowser, marker, page -> total(page) == count);
            long searchable = System.nanoTime();
            System.out.printf(Locale.ROOT, "catch-up benchmark: unlock took %.1f s; %d cases indexed and searchable"
                    + " %.1f s after the unlock began (%.0f cases/s); load average %s%n", (unlocked - start) / 1e9, count,
                    (searchable - start) / 1e9, count / ((searchable - start) / 1e9), loadAverage());
            assertEquals(count, total(found.body()), "every stored case is found");
        } finally {
            try (Connection c = Seed.connect()) {
                corpus.delete(c, stored);
            }
        }
    }

    private static long indexedMarkers() throws Exception {
        try (Connection c = Seed.connect(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select count(*) from search_indexed")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The number of cases a results page says it found, or -1. */
    private static long total(String page) {
        Matcher m = Pattern.compile("([0-9][0-9,]*) cases found").matcher(page);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    // --- helpers

    private static int markerCount(UUID kase) throws Exception {
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select count(*) from search_indexed where case_id = ?")) {
            s.setObject(1, kase);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private record Received(UUID caseId, String code) {
    }

    private Received report(String channelSlug, String what, String fileName, byte[] file) throws Exception {
        HttpResponse<String> received = new Browserless(deployed).report(channelSlug, Part.field("what", what),
                Part.field("when", "yes"), Part.file("evidence", fileName, "text/plain", file));
        assertEquals(200, received.statusCode(), received.body());
        String code = Browserless.byId(received, "reply-code");
        if (channelSlug.equals(inesChannel) && replyCode == null) {
            replyCode = code;
        }
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select c.id from case_file c join channel ch on ch.id = c.channel_id where ch.slug = ?")) {
            s.setString(1, channelSlug);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    if (KNOWN.add(id)) {
                        return new Received(id, code);
                    }
                }
            }
        }
        throw new AssertionError("no new case in " + channelSlug);
    }

    private HttpResponse<String> awaitSearch(Browserless person, String query, Predicate<String> shows) throws Exception {
        return await(() -> person.get("/desk/search?q=" + enc(query)), shows);
    }

    private interface Fetch {
        HttpResponse<String> get() throws Exception;
    }

    /** Polls until the page shows what is expected, for at most {@link #WITHIN}. */
    private static HttpResponse<String> await(Fetch fetch, Predicate<String> shows) throws Exception {
        return await(fetch, shows, WITHIN);
    }

    private static HttpResponse<String> await(Fetch fetch, Predicate<String> shows, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        HttpResponse<String> page;
        do {
            page = fetch.get();
            if (page.statusCode() == 200 && shows.test(page.body())) {
                return page;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("not shown within " + within.toSeconds() + " s:\n" + page.body());
    }

    /** Whether the portal holds the write lock of an investigator's index (another process cannot take it then). */
    private static boolean indexIsOpen(Seed.Investigator investigator) throws Exception {
        List<IndexRow> own = indexRows().stream().filter(r -> r.staffId().equals(investigator.id())).toList();
        return !own.isEmpty() && indexIsOpen(INDEX.resolve(own.get(0).id().toString()));
    }

    private static void awaitClosed(Seed.Investigator investigator) throws Exception {
        Instant deadline = Instant.now().plus(WITHIN);
        while (indexIsOpen(investigator)) {
            assertTrue(Instant.now().isBefore(deadline), "an index is closed once its investigator's key is locked");
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static boolean indexIsOpen(Path folder) throws Exception {
        try (FileChannel channel = FileChannel.open(folder.resolve("write.lock"), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true;
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }

    private static String facet(String page, String id) {
        Matcher m = Pattern.compile("id=\"facet-" + id + "\">(.*?)</section>", Pattern.DOTALL).matcher(page);
        if (!m.find()) {
            return "";
        }
        return m.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")");
    }

    private record IndexRow(UUID id, UUID staffId, byte[] sealedKey) {
    }

    /** Every index the database knows, with its key as stored: sealed. */
    private static List<IndexRow> indexRows() throws Exception {
        List<IndexRow> rows = new ArrayList<>();
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select id, staff_id, sealed_key from search_index")) {
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new IndexRow(r.getObject(1, UUID.class), r.getObject(2, UUID.class),
                            Base64.getDecoder().decode(r.getString(3))));
                }
            }
        }
        return rows;
    }

    /** Whether an investigator's own key unseals an index key. */
    private static boolean unseals(Seed.Investigator investigator, IndexRow row) throws Exception {
        return unseal(investigator, row) != null;
    }

    /** The index key, if the investigator's own key unseals it; otherwise null. */
    private static IndexKey unseal(Seed.Investigator investigator, IndexRow row) throws Exception {
        try (UnlockedKey key = investigator.key().unlock(PASSPHRASE)) {
            byte[] raw = Opener.with(key).openAll(new ByteArrayInputStream(row.sealedKey()), IndexKey.LENGTH);
            return IndexKey.fromBytes(raw);
        } catch (CryptoException notForThisKey) {
            return null;
        }
    }

    private static String auditDetails(String action) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select coalesce(actor_name, '') || ' ' || coalesce(subject_kind, '') || ' ' || coalesce(subject_id, '')"
                        + " || ' ' || details from audit_entry where action = ?")) {
            s.setString(1, action);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    all.append(rows.getString(1)).append('\n');
                }
            }
        }
        return all.toString();
    }

    private static LocalizedText text(String en, String de) {
        return LocalizedText.required(Map.of(Locale.ENGLISH, en, Locale.GERMAN, de), 300, "label");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
