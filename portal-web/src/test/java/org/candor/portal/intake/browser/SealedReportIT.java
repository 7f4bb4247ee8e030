package org.candor.portal.intake.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.candor.crypto.LockSecret;
import org.candor.crypto.Opener;
import org.candor.crypto.RecipientKey;
import org.candor.crypto.ReplyCode;
import org.candor.crypto.ReplyCodeDerivation;
import org.candor.crypto.Sealer;
import org.candor.crypto.UnlockedKey;
import org.candor.crypto.WhistleblowerKey;
import org.candor.crypto.internal.Keys;
import org.candor.portal.casefile.ReportContents;
import org.candor.portal.it.Browserless;
import org.candor.portal.it.Deployments;
import org.candor.portal.it.SealedForm;
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
 * The endpoints of reports sealed in the browser (docs/protocol.md, "Sealed in the browser"),
 * over HTTP on Payara Micro and PostgreSQL, with ciphertext made here the way a browser makes
 * it: the keys answer names the channel's recipients; a well-formed upload becomes a case marked
 * as sealed in the browser that the investigator opens; plaintext, a message to the wrong
 * recipients, a message without integrity protection and a case key not of Candor's form (an
 * exact creation time, a raised S2K count) are each refused with their own problem and leave no case.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SealedReportIT {

    private static final char[] PASSPHRASE = "investigator passphrase".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private static Seed.Investigator investigator;
    private static Seed.Investigator outsider;
    private static String slug;

    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portal();
    }

    @BeforeAll
    static void seed() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        investigator = Seed.investigator("sealed-" + suffix, "a long sign-in password", PASSPHRASE);
        outsider = Seed.investigator("outsider-" + suffix, "a long sign-in password", PASSPHRASE);
        slug = "sealed-" + suffix;
        Seed.publishedChannel(slug, Seed.categorisedQuestionnaire(2 * 1024 * 1024), true, 2 * 1024 * 1024, investigator.id());
    }

    @Test
    @Order(1)
    void theKeysAnswerNamesExactlyTheChannelsRecipients() throws Exception {
        JsonObject keys = keys();
        assertEquals("candor-keys-v1", keys.getString("format"));
        assertEquals(1, keys.getJsonArray("recipients").size());
        JsonObject recipient = keys.getJsonArray("recipients").getJsonObject(0);
        assertEquals(investigator.key().fingerprint(), recipient.getString("fingerprint"));
        assertEquals(investigator.key().fingerprint(), RecipientKey.fromArmored(recipient.getString("key")).fingerprint());
        assertTrue(keys.getJsonObject("limits").getBoolean("filesAllowed"));
        assertEquals(4, keys.getJsonArray("fields").size());
        assertTrue(keys.getJsonArray("fields").getJsonObject(2).getBoolean("category"), "the category question is named");
        assertFalse(keys.getJsonArray("fields").getJsonObject(0).getBoolean("category"));
        assertEquals(404, new Browserless(deployed).get("/report/no-such/keys").statusCode());
    }

    @Test
    @Order(2)
    void aReportSealedAsABrowserDoesIsStoredAndOpensWithTheInvestigatorsKey() throws Exception {
        Upload upload = new Upload();
        byte[] file = "ledger contents".getBytes(StandardCharsets.UTF_8);
        UUID item = UUID.randomUUID();
        ReportContents report = new ReportContents(slug, "en",
                Map.of("what", List.of("sealed in a browser"), "when", List.of("yes")),
                List.of(new ReportContents.AttachmentEntry(item, "evidence", "ledger.csv", "text/csv", file.length)));
        upload.category = "yes";
        HttpResponse<String> answer = upload.send(upload.seal(report.toJson(), true), Map.of(item, upload.seal(file, true)));
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("received", json(answer.body()).getString("status"));

        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select c.sealed_in_browser, i.kind, i.id, i.blob_id, c.category from case_file c join channel ch on ch.id = c.channel_id"
                        + " join case_item i on i.case_id = c.id where ch.slug = ? order by i.position")) {
            s.setString(1, slug);
            try (ResultSet rows = s.executeQuery(); UnlockedKey key = investigator.key().unlock(PASSPHRASE)) {
                assertTrue(rows.next());
                assertTrue(rows.getBoolean(1));
                assertEquals("yes", rows.getString(5), "the category option's key sent beside the sealed report");
                assertEquals("REPORT", rows.getString(2));
                assertEquals(report, ReportContents.fromJson(open(key, rows.getString(4))));
                assertTrue(rows.next());
                assertEquals("ATTACHMENT", rows.getString(2));
                assertEquals(item, rows.getObject(3, UUID.class));
                assertEquals(new String(file, StandardCharsets.UTF_8), new String(open(key, rows.getString(4)), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    @Order(3)
    void aCategoryThatIsNotAnOptionKeyOfTheCategoryQuestionIsRefusedAndNothingIsKept() throws Exception {
        ReportContents report = new ReportContents(slug, "en",
                Map.of("what", List.of("forged category"), "when", List.of("no")), List.of());
        for (String forged : List.of("Yes", "my manager took the money")) {
            Upload upload = new Upload();
            upload.category = forged;
            assertRefused(upload.send(upload.seal(report.toJson(), true), Map.of()), "category");
        }
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select count(*) from case_file c join channel ch on ch.id = c.channel_id where ch.slug = ?")) {
            s.setString(1, slug);
            try (ResultSet rows = s.executeQuery()) {
                assertTrue(rows.next());
                assertEquals(1, rows.getInt(1), "only the case of the report before");
            }
        }
    }

    @Test
    @Order(3)
    void plaintextIsRefused() throws Exception {
        Upload upload = new Upload();
        assertRefused(upload.send("{\"format\":\"candor-report-v1\"}".getBytes(StandardCharsets.UTF_8), Map.of()), "not-sealed");
    }

    @Test
    @Order(4)
    void aMessageToTheWrongRecipientsIsRefused() throws Exception {
        Upload upload = new Upload();
        byte[] toInvestigatorOnly;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream sealed = Sealer.to(List.of(RecipientKey.fromArmored(investigator.key().exportPublicArmored())))
                .open(out, Sealer.Content.TEXT)) {
            sealed.write("missing the whistleblower key".getBytes(StandardCharsets.UTF_8));
        }
        toInvestigatorOnly = out.toByteArray();
        assertRefused(upload.send(toInvestigatorOnly, Map.of()), "wrong-recipients");

        Upload another = new Upload();
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        try (OutputStream sealed = Sealer.to(List.of(another.recipients.get(0), another.recipients.get(1),
                RecipientKey.fromArmored(outsider.key().exportPublicArmored()))).open(extra, Sealer.Content.TEXT)) {
            sealed.write("also to an outsider".getBytes(StandardCharsets.UTF_8));
        }
        assertRefused(another.send(extra.toByteArray(), Map.of()), "wrong-recipients");
    }

    @Test
    @Order(5)
    void aMessageWithoutIntegrityProtectionIsRefused() throws Exception {
        Upload upload = new Upload();
        byte[] sed = new byte[2 + 64];
        RANDOM.nextBytes(sed);
        sed[0] = (byte) 0xC9; // new-format packet, tag 9: symmetrically encrypted data without MDC
        sed[1] = 64;
        assertRefused(upload.send(sed, Map.of()), "no-integrity");
    }

    @Test
    @Order(6)
    void aPlaintextFileAfterAGoodReportIsRefusedAndNothingIsKept() throws Exception {
        Upload upload = new Upload();
        byte[] report = upload.seal("{}".getBytes(StandardCharsets.UTF_8), true);
        assertRefused(upload.send(report, Map.of(UUID.randomUUID(), "plain file".getBytes(StandardCharsets.UTF_8))),
                "not-sealed");
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select count(*) from case_file c join channel ch on ch.id = c.channel_id where ch.slug = ?")) {
            s.setString(1, slug);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                assertEquals(1, rows.getInt(1), "only the case of the well-formed upload");
            }
        }
    }

    @Test
    @Order(7)
    void aCaseKeyNotOfCandorsFormIsRefusedBeforeAnythingIsKept() throws Exception {
        Upload exactTime = new Upload();
        exactTime.keyBytes = Keys.encodeSecret(Keys.generate(Keys.CASE_KEY_USER_ID, "0".repeat(64).toCharArray(),
                Keys.Purpose.INVESTIGATOR));
        HttpResponse<String> answer = exactTime.send(exactTime.seal("{}".getBytes(StandardCharsets.UTF_8), true), Map.of());
        assertRefused(answer, "key-form");
        assertTrue(json(answer.body()).getString("message").contains("creation time"), answer.body());

        Upload raisedCount = new Upload();
        raisedCount.keyBytes = raiseS2KCount(raisedCount.whistleblowerKey.toStorage());
        answer = raisedCount.send(raisedCount.seal("{}".getBytes(StandardCharsets.UTF_8), true), Map.of());
        assertRefused(answer, "key-form");
        assertTrue(json(answer.body()).getString("message").contains("65011712 bytes hashed"), answer.body());

        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select count(*) from case_file c join channel ch on ch.id = c.channel_id where ch.slug = ?")) {
            s.setString(1, slug);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                assertEquals(1, rows.getInt(1), "only the case of the well-formed upload");
            }
        }
    }

    /** A key locked cheaply whose S2K count byte is raised to 255 in the packets afterwards, as an attacker can. */
    private static byte[] raiseS2KCount(byte[] key) {
        byte[] raised = key.clone();
        int changed = 0;
        for (int i = 0; i + 12 < raised.length; i++) {
            // usage 254, AES-256 (9), iterated-salted (3), SHA-256 (8), 8 bytes of salt, count byte 0
            if ((raised[i] & 0xff) == 254 && raised[i + 1] == 9 && raised[i + 2] == 3 && raised[i + 3] == 8
                    && raised[i + 12] == 0) {
                raised[i + 12] = (byte) 0xff;
                changed++;
            }
        }
        assertEquals(2, changed);
        return raised;
    }

    private void assertRefused(HttpResponse<String> answer, String problem) {
        assertEquals(422, answer.statusCode(), answer.body());
        JsonObject body = json(answer.body());
        assertEquals("refused", body.getString("status"));
        assertEquals(problem, body.getString("problem"));
        assertTrue(body.getString("message").contains("Nothing was stored"), body.getString("message"));
    }

    private JsonObject keys() throws Exception {
        HttpResponse<String> answer = new Browserless(deployed).send(HttpRequest.newBuilder(
                Deployments.local(deployed, "/report/" + slug + "/keys")).header("Accept", "application/json").build());
        assertEquals(200, answer.statusCode(), answer.body());
        return json(answer.body());
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static byte[] open(UnlockedKey key, String blob) throws IOException {
        Path file = Path.of("target", "it-data", "blobs", blob.substring(0, 2), blob);
        try (InputStream in = Files.newInputStream(file)) {
            return Opener.with(key).openAll(in, 1 << 20);
        }
    }

    /** What a browser holds for one upload: a fresh code, its key, a token, and the channel's keys. */
    private final class Upload {
        final ReplyCode code = ReplyCode.generate();
        final WhistleblowerKey whistleblowerKey;
        final List<RecipientKey> recipients;
        final String token;
        byte[] keyBytes;
        String category;

        Upload() throws Exception {
            try (LockSecret secret = ReplyCodeDerivation.lockSecret(code)) {
                whistleblowerKey = WhistleblowerKey.generate(secret);
            }
            JsonObject keys = keys();
            token = keys.getString("token");
            recipients = List.of(RecipientKey.fromArmored(
                    keys.getJsonArray("recipients").getJsonObject(0).getString("key")), whistleblowerKey.recipient());
        }

        byte[] seal(byte[] content, boolean toEveryone) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (OutputStream sealed = Sealer.to(toEveryone ? recipients : recipients.subList(0, 1))
                    .open(out, Sealer.Content.BINARY)) {
                sealed.write(content);
            }
            return out.toByteArray();
        }

        HttpResponse<String> send(byte[] report, Map<UUID, byte[]> files) throws Exception {
            TimeUnit.MILLISECONDS.sleep(3100); // the minimum time to fill in a form
            SealedForm form = new SealedForm().withCategory(category);
            byte[] body = form.bytes(token, ReplyCodeDerivation.preHandle(code).toBase64Url(),
                    keyBytes != null ? keyBytes : whistleblowerKey.toStorage(), report, files);
            return new Browserless(deployed).send(HttpRequest.newBuilder(Deployments.local(deployed, "/report/" + slug + "/sealed"))
                    .header("Content-Type", form.contentType())
                    .header("Accept-Language", "en")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        }
    }
}
