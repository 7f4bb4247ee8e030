package org.candor.portal.desk.cases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.candor.portal.channel.ChoiceOption;
import org.candor.portal.channel.FieldType;
import org.candor.portal.channel.LocalizedText;
import org.candor.portal.channel.QuestionField;
import org.candor.portal.channel.Questionnaire;
import org.candor.portal.it.Browserless;
import org.candor.portal.it.Browserless.Part;
import org.candor.portal.it.Deployments;
import org.candor.portal.it.Seed;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The investigator's desk over HTTP against Payara Micro on PostgreSQL: reports made through the
 * intake pages, an investigator signed in with password and TOTP who lists, opens, downloads,
 * labels and concludes them, the list's order and deadline filters following each step of the
 * lifecycle; a colleague of another channel gets 404; an administrator gets 403; a tampered blob
 * releases nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskCasesIT {

    private static final String PASSWORD = "desk sign-in password long";
    private static final char[] PASSPHRASE = "desk key passphrase".toCharArray();
    private static final Path DATA = Path.of("target", "it-data");
    private static final byte[] LEDGER = "amount,who\n100,desk-ledger\n".getBytes(StandardCharsets.UTF_8);

    private static final java.util.Set<UUID> KNOWN = new java.util.HashSet<>();
    private static Seed.Investigator ines;
    private static Seed.Investigator otto;
    private static String slug;
    private static String ottoSlug;
    private static UUID caseId;
    private static UUID ottoCase;
    private static UUID tamperedCase;
    private static Browserless inesBrowser;
    private static Browserless ottoBrowser;
    private static String adminName;

    @ArquillianResource
    URL deployed;

    @TempDir
    static Path gnupgHome;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portal().addClass(DeskFixtures.class);
    }

    @BeforeAll
    static void seed() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        ines = Seed.investigator("desk-ines-" + run, PASSWORD, PASSPHRASE);
        otto = Seed.investigator("desk-otto-" + run, PASSWORD, PASSPHRASE);
        Questionnaire questionnaire = new Questionnaire(List.of(
                QuestionField.text("what", FieldType.LONG_TEXT, text("What happened?", "Was ist passiert?"), null, true, 5000),
                QuestionField.choice("when", FieldType.SINGLE_CHOICE, text("Still going on?", "Dauert es an?"), null, true,
                        List.of(new ChoiceOption("yes", text("Yes, still", "Ja")), new ChoiceOption("no", text("No", "Nein"))))
                        .asCategory(true),
                QuestionField.file("evidence", text("Evidence", "Belege"), null, false, 3, 1024 * 1024)));
        slug = "desk-" + run;
        ottoSlug = "desk-otto-" + run;
        Seed.publishedChannel(slug, questionnaire, true, 1024 * 1024, ines.id());
        Seed.publishedChannel(ottoSlug, questionnaire, true, 1024 * 1024, otto.id());
        Seed.staffMember("desk-admin-" + run, PASSWORD, "ADMINISTRATOR");
        adminName = "desk-admin-" + run;
    }

    @Test
    @Order(1)
    void reportsMadeThroughTheIntakeAppearOnlyInTheListOfTheirInvestigator() throws Exception {
        caseId = report(slug, "The desk-ledger account was emptied\nsecond line", "evidence.csv", LEDGER);
        ottoCase = report(ottoSlug, "Otto's own case", "x.bin", new byte[] {1, 2, 3});
        inesBrowser = new Browserless(deployed);
        inesBrowser.signInStaff(ines.username(), PASSWORD);
        HttpResponse<String> list = inesBrowser.get("/desk/cases");
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("case-" + caseId), "her case is listed");
        assertFalse(list.body().contains("case-" + ottoCase), "a case of another channel is not");
        assertFalse(list.body().contains("desk-ledger"), "the list shows no contents");
        assertTrue(list.body().contains("Due soon"), "a new case must be acknowledged within 7 days");
        assertTrue(inesBrowser.get("/desk/cases?status=RECEIVED&deadline=URGENT&sort=NEWEST").body()
                .contains("case-" + caseId));
        assertFalse(inesBrowser.get("/desk/cases?status=CONCLUDED").body().contains("case-" + caseId));
    }

    @Test
    @Order(2)
    void badListParametersAreRefusedClearlyAndEveryCaseShown() throws Exception {
        for (String query : List.of("status=closed", "channel=x'%20or%201=1", "label=%3Cscript%3E", "page=-1",
                "sort=due;drop", "deadline=tomorrow", "unread=maybe", "waiting=1%20or%201", "category=Yes%27%20or%201=1")) {
            HttpResponse<String> refused = inesBrowser.get("/desk/cases?" + query);
            assertEquals(400, refused.statusCode(), query);
            assertTrue(refused.body().contains("case-" + caseId), query);
            assertFalse(refused.body().contains("<script>"), query);
        }
    }

    @Test
    @Order(3)
    void aCaseOpensOnlyAfterTheKeyIsUnlockedAndEveryOpeningIsAudited() throws Exception {
        HttpResponse<String> locked = inesBrowser.get("/desk/cases/" + caseId);
        assertEquals(303, locked.statusCode());
        assertTrue(locked.headers().firstValue("Location").orElseThrow().endsWith("/desk/key"));
        assertEquals(422, inesBrowser.post("/desk/key/unlock", "passphrase", "wrong passphrase").statusCode());
        assertEquals(200, inesBrowser.post("/desk/key/unlock", "passphrase", new String(PASSPHRASE)).statusCode());

        HttpResponse<String> opened = inesBrowser.get("/desk/cases/" + caseId);
        assertEquals(200, opened.statusCode(), opened.body());
        assertTrue(opened.body().contains("What happened?"), "answers under the questionnaire's labels");
        assertTrue(opened.body().contains("The desk-ledger account was emptied"));
        assertTrue(opened.body().contains("Yes, still"), "a choice shows its option's label");
        assertTrue(opened.body().contains("evidence.csv"));
        assertTrue(auditActions(caseId).contains("CASE_CONTENTS_OPENED"));
    }

    @Test
    @Order(4)
    void anAttachmentDownloadsDecryptedAndAsCiphertextThatGnuPgOpens() throws Exception {
        UUID item = attachmentOf(caseId);
        HttpResponse<byte[]> plain = inesBrowser.bytes("/desk/cases/" + caseId + "/files/" + item);
        assertEquals(200, plain.statusCode());
        assertArrayEquals(LEDGER, plain.body());
        assertTrue(plain.headers().firstValue("Content-Disposition").orElseThrow().contains("evidence.csv"));

        HttpResponse<byte[]> sealed = inesBrowser.bytes("/desk/cases/" + caseId + "/files/" + item + ".gpg");
        assertEquals(200, sealed.statusCode());
        assertTrue(sealed.headers().firstValue("Content-Disposition").orElseThrow().contains("evidence.csv.gpg"));
        Path file = gnupgHome.resolve("evidence.csv.gpg");
        Files.write(file, sealed.body());
        Path key = gnupgHome.resolve("secret.asc");
        Files.writeString(key, ines.key().exportLockedSecretArmored(PASSPHRASE));
        gpg("--import", key.toString());
        gpg("--output", gnupgHome.resolve("evidence.csv").toString(), "--decrypt", file.toString());
        assertArrayEquals(LEDGER, Files.readAllBytes(gnupgHome.resolve("evidence.csv")));
        assertTrue(auditDetails(caseId).contains("part=ciphertext"));
    }

    @Test
    @Order(5)
    void aTamperedAttachmentIsRefusedWithAClearMessageAndNothingReleased() throws Exception {
        tamperedCase = report(slug, "tamper case", "secret-plan.txt", "TOP-SECRET-PLAN-CONTENTS".repeat(50)
                .getBytes(StandardCharsets.UTF_8));
        UUID item = attachmentOf(tamperedCase);
        Path blob = blobOf(item);
        byte[] bytes = Files.readAllBytes(blob);
        bytes[bytes.length - 30] ^= 0x01;
        Files.write(blob, bytes);
        HttpResponse<byte[]> refused = inesBrowser.bytes("/desk/cases/" + tamperedCase + "/files/" + item);
        assertEquals(422, refused.statusCode());
        String body = new String(refused.body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("failed its integrity check"), body);
        assertFalse(body.contains("TOP-SECRET-PLAN"), "no plaintext of the file is released");
    }

    @Test
    @Order(6)
    void theCaseMovesThroughItsLifecycleAndAStaleFormChangesNothing() throws Exception {
        String path = "/desk/cases/" + caseId;
        earlier(caseId, 10);
        assertListed("", caseId, tamperedCase);
        assertListed("deadline=OVERDUE", caseId);
        assertListed("deadline=DUE_SOON", tamperedCase);
        assertListed("deadline=URGENT", caseId, tamperedCase);
        assertListed(view("acknowledge"), caseId, tamperedCase);
        assertListed(view("overdue"), caseId);
        assertListed(view("waiting"), caseId, tamperedCase);
        assertEquals(Map.of("open", 2L, "acknowledge", 2L, "waiting", 2L, "overdue", 1L), deskCounts(inesBrowser,
                "open", "acknowledge", "waiting", "overdue"), "the desk's start counts what the views list");
        assertEquals(303, inesBrowser.post(path + "/status", "from", "RECEIVED", "to", "ACKNOWLEDGED").statusCode());
        assertListed("", tamperedCase, caseId);
        assertListed("deadline=OVERDUE");
        assertListed("deadline=URGENT", tamperedCase);
        assertListed(view("acknowledge"), tamperedCase);
        assertListed(view("overdue"));
        assertEquals(Map.of("open", 2L, "acknowledge", 1L, "overdue", 0L), deskCounts(inesBrowser,
                "open", "acknowledge", "overdue"));
        HttpResponse<String> twice = inesBrowser.post(path + "/status", "from", "RECEIVED", "to", "ACKNOWLEDGED");
        assertEquals(409, twice.statusCode());
        assertTrue(twice.body().contains("The case changed since this page was shown"));
        assertEquals(422, inesBrowser.post(path + "/status", "from", "ACKNOWLEDGED", "to", "RECEIVED").statusCode(),
                "no way back");
        assertEquals(303, inesBrowser.post(path + "/status", "from", "ACKNOWLEDGED", "to", "IN_ASSESSMENT").statusCode());
        assertListed("deadline=URGENT", tamperedCase);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        earlier(caseId, (int) ChronoUnit.DAYS.between(today, today.plusMonths(3)) - 4);
        assertListed("", caseId, tamperedCase);
        assertListed("deadline=DUE_SOON", caseId, tamperedCase);
        assertListed("deadline=OVERDUE");
        assertEquals(303, inesBrowser.post(path + "/status", "from", "IN_ASSESSMENT", "to", "IN_INVESTIGATION")
                .statusCode());
        assertListed("deadline=DUE_SOON", caseId, tamperedCase);
        assertListed("status=IN_INVESTIGATION&deadline=DUE_SOON", caseId);
        HttpResponse<String> noGrounds = inesBrowser.post(path + "/conclude", "from", "IN_INVESTIGATION",
                "outcome", "SUBSTANTIATED", "grounds", "   ");
        assertEquals(422, noGrounds.statusCode());
        assertTrue(noGrounds.body().contains("Write the grounds"));
        assertEquals(422, inesBrowser.post(path + "/conclude", "from", "IN_INVESTIGATION", "outcome", "MAYBE",
                "grounds", "x").statusCode());
        assertEquals(303, inesBrowser.post(path + "/conclude", "from", "IN_INVESTIGATION", "outcome",
                "SUBSTANTIATED", "grounds", "The ledger showed the transfers; the money was recovered.").statusCode());
        assertListed("", tamperedCase, caseId);
        assertListed("deadline=URGENT", tamperedCase);
        assertListed("deadline=NONE", caseId);
        assertListed(view("open"), tamperedCase);
        assertListed(view("waiting"), tamperedCase);
        HttpResponse<String> concluded = inesBrowser.get(path);
        assertTrue(concluded.body().contains("Substantiated"));
        assertTrue(concluded.body().contains("the money was recovered"), "the grounds are sealed and open again");
        assertEquals(4, auditActions(caseId).stream().filter("CASE_STATUS_CHANGED"::equals).count());
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select count(*) from case_item where case_id = ? and kind = 'OUTCOME_GROUNDS'")) {
            s.setObject(1, caseId);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                assertEquals(1, rows.getInt(1));
            }
        }
    }

    @Test
    @Order(7)
    void labelsAreAddedFilteredOnAndRemoved() throws Exception {
        String path = "/desk/cases/" + caseId + "/labels";
        assertEquals(303, inesBrowser.post(path, "label", " Finance ").statusCode());
        assertEquals(422, inesBrowser.post(path, "label", "two words").statusCode());
        assertTrue(inesBrowser.get("/desk/cases?label=finance").body().contains("case-" + caseId));
        assertEquals(303, inesBrowser.post(path, "remove", "finance").statusCode());
        assertFalse(inesBrowser.get("/desk/cases?label=finance").body().contains("case-" + caseId));
        assertTrue(auditActions(caseId).contains("CASE_LABELLED"));
    }

    @Test
    @Order(8)
    void anInvestigatorNotAmongTheRecipientsGets404ForEveryActionOfTheCase() throws Exception {
        ottoBrowser = new Browserless(deployed);
        ottoBrowser.signInStaff(otto.username(), PASSWORD);
        ottoBrowser.post("/desk/key/unlock", "passphrase", new String(PASSPHRASE));
        UUID item = attachmentOf(caseId);
        String path = "/desk/cases/" + caseId;
        assertEquals(404, ottoBrowser.get(path).statusCode());
        assertEquals(404, ottoBrowser.bytes(path + "/files/" + item).statusCode());
        assertEquals(404, ottoBrowser.bytes(path + "/files/" + item + ".gpg").statusCode());
        assertEquals(404, ottoBrowser.post(path + "/labels", "label", "mine").statusCode());
        assertEquals(404, ottoBrowser.post(path + "/status", "from", "RECEIVED", "to", "ACKNOWLEDGED").statusCode());
        assertEquals(404, ottoBrowser.get("/desk/cases/" + UUID.randomUUID()).statusCode());
        assertEquals(404, ottoBrowser.get("/desk/cases/not-a-uuid").statusCode());
        assertEquals(404, inesBrowser.get("/desk/cases/" + ottoCase).statusCode(), "and the other way round");
    }

    @Test
    @Order(9)
    void anAdministratorReachesNoCasePage() throws Exception {
        Browserless admin = new Browserless(deployed).signInStaff(adminName, PASSWORD);
        UUID item = attachmentOf(caseId);
        for (String path : List.of("/desk/cases", "/desk/cases/" + caseId, "/desk/cases/" + caseId + "/files/" + item,
                "/desk/cases/" + caseId + "/files/" + item + ".gpg")) {
            assertEquals(403, admin.bytes(path).statusCode(), path);
        }
        assertEquals(403, admin.post("/desk/cases/" + caseId + "/labels", "label", "x").statusCode());
    }

    @Test
    @Order(10)
    void theListShowsAndFiltersByTheCategoryInTheReadersLanguage() throws Exception {
        HttpResponse<String> list = inesBrowser.get("/desk/cases");
        assertTrue(list.body().contains("<th scope=\"col\">Category</th>"), "the list has a category column");
        Matcher rowOf = Pattern.compile("<tr[^>]*id=\"case-" + caseId + "\">(.*?)</tr>", Pattern.DOTALL).matcher(list.body());
        assertTrue(rowOf.find(), list.body());
        String row = rowOf.group(1);
        assertTrue(row.contains(">Yes, still</td>"), "the option's label, not its key: " + row);
        UUID channel = channelId(slug);
        HttpResponse<String> filtered = inesBrowser.get("/desk/cases?channel=" + channel + "&category=yes");
        assertEquals(200, filtered.statusCode(), filtered.body());
        assertTrue(filtered.body().contains("case-" + caseId));
        assertTrue(filtered.body().contains("<option value=\"yes\" selected=\"selected\">Yes, still</option>"),
                "filtered to one channel, the list offers its categories: " + filtered.body());
        assertFalse(inesBrowser.get("/desk/cases?channel=" + channel + "&category=no").body().contains("case-" + caseId));
        assertTrue(inesBrowser.get("/desk/cases?category=yes").body().contains("case-" + caseId), "or by category alone");
        inesBrowser.post("/desk/key/unlock", "passphrase", new String(PASSPHRASE));
        HttpResponse<String> page = inesBrowser.get("/desk/cases/" + caseId);
        assertEquals(200, page.statusCode(), page.body());
        assertEquals("Yes, still", Browserless.byId(page, "case-category").strip(), "the case's facts name it too");
    }

    // --- helpers

    private static UUID channelId(String channelSlug) throws Exception {
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement("select id from channel where slug = ?")) {
            s.setString(1, channelSlug);
            try (ResultSet rows = s.executeQuery()) {
                assertTrue(rows.next());
                return rows.getObject(1, UUID.class);
            }
        }
    }

    /**
     * The figures the desk's start shows for some of its views ("open", "acknowledge", "waiting",
     * "overdue", "unread"), read from the page as a person reads them.
     */
    static Map<String, Long> deskCounts(Browserless staff, String... views) throws Exception {
        HttpResponse<String> home = staff.get("/desk");
        assertEquals(200, home.statusCode(), home.body());
        assertFalse(home.body().contains("once whistleblowers report"), "with cases, the desk does not wait for them");
        Map<String, Long> counts = new java.util.HashMap<>();
        for (String v : views) {
            Matcher m = Pattern.compile("id=\"count-" + v + "\">\\s*<a href=\"([^\"]+)\"><strong class=\"count\">(\\d+)</strong>")
                    .matcher(home.body());
            assertTrue(m.find(), "the desk's start counts " + v + ": " + home.body());
            assertEquals(view(v), m.group(1).substring("/desk/cases?".length()), "the count links to its view");
            counts.put(v, Long.parseLong(m.group(2)));
        }
        return counts;
    }

    /** The query of a saved view of the list, as its link on the list gives it. */
    static String view(String name) {
        return CaseQuery.View.valueOf(name.toUpperCase(java.util.Locale.ROOT)).link().substring("/desk/cases?".length());
    }

    /** Asserts which of this class's cases the list shows for a query, in order. */
    private void assertListed(String query, UUID... expected) throws Exception {
        HttpResponse<String> list = inesBrowser.get("/desk/cases" + (query.isEmpty() ? "" : "?" + query));
        assertEquals(200, list.statusCode(), list.body());
        List<UUID> shown = new ArrayList<>();
        Matcher row = Pattern.compile("id=\"case-([0-9a-f-]{36})\"").matcher(list.body());
        while (row.find()) {
            UUID id = UUID.fromString(row.group(1));
            if (KNOWN.contains(id)) {
                shown.add(id);
            }
        }
        assertEquals(List.of(expected), shown, "the list for '" + query + "'");
    }

    /** Moves a case's dates back, as if it had been received that many days earlier. */
    private void earlier(UUID kase, int days) throws Exception {
        assertEquals("1", new Browserless(deployed).fixture("/it-desk/earlier?case=" + kase + "&days=" + days));
    }

    private UUID report(String channelSlug, String what, String fileName, byte[] file) throws Exception {
        HttpResponse<String> received = new Browserless(deployed).report(channelSlug, Part.field("what", what),
                Part.field("when", "yes"), Part.file("evidence", fileName, "text/csv", file));
        assertEquals(200, received.statusCode(), received.body());
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select c.id from case_file c join channel ch on ch.id = c.channel_id where ch.slug = ?")) {
            s.setString(1, channelSlug);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    if (KNOWN.add(id)) {
                        return id;
                    }
                }
            }
        }
        throw new AssertionError("no new case in " + channelSlug);
    }

    private static UUID attachmentOf(UUID kase) throws Exception {
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select id from case_item where case_id = ? and kind = 'ATTACHMENT' order by position limit 1")) {
            s.setObject(1, kase);
            try (ResultSet rows = s.executeQuery()) {
                assertTrue(rows.next());
                return rows.getObject(1, UUID.class);
            }
        }
    }

    private static Path blobOf(UUID item) throws Exception {
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select blob_id from case_item where id = ?")) {
            s.setObject(1, item);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                String id = rows.getString(1);
                return DATA.resolve("blobs").resolve(id.substring(0, 2)).resolve(id);
            }
        }
    }

    private static List<String> auditActions(UUID kase) throws Exception {
        List<String> actions = new ArrayList<>();
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select action from audit_entry where subject_kind = 'case' and subject_id = ? order by seq")) {
            s.setString(1, kase.toString());
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    actions.add(rows.getString(1));
                }
            }
        }
        return actions;
    }

    private static String auditDetails(UUID kase) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select details from audit_entry where subject_id = ?")) {
            s.setString(1, kase.toString());
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

    private static void gpg(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", gnupgHome.toString(), "--batch", "--yes",
                "--pinentry-mode", "loopback", "--passphrase", new String(PASSPHRASE)));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), output);
    }
}
