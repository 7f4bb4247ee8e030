package org.candor.portal.desk.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.candor.crypto.Opener;
import org.candor.crypto.ReplyCode;
import org.candor.crypto.ReplyCodeDerivation;
import org.candor.crypto.UnlockedKey;
import org.candor.crypto.WhistleblowerKey;
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
 * The investigator's daily work and oversight's check on it, over HTTP against Payara Micro on
 * PostgreSQL: a report made through the intake pages, an investigator signed in with password and
 * TOTP who replies with a file and writes a note; the whistleblower reads the reply (never the
 * note) at /contact with their reply code; the note's blob does not open with the whistleblower
 * key; the desk's conclusion reaches the whistleblower's status page. An oversight member makes a
 * key on the key pages, reads the appeal's reasons and the grounds (never the report), decides, and
 * the whistleblower reads the decision; oversight sees who opened the case; the investigator's
 * export is decrypted by GnuPG.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskWorkIT {

    private static final String PASSWORD = "desk work sign-in password";
    private static final char[] PASSPHRASE = "desk work key passphrase".toCharArray();
    private static final byte[] MEMO = "memo for the whistleblower\n".getBytes(StandardCharsets.UTF_8);

    private static Seed.Investigator ines;
    private static Seed.Investigator otto;
    private static String slug;
    private static String run;
    private static UUID caseId;
    private static String replyCode;
    private static Browserless inesBrowser;
    private static Browserless olga;
    private static Browserless ottoBrowser;
    private static Browserless admin;

    @TempDir
    static Path gnupgHome;

    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portal();
    }

    @BeforeAll
    static void seed() throws Exception {
        run = UUID.randomUUID().toString().substring(0, 6);
        ines = Seed.investigator("work-ines-" + run, PASSWORD, PASSPHRASE);
        otto = Seed.investigator("work-otto-" + run, PASSWORD, PASSPHRASE);
        slug = "work-" + run;
        Seed.publishedChannel(slug, Seed.sampleQuestionnaire(1024 * 1024), true, 1024 * 1024, ines.id());
        Seed.publishedChannel("work-otto-" + run, Seed.sampleQuestionnaire(1024 * 1024), true, 1024 * 1024, otto.id());
    }

    @Test
    @Order(1)
    void aReplyWithAFileReachesTheWhistleblowerAndAnInternalNoteNever() throws Exception {
        String[] made = report(slug, "The work-ledger was altered");
        caseId = UUID.fromString(made[0]);
        replyCode = made[1];
        inesBrowser = new Browserless(deployed);
        inesBrowser.signInStaff(ines.username(), PASSWORD);
        assertEquals(200, inesBrowser.post("/desk/key/unlock", "passphrase", new String(PASSPHRASE)).statusCode());

        HttpResponse<String> replied = inesBrowser.multipart("/desk/cases/" + caseId + "/replies",
                Part.field("text", "Thank you; please send the work-memo."), Part.file("files", "memo.txt", "text/plain", MEMO));
        assertEquals(303, replied.statusCode(), replied.body());
        assertTrue(replied.headers().firstValue("Location").orElseThrow().contains("/desk/cases/" + caseId + "#item-"));
        assertEquals(303, inesBrowser.multipart("/desk/cases/" + caseId + "/notes",
                Part.field("text", "work-note: the finance head may be involved")).statusCode());

        HttpResponse<String> page = inesBrowser.get("/desk/cases/" + caseId);
        assertTrue(page.body().contains("please send the work-memo"));
        assertTrue(page.body().contains("work-note: the finance head"));
        assertTrue(page.body().contains("memo.txt"), "the reply's file is listed with the reply");
        UUID memoItem = attachmentOf(caseId);
        HttpResponse<byte[]> memo = inesBrowser.bytes("/desk/cases/" + caseId + "/files/" + memoItem);
        assertEquals(200, memo.statusCode());
        assertTrue(memo.headers().firstValue("Content-Disposition").orElseThrow().contains("memo.txt"),
                "a message's file downloads under the name its message lists");

        Browserless whistleblower = new Browserless(deployed);
        HttpResponse<String> in = whistleblower.post("/contact", "code", replyCode);
        assertEquals(303, in.statusCode(), in.body());
        HttpResponse<String> conversation = whistleblower.get("/contact/conversation");
        assertEquals(200, conversation.statusCode(), conversation.body());
        assertTrue(conversation.body().contains("please send the work-memo"), "the whistleblower reads the reply");
        assertTrue(conversation.body().contains("memo.txt"), "and sees its file");
        assertFalse(conversation.body().contains("work-note"), "but never the internal note");
        List<String> actions = auditActions(caseId);
        assertTrue(actions.contains("CASE_REPLIED"), actions.toString());
        assertTrue(actions.contains("CASE_NOTE_ADDED"), actions.toString());
    }

    @Test
    @Order(2)
    void aWhistleblowersMessageMarksTheCaseInTheListUntilTheInvestigatorOpensIt() throws Exception {
        assertEquals(303, inesBrowser.post("/desk/cases/" + caseId + "/status", "from", "RECEIVED", "to", "ACKNOWLEDGED")
                .statusCode());
        String row = listRow(inesBrowser.get("/desk/cases").body());
        assertFalse(row.contains("unread-mark"), "she has read all there is: " + row);
        assertTrue(row.contains(">Whistleblower<"), "she answered last, so the whistleblower is next: " + row);
        assertFalse(inesBrowser.get("/desk/cases?" + DeskCasesIT.view("waiting")).body().contains("case-" + caseId));
        assertEquals(Map.of("open", 1L, "waiting", 0L, "unread", 0L),
                DeskCasesIT.deskCounts(inesBrowser, "open", "waiting", "unread"));

        Browserless whistleblower = new Browserless(deployed);
        assertEquals(303, whistleblower.post("/contact", "code", replyCode).statusCode());
        HttpResponse<String> sent = whistleblower.multipart("/contact/messages",
                Part.field("text", "Here is what the work-memo asked for."), Part.file("files", "", "text/plain", new byte[0]));
        assertEquals(303, sent.statusCode(), sent.body());

        String after = listRow(inesBrowser.get("/desk/cases").body());
        assertTrue(after.contains("unread-mark"), "the list marks the whistleblower's new message: " + after);
        assertTrue(after.contains(">You<"), "and says it is her turn: " + after);
        assertTrue(inesBrowser.get("/desk/cases?" + DeskCasesIT.view("unread")).body().contains("case-" + caseId));
        assertTrue(inesBrowser.get("/desk/cases?" + DeskCasesIT.view("waiting")).body().contains("case-" + caseId));
        assertEquals(Map.of("open", 1L, "waiting", 1L, "unread", 1L),
                DeskCasesIT.deskCounts(inesBrowser, "open", "waiting", "unread"));

        assertEquals(200, inesBrowser.get("/desk/cases/" + caseId).statusCode(), "she opens the case");
        String read = listRow(inesBrowser.get("/desk/cases").body());
        assertFalse(read.contains("unread-mark"), "once opened, the mark is gone: " + read);
        assertTrue(read.contains(">You<"), "but the answer is still hers to give: " + read);
        assertFalse(inesBrowser.get("/desk/cases?" + DeskCasesIT.view("unread")).body().contains("case-" + caseId));
        assertEquals(Map.of("waiting", 1L, "unread", 0L), DeskCasesIT.deskCounts(inesBrowser, "waiting", "unread"));
    }

    /** The list's row of this class's case. */
    private static String listRow(String list) {
        Matcher row = Pattern.compile("<tr[^>]*id=\"case-" + caseId + "\".*?</tr>", Pattern.DOTALL).matcher(list);
        assertTrue(row.find(), "the case is listed: " + list);
        return row.group();
    }

    @Test
    @Order(3)
    void theWhistleblowerKeyOpensTheReplyButNotTheNote() throws Exception {
        String stored;
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select whistleblower_key from case_file where id = ?")) {
            s.setObject(1, caseId);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                stored = rows.getString(1);
            }
        }
        WhistleblowerKey key = WhistleblowerKey.fromStorage(Base64.getDecoder().decode(stored));
        try (UnlockedKey unlocked = key.unlock(ReplyCodeDerivation.lockSecret(ReplyCode.parse(replyCode)))) {
            Opener opener = Opener.with(unlocked);
            try (InputStream reply = Files.newInputStream(blobOf(itemOf(caseId, "INVESTIGATOR_REPLY")))) {
                assertTrue(new String(opener.openAll(reply, 1 << 20), StandardCharsets.UTF_8).contains("work-memo"));
            }
            try (InputStream note = Files.newInputStream(blobOf(itemOf(caseId, "INTERNAL_NOTE")))) {
                assertThrows(java.io.IOException.class, () -> opener.openAll(note, 1 << 20),
                        "the note is not sealed to the whistleblower key");
            }
        }
    }

    @Test
    @Order(4)
    void badRepliesAreRefusedClearlyAndLeaveNothing() throws Exception {
        String path = "/desk/cases/" + caseId;
        int before = itemCount(caseId);
        HttpResponse<String> empty = inesBrowser.multipart(path + "/replies", Part.field("text", "   "));
        assertEquals(422, empty.statusCode());
        assertTrue(empty.body().contains("Please write a message or add a file."), empty.body());
        HttpResponse<String> tooLarge = inesBrowser.multipart(path + "/notes", Part.field("text", "big"),
                Part.file("files", "big.bin", "text/plain", new byte[1024 * 1024 + 1]));
        assertEquals(422, tooLarge.statusCode());
        assertTrue(tooLarge.body().contains("A file can be at most 1 MiB."), tooLarge.body());
        HttpResponse<String> notUtf8 = inesBrowser.multipart(path + "/replies", Part.field("text", new byte[] {(byte) 0xC3, (byte) 0x28}));
        assertEquals(422, notUtf8.statusCode());
        assertEquals(415, inesBrowser.post(path + "/replies", "text", "as a plain form").statusCode());
        assertEquals(before, itemCount(caseId), "no item was added by a refused form");

        ottoBrowser = new Browserless(deployed);
        ottoBrowser.signInStaff(otto.username(), PASSWORD);
        assertEquals(404, ottoBrowser.multipart(path + "/replies", Part.field("text", "not my case")).statusCode());
        assertEquals(404, ottoBrowser.multipart(path + "/notes", Part.field("text", "not my case")).statusCode());
        assertEquals(before, itemCount(caseId));
    }

    @Test
    @Order(5)
    void anOversightMemberMakesAKeyOnTheKeyPagesAndReachesNothingElseOfTheDesk() throws Exception {
        Seed.staffMember("work-olga-" + run, PASSWORD, "OVERSIGHT");
        olga = new Browserless(deployed);
        olga.signInStaff("work-olga-" + run, PASSWORD);
        HttpResponse<String> key = olga.get("/desk/key");
        assertEquals(303, key.statusCode(), key.body());
        assertTrue(key.headers().firstValue("Location").orElseThrow().endsWith("/desk/key/setup"));
        assertEquals(200, olga.get("/desk/key/setup").statusCode());
        HttpResponse<String> made = olga.post("/desk/key/generate", "passphrase", new String(PASSPHRASE),
                "passphraseRepeat", new String(PASSPHRASE));
        assertEquals(200, made.statusCode(), made.body());
        for (String path : List.of("/desk", "/desk/cases", "/desk/cases/" + caseId,
                "/desk/cases/" + caseId + "/export")) {
            assertEquals(403, olga.get(path).statusCode(), path);
        }
        Seed.staffMember("work-adam-" + run, PASSWORD, "ADMINISTRATOR");
        admin = new Browserless(deployed);
        admin.signInStaff("work-adam-" + run, PASSWORD);
        assertEquals(403, admin.get("/desk/key").statusCode(), "an administrator holds no key");
        assertEquals(403, admin.post("/desk/key/generate", "passphrase", new String(PASSPHRASE),
                "passphraseRepeat", new String(PASSPHRASE)).statusCode());
    }

    @Test
    @Order(6)
    void theDesksConclusionIsShownOnTheWhistleblowersStatusPage() throws Exception {
        String path = "/desk/cases/" + caseId;
        for (String[] move : List.of(new String[] {"ACKNOWLEDGED", "IN_ASSESSMENT"},
                new String[] {"IN_ASSESSMENT", "IN_INVESTIGATION"})) {
            assertEquals(303, inesBrowser.post(path + "/status", "from", move[0], "to", move[1]).statusCode());
        }
        assertEquals(303, inesBrowser.post(path + "/conclude", "from", "IN_INVESTIGATION", "outcome",
                "UNSUBSTANTIATED", "grounds", "We found no work-evidence of altering.").statusCode());
        Browserless whistleblower = new Browserless(deployed);
        assertEquals(303, whistleblower.post("/contact", "code", replyCode).statusCode());
        HttpResponse<String> status = whistleblower.get("/contact/status");
        assertEquals(200, status.statusCode(), status.body());
        assertTrue(status.body().contains("We found no work-evidence of altering."), status.body());
    }

    @Test
    @Order(7)
    void oversightReadsTheAppealWithItsKeyDecidesItAndTheWhistleblowerSeesTheDecision() throws Exception {
        Browserless whistleblower = new Browserless(deployed);
        assertEquals(303, whistleblower.post("/contact", "code", replyCode).statusCode());
        HttpResponse<String> filed = whistleblower.multipart("/contact/appeal", Part.field("text", "The work-appeal: nobody asked the"
                + " accountant."));
        assertEquals(303, filed.statusCode(), filed.body());

        HttpResponse<String> list = olga.get("/oversight/appeals");
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("appeal-" + caseId), "the appeal is listed");
        assertTrue(list.body().contains("Pending"));
        assertFalse(list.body().contains("work-appeal"), "the list shows no contents");
        assertEquals(403, inesBrowser.get("/oversight/appeals").statusCode(), "investigators do not decide appeals");
        assertEquals(404, olga.get("/oversight/appeals/" + UUID.randomUUID()).statusCode());
        assertEquals(404, olga.get("/oversight/appeals/not-a-case").statusCode());

        HttpResponse<String> locked = olga.get("/oversight/appeals/" + caseId);
        assertEquals(200, locked.statusCode(), locked.body());
        assertTrue(locked.body().contains("id=\"key-locked\""), "a locked key opens nothing");
        assertFalse(locked.body().contains("work-appeal"));
        assertTrue(locked.body().contains("IN_INVESTIGATION → CONCLUDED"), "the timeline comes from the audit log");

        assertEquals(422, olga.post("/desk/key/unlock", "passphrase", "not her passphrase").statusCode());
        assertEquals(200, olga.post("/desk/key/unlock", "passphrase", new String(PASSPHRASE)).statusCode());
        HttpResponse<String> open = olga.get("/oversight/appeals/" + caseId);
        assertTrue(open.body().contains("nobody asked the accountant"), "the appeal's reasons open with her key");
        assertTrue(open.body().contains("We found no work-evidence of altering."), "and the outcome's grounds");
        assertFalse(open.body().contains("work-ledger"), "never the report");
        assertFalse(open.body().contains("work-memo"), "nor the conversation");
        assertFalse(open.body().contains("work-note"), "nor the notes");

        String path = "/oversight/appeals/" + caseId + "/decision";
        HttpResponse<String> noGrounds = olga.post(path, "decision", "PARTLY_UPHELD", "grounds", "  ");
        assertEquals(422, noGrounds.statusCode());
        assertTrue(noGrounds.body().contains("Please give the grounds of the decision."), noGrounds.body());
        assertEquals(422, olga.post(path, "decision", "MAYBE", "grounds", "x").statusCode());
        assertEquals(422, olga.post(path, "grounds", "no decision").statusCode());
        assertEquals(422, olga.post(path, "decision", "REJECTED", "grounds", "x".repeat(20_001)).statusCode());
        assertEquals(403, inesBrowser.post(path, "decision", "UPHELD", "grounds", "mine").statusCode());
        assertEquals(303, olga.post(path, "decision", "PARTLY_UPHELD", "grounds",
                "The work-decision: the accountant must be heard.").statusCode());
        HttpResponse<String> twice = olga.post(path, "decision", "REJECTED", "grounds", "again");
        assertEquals(409, twice.statusCode(), "a decision sent twice changes nothing");
        assertTrue(twice.body().contains("Partly upheld"));
        assertTrue(auditActions(caseId).contains("APPEAL_DECIDED"));

        HttpResponse<String> status = whistleblower.get("/contact/status");
        assertTrue(status.body().contains("The work-decision: the accountant must be heard."), status.body());
    }

    @Test
    @Order(8)
    void oversightSeesWhoOpenedWhichCaseFilteredAndNoContents() throws Exception {
        HttpResponse<String> byCase = olga.get("/oversight/access?case=" + caseId);
        assertEquals(200, byCase.statusCode(), byCase.body());
        assertTrue(byCase.body().contains(ines.username()));
        assertTrue(byCase.body().contains("Case opened"));
        assertTrue(byCase.body().contains("File downloaded, decrypted"));
        assertTrue(byCase.body().contains("Appeal and grounds opened"), "oversight's own openings are listed too");
        for (String content : List.of("work-ledger", "work-memo", "work-note", "work-appeal", "work-decision")) {
            assertFalse(byCase.body().contains(content), "no contents: " + content);
        }
        HttpResponse<String> byShortId = olga.get("/oversight/access?case=" + caseId.toString().substring(0, 8)
                + "&staff=" + ines.username().toUpperCase(java.util.Locale.ROOT));
        assertTrue(byShortId.body().contains("case-" + caseId));
        assertFalse(byShortId.body().contains("Appeal and grounds opened"), "filtered to one staff member");
        assertFalse(olga.get("/oversight/access?staff=" + otto.username()).body().contains("case-" + caseId));
        for (String bad : List.of("case=zzz", "case=%25", "case=" + caseId + "'--", "staff=%3Cscript%3E", "staff=a%25")) {
            HttpResponse<String> refused = olga.get("/oversight/access?" + bad);
            assertEquals(400, refused.statusCode(), bad);
            assertFalse(refused.body().contains("<script>"), bad);
        }
        assertEquals(403, inesBrowser.get("/oversight/access").statusCode());
        assertEquals(403, admin.get("/oversight/access").statusCode());
    }

    @Test
    @Order(9)
    void anExportIsOneFileGnuPgDecryptsHoldingAnswersConversationNotesAndFiles() throws Exception {
        HttpResponse<byte[]> export = inesBrowser.bytes("/desk/cases/" + caseId + "/export");
        assertEquals(200, export.statusCode(), new String(export.body(), StandardCharsets.UTF_8));
        assertTrue(export.headers().firstValue("Content-Disposition").orElseThrow().contains(".zip.gpg"));
        assertFalse(new String(export.body(), StandardCharsets.ISO_8859_1).contains("work-"), "nothing in clear");
        Path sealed = gnupgHome.resolve("case.zip.gpg");
        Files.write(sealed, export.body());
        Path key = gnupgHome.resolve("secret.asc");
        Files.writeString(key, ines.key().exportLockedSecretArmored(PASSPHRASE));
        gpg("--import", key.toString());
        Path zip = gnupgHome.resolve("case.zip");
        gpg("--output", zip.toString(), "--decrypt", sealed.toString());
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertTrue(entries.keySet().containsAll(List.of("case.txt", "report.json", "answers.txt", "conversation.txt",
                "notes.txt", "attachments/01-memo.txt")), entries.keySet().toString());
        assertTrue(text(entries, "answers.txt").contains("The work-ledger was altered"));
        assertTrue(text(entries, "conversation.txt").contains("please send the work-memo"));
        assertTrue(text(entries, "conversation.txt").contains("nobody asked the accountant"));
        assertTrue(text(entries, "notes.txt").contains("work-note: the finance head"));
        assertFalse(text(entries, "conversation.txt").contains("work-note"), "notes are kept apart");
        assertTrue(java.util.Arrays.equals(MEMO, entries.get("attachments/01-memo.txt")));
        assertTrue(auditActions(caseId).contains("CASE_EXPORTED"));

        assertEquals(404, ottoBrowser.bytes("/desk/cases/" + caseId + "/export").statusCode());
        assertEquals(403, admin.bytes("/desk/cases/" + caseId + "/export").statusCode());
        assertEquals(303, inesBrowser.post("/desk/key/lock").statusCode());
        HttpResponse<byte[]> locked = inesBrowser.bytes("/desk/cases/" + caseId + "/export");
        assertEquals(303, locked.statusCode(), "a locked key exports nothing");
    }

    // --- helpers

    private static String text(java.util.Map<String, byte[]> entries, String name) {
        return new String(entries.get(name), StandardCharsets.UTF_8);
    }

    private static void gpg(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", gnupgHome.toString(), "--batch", "--yes",
                "--pinentry-mode", "loopback", "--passphrase", new String(PASSPHRASE)));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), output);
    }

    /** Makes a report through the intake pages; returns its case id and reply code. */
    private String[] report(String channelSlug, String what) throws Exception {
        HttpResponse<String> received = new Browserless(deployed).report(channelSlug, Part.field("what", what),
                Part.field("when", "yes"));
        assertEquals(200, received.statusCode(), received.body());
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select c.id from case_file c join channel ch on ch.id = c.channel_id where ch.slug = ?"
                        + " order by c.received_on desc")) {
            s.setString(1, channelSlug);
            try (ResultSet rows = s.executeQuery()) {
                assertTrue(rows.next());
                return new String[] {rows.getObject(1, UUID.class).toString(), Browserless.byId(received, "reply-code")};
            }
        }
    }

    static UUID attachmentOf(UUID kase) throws Exception {
        return itemOf(kase, "ATTACHMENT");
    }

    static UUID itemOf(UUID kase, String kind) throws Exception {
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select id from case_item where case_id = ? and kind = ? order by position limit 1")) {
            s.setObject(1, kase);
            s.setString(2, kind);
            try (ResultSet rows = s.executeQuery()) {
                assertTrue(rows.next(), kind);
                return rows.getObject(1, UUID.class);
            }
        }
    }

    static int itemCount(UUID kase) throws Exception {
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select count(*) from case_item where case_id = ?")) {
            s.setObject(1, kase);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    static Path blobOf(UUID item) throws Exception {
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select blob_id from case_item where id = ?")) {
            s.setObject(1, item);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                String id = rows.getString(1);
                return Path.of("target", "it-data", "blobs").resolve(id.substring(0, 2)).resolve(id);
            }
        }
    }

    static List<String> auditActions(UUID kase) throws Exception {
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
}
