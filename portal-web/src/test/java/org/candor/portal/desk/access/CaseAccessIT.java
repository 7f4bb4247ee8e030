package org.candor.portal.desk.access;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.candor.crypto.CiphertextInspector;
import org.candor.crypto.Opener;
import org.candor.crypto.RecipientKey;
import org.candor.crypto.UnknownRecipient;
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

/**
 * Grants, hand-overs and revocations over HTTP against Payara Micro on PostgreSQL, as the people
 * would do them: a report with a file made through the intake, a reply and a note with files and
 * the outcome's grounds written on the desk; then Ines grants Vera access, revokes it, and hands
 * the case over to Otto, who joined the channel after the report arrived. After each change the
 * stored ciphertext of every item is addressed to exactly the readers it should have (checked
 * without a key by {@code CiphertextInspector}), the people open or get 404 accordingly, a
 * revoked key opens nothing stored, and the audit log names the colleague and their key, never
 * contents. Every refusal changes nothing and leaves no blob behind.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseAccessIT {

    private static final String PASSWORD = "access sign-in password";
    private static final char[] PASSPHRASE = "access key passphrase".toCharArray();
    private static final Path BLOBS = Path.of("target", "it-data", "blobs");
    /** Report, its file, reply, its file, note, its file, grounds: the note and its file are the investigators' only. */
    private static final boolean[] SHARED_WITH_WHISTLEBLOWER = {true, true, true, true, false, false, true};
    private static final byte[] EVIDENCE = "access-evidence: ledger page 4\n".getBytes(StandardCharsets.UTF_8);

    private static String run;
    private static String slug;
    private static UUID channelId;
    private static Seed.Investigator ines;
    private static Seed.Investigator otto;
    private static Seed.Investigator vera;
    private static Seed.Investigator dora;
    private static Seed.Investigator olga;
    private static UUID kai;
    private static UUID adam;
    private static UUID caseId;
    private static String replyCode;
    private static Browserless inesBrowser;
    private static Browserless veraBrowser;
    private static Browserless adminBrowser;
    private static Browserless ottoBrowser;

    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portal();
    }

    @BeforeAll
    static void seed() throws Exception {
        run = UUID.randomUUID().toString().substring(0, 6);
        ines = Seed.investigator("access-ines-" + run, PASSWORD, PASSPHRASE);
        otto = Seed.investigator("access-otto-" + run, PASSWORD, PASSPHRASE);
        vera = Seed.investigator("access-vera-" + run, PASSWORD, PASSPHRASE);
        dora = Seed.investigator("access-dora-" + run, PASSWORD, PASSPHRASE);
        Seed.execute("update staff_member set enabled = false where id = ?", dora.id());
        olga = Seed.investigator("access-olga-" + run, PASSWORD, PASSPHRASE);
        Seed.execute("update staff_role set role = 'OVERSIGHT' where staff_id = ?", olga.id());
        kai = Seed.staffMember("access-kai-" + run, PASSWORD, "INVESTIGATOR");
        adam = Seed.staffMember("access-adam-" + run, PASSWORD, "ADMINISTRATOR");
        slug = "access-" + run;
        channelId = Seed.publishedChannel(slug, Seed.sampleQuestionnaire(1024 * 1024), true, 1024 * 1024, ines.id());
    }

    @Test
    @Order(1)
    void aCaseIsSealedToItsInvestigatorAndNobodyElseOpensIt() throws Exception {
        report("The access-ledger was altered");
        inesBrowser = new Browserless(deployed).signInStaff(ines.username(), PASSWORD);
        assertEquals(200, inesBrowser.post("/desk/key/unlock", "passphrase", new String(PASSPHRASE)).statusCode());
        String path = "/desk/cases/" + caseId;
        assertEquals(303, inesBrowser.multipart(path + "/replies", List.of("text", "access-reply: please send more"),
                "files", "reply.txt", "access-reply-file".getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(303, inesBrowser.multipart(path + "/notes", List.of("text", "access-note: internal only"),
                "files", "note.txt", "access-note-file".getBytes(StandardCharsets.UTF_8)).statusCode());
        for (String[] move : List.of(new String[] {"RECEIVED", "ACKNOWLEDGED"}, new String[] {"ACKNOWLEDGED", "IN_ASSESSMENT"},
                new String[] {"IN_ASSESSMENT", "IN_INVESTIGATION"})) {
            assertEquals(303, inesBrowser.post(path + "/status", "from", move[0], "to", move[1]).statusCode());
        }
        assertEquals(303, inesBrowser.post(path + "/conclude", "from", "IN_INVESTIGATION", "outcome", "SUBSTANTIATED",
                "grounds", "access-grounds: the ledger was altered").statusCode());
        assertEquals(List.of("REPORT", "ATTACHMENT", "INVESTIGATOR_REPLY", "ATTACHMENT", "INTERNAL_NOTE", "ATTACHMENT",
                "OUTCOME_GROUNDS"), kinds());
        assertSealedTo(ines);

        HttpResponse<String> page = inesBrowser.get(path);
        assertTrue(page.body().contains("href=\"/desk/cases/" + caseId + "/access\""), "the case page links to its access");
        veraBrowser = new Browserless(deployed).signInStaff(vera.username(), PASSWORD);
        assertEquals(200, veraBrowser.post("/desk/key/unlock", "passphrase", new String(PASSPHRASE)).statusCode());
        assertEquals(404, veraBrowser.get(path).statusCode());
        assertEquals(404, veraBrowser.get(path + "/access").statusCode());
        assertFalse(veraBrowser.get("/desk/cases").body().contains("case-" + caseId));
    }

    @Test
    @Order(2)
    void grantingReSealsEveryItemSoThatTheColleagueOpensTheCase() throws Exception {
        Map<UUID, String> before = blobIds();
        HttpResponse<String> access = inesBrowser.get("/desk/cases/" + caseId + "/access");
        assertEquals(200, access.statusCode(), access.body());
        assertTrue(access.body().contains(ines.key().fingerprint()), "who can open it, with the key's fingerprint");
        assertTrue(option(access, "grant-colleague", vera.id()), "Vera may be given access");
        assertFalse(option(access, "grant-colleague", kai), "an investigator without a key is not offered");
        assertFalse(option(access, "grant-colleague", dora.id()), "nor a disabled one");
        assertFalse(option(access, "grant-colleague", olga.id()), "nor an oversight member");
        String version = version(access);

        HttpResponse<String> granted = inesBrowser.post("/desk/cases/" + caseId + "/access/grant",
                "colleague", vera.id().toString(), "version", version);
        assertEquals(303, granted.statusCode(), granted.body());
        assertTrue(inesBrowser.follow(granted).body().contains(vera.key().fingerprint()));

        assertSealedTo(ines, vera);
        Map<UUID, String> after = blobIds();
        for (Map.Entry<UUID, String> item : before.entrySet()) {
            assertFalse(item.getValue().equals(after.get(item.getKey())), "every item has a new blob");
            assertFalse(Files.exists(blobPath(item.getValue())), "and the old blob is gone");
        }
        assertTrue(veraBrowser.get("/desk/cases").body().contains("case-" + caseId), "the case is in Vera's list");
        HttpResponse<String> opened = veraBrowser.get("/desk/cases/" + caseId);
        assertEquals(200, opened.statusCode(), opened.body());
        for (String text : List.of("The access-ledger was altered", "access-reply: please send more",
                "access-note: internal only", "access-grounds: the ledger was altered")) {
            assertTrue(opened.body().contains(text), "Vera reads " + text);
        }
        HttpResponse<String> file = veraBrowser.get("/desk/cases/" + caseId + "/files/" + itemOfKind("ATTACHMENT", 3));
        assertEquals(200, file.statusCode());
        assertEquals("access-note-file", file.body(), "the note's file opens decrypted for her");

        Browserless whistleblower = new Browserless(deployed);
        assertEquals(303, whistleblower.post("/contact", "code", replyCode).statusCode());
        HttpResponse<String> conversation = whistleblower.get("/contact/conversation");
        assertTrue(conversation.body().contains("access-reply: please send more"), "the whistleblower still reads the reply");
        assertFalse(conversation.body().contains("access-note"), "and never the note");

        Map<String, String> details = lastAudit("CASE_ACCESS_GRANTED");
        assertEquals(ines.username(), details.get("actor"));
        assertEquals(vera.id().toString(), details.get("staff"));
        assertEquals(vera.username(), details.get("staff-name"));
        assertEquals(vera.key().fingerprint(), details.get("fingerprint"));
        assertEquals("7", details.get("items"));
        for (String content : List.of("access-ledger", "access-reply", "access-note", "access-grounds", "evidence.txt")) {
            assertFalse(details.toString().contains(content), "no contents in the audit log: " + details);
        }
    }

    @Test
    @Order(3)
    void everyRefusalSaysWhyChangesNothingAndLeavesNoBlob() throws Exception {
        String base = "/desk/cases/" + caseId + "/access/";
        HttpResponse<String> page = inesBrowser.get("/desk/cases/" + caseId + "/access");
        String version = version(page);
        Map<UUID, String> blobs = blobIds();
        long files = blobFiles();
        int audit = auditCount();

        HttpResponse<String> stale = inesBrowser.post(base + "grant", "colleague", otto.id().toString(),
                "version", "0123456789abcdef01234567");
        assertEquals(409, stale.statusCode(), "a form made for other people with access is stale");
        assertTrue(stale.body().contains("Nothing was changed"), stale.body());

        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("grant " + ines.id(), "You can open this case already.");
        refusals.put("grant " + vera.id(), vera.username() + " can open this case already.");
        refusals.put("grant " + adam, "access-adam-" + run + " is not an investigator");
        refusals.put("grant " + olga.id(), olga.username() + " is not an investigator");
        refusals.put("grant " + dora.id(), "The account of " + dora.username() + " is disabled.");
        refusals.put("grant " + kai, "access-kai-" + run + " has no usable key");
        refusals.put("grant " + UUID.randomUUID(), "There is no such colleague.");
        refusals.put("grant x' or '1'='1", "There is no such colleague.");
        refusals.put("assign " + ines.id(), "You cannot hand the case over to yourself.");
        refusals.put("assign " + otto.id(), otto.username() + " does not receive the channel of this case.");
        refusals.put("revoke " + otto.id(), otto.username() + " cannot open this case");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            String[] form = refusal.getKey().split(" ", 2);
            HttpResponse<String> refused = inesBrowser.post(base + form[0], "colleague", form[1], "version", version,
                    "confirm", "yes");
            assertEquals(422, refused.statusCode(), refusal.getKey());
            assertTrue(refused.body().contains(refusal.getValue()), refusal.getKey() + ":\n" + refused.body());
        }

        Path tampered = blobPath(blobs.get(itemOfKind("ATTACHMENT", 3)));
        byte[] original = Files.readAllBytes(tampered);
        byte[] altered = original.clone();
        altered[altered.length - 30] ^= 0x01;
        Files.write(tampered, altered);
        try {
            HttpResponse<String> damaged = inesBrowser.post(base + "grant", "colleague", otto.id().toString(),
                    "version", version);
            assertEquals(422, damaged.statusCode());
            assertTrue(damaged.body().contains("Item 6 of the case failed its integrity check"), damaged.body());
        } finally {
            Files.write(tampered, original);
        }

        assertEquals(blobs, blobIds(), "no item points elsewhere");
        assertEquals(files, blobFiles(), "no new blob was left behind");
        assertEquals(audit, auditCount(), "nothing was recorded");
        assertSealedTo(ines, vera);
        ottoBrowser = new Browserless(deployed).signInStaff(otto.username(), PASSWORD);
        assertEquals(404, ottoBrowser.get("/desk/cases/" + caseId).statusCode(), "nobody was given access by a refused form");
    }

    @Test
    @Order(4)
    void aRevokedColleagueGets404AndTheirKeyOpensNothingStored() throws Exception {
        HttpResponse<String> page = inesBrowser.get("/desk/cases/" + caseId + "/access");
        String version = version(page);
        HttpResponse<String> unticked = inesBrowser.post("/desk/cases/" + caseId + "/access/revoke",
                "colleague", vera.id().toString(), "version", version);
        assertEquals(422, unticked.statusCode(), "a revocation without its box ticked is refused");
        assertTrue(unticked.body().contains("Nothing was changed"), unticked.body());
        assertTrue(veraBrowser.get("/desk/cases").body().contains("case-" + caseId), "and the case stays in Vera's list");
        HttpResponse<String> revoked = inesBrowser.post("/desk/cases/" + caseId + "/access/revoke",
                "colleague", vera.id().toString(), "version", version, "confirm", "yes");
        assertEquals(303, revoked.statusCode(), revoked.body());

        assertEquals(404, veraBrowser.get("/desk/cases/" + caseId).statusCode());
        assertEquals(404, veraBrowser.get("/desk/cases/" + caseId + "/files/" + itemOfKind("ATTACHMENT", 1)).statusCode());
        assertFalse(veraBrowser.get("/desk/cases").body().contains("case-" + caseId));
        assertSealedTo(ines);
        try (UnlockedKey key = vera.key().unlock(PASSPHRASE)) {
            for (String blob : blobIds().values()) {
                try (InputStream in = Files.newInputStream(blobPath(blob))) {
                    assertThrows(UnknownRecipient.class, () -> Opener.with(key).openAll(in, 1 << 20),
                            "the revoked key opens no stored item");
                }
            }
        }
        HttpResponse<String> twice = inesBrowser.post("/desk/cases/" + caseId + "/access/revoke",
                "colleague", vera.id().toString(), "version", version, "confirm", "yes");
        assertEquals(409, twice.statusCode(), "the same form sent twice changes nothing");

        Map<String, String> details = lastAudit("CASE_ACCESS_REVOKED");
        assertEquals(vera.id().toString(), details.get("staff"));
        assertEquals(vera.key().fingerprint(), details.get("fingerprint"));
    }

    @Test
    @Order(5)
    void handingOverGivesTheCaseToAColleagueOfTheChannelAndTakesItFromTheOneHandingOver() throws Exception {
        adminBrowser = new Browserless(deployed).signInStaff("access-adam-" + run, PASSWORD);
        assertEquals(303, adminBrowser.post("/admin/channels/" + channelId + "/recipients", "recipient", ines.id().toString(),
                "recipient", otto.id().toString()).statusCode(), "Otto joins the channel after the report arrived");
        HttpResponse<String> untickedWithdrawal = adminBrowser.post("/admin/channels/" + channelId + "/withdraw");
        assertEquals(422, untickedWithdrawal.statusCode(), "withdrawing a channel needs its box ticked");
        assertTrue(untickedWithdrawal.body().contains("Nothing was withdrawn"), untickedWithdrawal.body());
        HttpResponse<String> untickedRemoval = adminBrowser.post("/admin/channels/" + channelId + "/fields/where/remove");
        assertEquals(422, untickedRemoval.statusCode(), "removing a question needs its box ticked");
        assertTrue(untickedRemoval.body().contains("Nothing was removed"), untickedRemoval.body());
        assertTrue(new Browserless(deployed).get("/report/" + slug).body().contains("Where?"),
                "the channel is still offered, with the question");
        HttpResponse<String> page = inesBrowser.get("/desk/cases/" + caseId + "/access");
        assertTrue(option(page, "assign-colleague", otto.id()), "a colleague of the channel may take it over");
        assertFalse(option(page, "assign-colleague", vera.id()), "one of another channel may not");
        HttpResponse<String> assigned = inesBrowser.post("/desk/cases/" + caseId + "/access/assign",
                "colleague", otto.id().toString(), "version", version(page));
        assertEquals(303, assigned.statusCode(), assigned.body());
        assertEquals("/desk/cases", Browserless.location(assigned), "the case has left her list");

        assertEquals(404, inesBrowser.get("/desk/cases/" + caseId).statusCode());
        assertSealedTo(otto);
        assertEquals(200, ottoBrowser.post("/desk/key/unlock", "passphrase", new String(PASSPHRASE)).statusCode());
        assertTrue(ottoBrowser.get("/desk/cases").body().contains("case-" + caseId));
        HttpResponse<String> opened = ottoBrowser.get("/desk/cases/" + caseId);
        assertEquals(200, opened.statusCode());
        assertTrue(opened.body().contains("access-note: internal only"));
        Map<String, String> details = lastAudit("CASE_ASSIGNED");
        assertEquals(ines.username(), details.get("actor"));
        assertEquals(otto.id().toString(), details.get("staff"));
        assertEquals(otto.key().fingerprint(), details.get("fingerprint"));

        HttpResponse<String> last = ottoBrowser.post("/desk/cases/" + caseId + "/access/revoke",
                "colleague", otto.id().toString(), "version", version(ottoBrowser.get("/desk/cases/" + caseId + "/access")),
                "confirm", "yes");
        assertEquals(422, last.statusCode());
        assertTrue(last.body().contains("You are the only one who can open this case"), last.body());
        assertSealedTo(otto);

        assertEquals(303, ottoBrowser.post("/desk/key/lock").statusCode());
        HttpResponse<String> locked = ottoBrowser.post("/desk/cases/" + caseId + "/access/grant",
                "colleague", vera.id().toString(), "version", version(ottoBrowser.get("/desk/cases/" + caseId + "/access")));
        assertEquals("/desk/key", Browserless.location(locked), "a locked key re-seals nothing");
        assertSealedTo(otto);
    }

    @Test
    @Order(6)
    void oversightAndAdministratorsCannotChangeAccess() throws Exception {
        Browserless oversight = new Browserless(deployed).signInStaff(olga.username(), PASSWORD);
        for (Browserless person : List.of(oversight, adminBrowser)) {
            assertEquals(403, person.get("/desk/cases/" + caseId + "/access").statusCode());
            for (String change : List.of("grant", "assign", "revoke")) {
                assertEquals(403, person.post("/desk/cases/" + caseId + "/access/" + change, "colleague",
                        vera.id().toString(), "version", "x").statusCode(), change);
            }
        }
        assertEquals(404, veraBrowser.post("/desk/cases/" + caseId + "/access/grant", "colleague", vera.id().toString(),
                "version", "x").statusCode(), "an investigator who cannot open the case gets 404");
        assertEquals(404, veraBrowser.post("/desk/cases/" + UUID.randomUUID() + "/access/grant", "colleague",
                vera.id().toString(), "version", "x").statusCode());
        assertSealedTo(otto);
    }

    // --- helpers

    /** Makes a report with a file through the intake pages, as a whistleblower does. */
    private void report(String what) throws Exception {
        HttpResponse<String> received = new Browserless(deployed).report(slug, Part.field("what", what),
                Part.field("when", "yes"), Part.file("evidence", "evidence.txt", "application/octet-stream", EVIDENCE));
        assertEquals(200, received.statusCode(), received.body());
        replyCode = Browserless.byId(received, "reply-code");
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select id from case_file where channel_id = ?")) {
            s.setObject(1, channelId);
            try (ResultSet rows = s.executeQuery()) {
                assertTrue(rows.next());
                caseId = rows.getObject(1, UUID.class);
            }
        }
    }

    /**
     * Checks every stored item of the case, without a key, for being addressed to exactly these
     * investigators, plus the whistleblower key where it is shared with them and the oversight
     * member for the grounds.
     */
    private static void assertSealedTo(Seed.Investigator... investigators) throws Exception {
        RecipientKey whistleblower = whistleblowerKey();
        List<RecipientKey> oversight = oversightKeys();
        assertTrue(oversight.contains(olga.key().recipient()));
        List<String> kinds = kinds();
        List<String> blobs = new ArrayList<>(blobIds().values());
        for (int i = 0; i < kinds.size(); i++) {
            List<RecipientKey> expected = new ArrayList<>();
            for (Seed.Investigator investigator : investigators) {
                expected.add(investigator.key().recipient());
            }
            if (SHARED_WITH_WHISTLEBLOWER[i]) {
                expected.add(whistleblower);
            }
            if (kinds.get(i).equals("OUTCOME_GROUNDS")) {
                expected.addAll(oversight);
            }
            try (InputStream in = Files.newInputStream(blobPath(blobs.get(i)))) {
                CiphertextInspector.expecting(expected).inspect(in);
            } catch (Exception wrong) {
                throw new AssertionError("item " + i + " (" + kinds.get(i) + "): " + wrong.getMessage(), wrong);
            }
        }
        List<UUID> recipients = new ArrayList<>();
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select staff_id, fingerprint from case_recipient where case_id = ? order by staff_id")) {
            s.setObject(1, caseId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    UUID staffId = rows.getObject(1, UUID.class);
                    recipients.add(staffId);
                    String fingerprint = rows.getString(2);
                    assertTrue(Stream.of(investigators).anyMatch(x -> x.id().equals(staffId)
                            && x.key().fingerprint().equals(fingerprint)), "recipient " + staffId);
                }
            }
        }
        assertEquals(investigators.length, recipients.size(), "case_recipient names exactly the investigators");
    }

    /** The keys of every enabled oversight member (other test classes may have made some in this database). */
    private static List<RecipientKey> oversightKeys() throws Exception {
        List<RecipientKey> keys = new ArrayList<>();
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select k.public_armored from investigator_key k join staff_member m on m.id = k.staff_id"
                        + " join staff_role r on r.staff_id = m.id where m.enabled and r.role = 'OVERSIGHT'")) {
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    keys.add(RecipientKey.fromArmored(rows.getString(1)));
                }
            }
        }
        return keys;
    }

    private static RecipientKey whistleblowerKey() throws Exception {
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select whistleblower_key from case_file where id = ?")) {
            s.setObject(1, caseId);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return WhistleblowerKey.fromStorage(Base64.getDecoder().decode(rows.getString(1))).recipient();
            }
        }
    }

    private static List<String> kinds() throws Exception {
        List<String> kinds = new ArrayList<>();
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select kind from case_item where case_id = ? order by position")) {
            s.setObject(1, caseId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    kinds.add(rows.getString(1));
                }
            }
        }
        return kinds;
    }

    /** Item id to blob id, in position order. */
    private static Map<UUID, String> blobIds() throws Exception {
        Map<UUID, String> blobs = new LinkedHashMap<>();
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select id, blob_id from case_item where case_id = ? order by position")) {
            s.setObject(1, caseId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    blobs.put(rows.getObject(1, UUID.class), rows.getString(2));
                }
            }
        }
        return blobs;
    }

    /** The n-th (1-based) item of a kind. */
    private static UUID itemOfKind(String kind, int n) throws Exception {
        List<String> kinds = kinds();
        List<UUID> ids = new ArrayList<>(blobIds().keySet());
        int seen = 0;
        for (int i = 0; i < kinds.size(); i++) {
            if (kinds.get(i).equals(kind) && ++seen == n) {
                return ids.get(i);
            }
        }
        throw new AssertionError("no " + kind + " number " + n);
    }

    private static Path blobPath(String blobId) {
        return BLOBS.resolve(blobId.substring(0, 2)).resolve(blobId);
    }

    /** The blob files stored, pending ones included. */
    private static long blobFiles() throws Exception {
        try (Stream<Path> files = Files.walk(BLOBS)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static int auditCount() throws Exception {
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement("select count(*) from audit_entry")) {
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** The details of the case's last audit entry of an action, with its actor's name as "actor". */
    private static Map<String, String> lastAudit(String action) throws Exception {
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select actor_name, details from audit_entry where subject_kind = 'case' and subject_id = ?"
                        + " and action = ? order by seq desc limit 1")) {
            s.setString(1, caseId.toString());
            s.setString(2, action);
            try (ResultSet rows = s.executeQuery()) {
                assertTrue(rows.next(), "no " + action + " entry");
                Map<String, String> details = new LinkedHashMap<>();
                details.put("actor", rows.getString(1));
                for (String line : rows.getString(2).split("\n")) {
                    String[] kv = line.split("=", 2);
                    details.put(kv[0], kv[1]);
                }
                return details;
            }
        }
    }

    private static boolean option(HttpResponse<String> page, String select, UUID staffId) {
        Matcher m = Pattern.compile("<select id=\"" + select + "\".*?</select>", Pattern.DOTALL).matcher(page.body());
        return m.find() && m.group().contains("value=\"" + staffId + "\"");
    }

    private static String version(HttpResponse<String> page) {
        Matcher m = Pattern.compile("name=\"version\" value=\"([0-9a-f]+)\"").matcher(page.body());
        assertTrue(m.find(), page.body());
        return m.group(1);
    }
}
