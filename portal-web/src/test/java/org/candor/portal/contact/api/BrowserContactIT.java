package org.candor.portal.contact.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.candor.crypto.LockSecret;
import org.candor.crypto.Opener;
import org.candor.crypto.RecipientKey;
import org.candor.crypto.ReplyCode;
import org.candor.crypto.ReplyCodeDerivation;
import org.candor.crypto.Sealer;
import org.candor.crypto.UnlockedKey;
import org.candor.crypto.WhistleblowerKey;
import org.candor.portal.admin.channels.SettableRecipientKeys;
import org.candor.portal.casefile.MessageContents;
import org.candor.portal.casefile.ReportContents;
import org.candor.portal.contact.ContactFixtures;
import org.candor.portal.it.Browserless;
import org.candor.portal.it.Browserless.Part;
import org.candor.portal.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The endpoints of the way back in with JavaScript (docs/protocol.md, "Contact with JavaScript"),
 * over HTTP on Payara Micro and PostgreSQL, doing what the browser does with the test's own
 * OpenPGP: a pre-handle signs in without the code or the lock secret; the case answer and the
 * items are ciphertext that the code's key opens; a message sealed to exactly the case's keys is
 * stored and the plain pages read it; plaintext, wrong recipients, no integrity protection,
 * malformed and oversized bodies are refused and leave nothing; wrong pre-handles all get the
 * same answer and share the throttle with the plain sign-in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserContactIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portal().addClasses(ContactFixtures.class, ContactFixtures.Setup.class,
                SettableRecipientKeys.class);
    }

    /** A browser: cookies kept, no redirects followed, requests as the page's script sends them. */
    private final class Person {
        final Browserless http = new Browserless(deployed);

        HttpResponse<String> get(String path) throws Exception {
            return http.get(path);
        }

        HttpResponse<byte[]> bytes(String path) throws Exception {
            return http.bytes(path);
        }

        HttpResponse<String> post(String path, String field, String value) throws Exception {
            return http.post(path, field, value);
        }

        HttpResponse<String> signIn(String preHandle) throws Exception {
            return http.post("/contact/browser/sign-in", "prehandle", preHandle);
        }

        HttpResponse<String> send(Map<String, byte[]> parts) throws Exception {
            return sendTo("/contact/browser/messages", parts);
        }

        HttpResponse<String> appeal(Map<String, byte[]> parts) throws Exception {
            return sendTo("/contact/browser/appeal", parts);
        }

        private HttpResponse<String> sendTo(String path, Map<String, byte[]> parts) throws Exception {
            String boundary = "----sealed" + UUID.randomUUID().toString().replace("-", "");
            return http.post(path, "multipart/form-data; boundary=" + boundary, multipart(boundary, parts));
        }
    }

    /** A case made through the plain intake, its code, and a person signed in with its pre-handle. */
    private final class Signed {
        final UUID caseId;
        final String code;
        final Person person = new Person();
        JsonObject described;

        Signed(String story) throws Exception {
            String[] made = fixture("/it-contact/case?story=" + q(story)).split(" ");
            caseId = UUID.fromString(made[0]);
            code = made[1];
            HttpResponse<String> in = person.signIn(preHandle(code));
            assertEquals(200, in.statusCode(), in.body());
            described = describe();
        }

        JsonObject describe() throws Exception {
            HttpResponse<String> answer = person.get("/contact/browser/case");
            assertEquals(200, answer.statusCode(), answer.body());
            return json(answer.body());
        }

        List<RecipientKey> recipients() throws Exception {
            return keys(described.getJsonArray("recipients"));
        }

        JsonObject status() {
            return described.getJsonObject("status");
        }

        JsonObject appeal() {
            return status().getJsonObject("appeal");
        }

        String kinds() throws Exception {
            try (Connection c = DriverManager.getConnection(Deployments.databaseUrl()); PreparedStatement s = c.prepareStatement(
                    "select kind from case_item where case_id = ? order by position")) {
                s.setObject(1, caseId);
                List<String> kinds = new ArrayList<>();
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        kinds.add(rows.getString(1));
                    }
                }
                return String.join(" ", kinds);
            }
        }

        UnlockedKey unlock() throws Exception {
            WhistleblowerKey locked = WhistleblowerKey.fromStorage(described.getString("key").getBytes(StandardCharsets.US_ASCII));
            try (ReplyCode parsed = ReplyCode.parse(code); LockSecret secret = ReplyCodeDerivation.lockSecret(parsed)) {
                return locked.unlock(secret);
            }
        }

        int items() throws Exception {
            try (Connection c = DriverManager.getConnection(Deployments.databaseUrl());
                    PreparedStatement s = c.prepareStatement("select count(*) from case_item where case_id = ?")) {
                s.setObject(1, caseId);
                try (ResultSet rows = s.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        }
    }

    @Test
    @Order(1)
    void aPreHandleSignsInAndTheCaseIsServedOnlyAsALockedKeyPublicKeysAndCiphertext() throws Exception {
        generousThrottle();
        Signed signed = new Signed("the story only the whistleblower knows");
        fixture("/it-contact/reply?case=" + signed.caseId + "&text=" + q("a reply from the investigators"));
        signed.described = signed.describe();
        JsonObject described = signed.described;
        assertEquals("candor-contact-v1", described.getString("format"));
        assertTrue(described.getBoolean("open"));
        assertFalse(described.toString().contains("the story only"), "nothing in clear in the case answer");
        assertTrue(described.getString("key").startsWith("-----BEGIN PGP PRIVATE KEY BLOCK-----"));

        List<RecipientKey> recipients = signed.recipients();
        assertEquals(2, recipients.size(), "the investigator and the case's whistleblower key");
        assertTrue(recipients.stream().anyMatch(k -> k.fingerprint().equals(described.getString("keyFingerprint"))));
        assertEquals(List.of("REPORT", "INVESTIGATOR_REPLY"), described.getJsonArray("items").getValuesAs(JsonObject.class)
                .stream().map(i -> i.getString("kind")).toList());
        assertEquals("What happened?", described.getJsonArray("questions").getJsonObject(0).getString("label"));

        try (UnlockedKey key = signed.unlock()) {
            List<JsonObject> items = described.getJsonArray("items").getValuesAs(JsonObject.class);
            HttpResponse<byte[]> report = signed.person.bytes("/contact/browser/items/" + items.get(0).getString("id"));
            assertEquals(200, report.statusCode());
            assertFalse(new String(report.body(), StandardCharsets.ISO_8859_1).contains("the story only"));
            assertEquals(List.of("the story only the whistleblower knows"),
                    ReportContents.fromJson(Opener.with(key).openAll(new java.io.ByteArrayInputStream(report.body()), 1 << 20))
                            .answers().get("story"));
            HttpResponse<byte[]> reply = signed.person.bytes("/contact/browser/items/" + items.get(1).getString("id"));
            assertEquals("a reply from the investigators",
                    MessageContents.fromJson(Opener.with(key).openAll(new java.io.ByteArrayInputStream(reply.body()), 1 << 20)).text());
        }
        assertEquals(404, signed.person.bytes("/contact/browser/items/" + UUID.randomUUID()).statusCode());

        // For a reload, the session keeps what the browser wrapped, and gives it back to that session only.
        assertRefused(signed.person.get("/contact/browser/reload"), 401, "signed-out");
        assertRefused(signed.person.post("/contact/browser/reload", "wrapped", "not base64!"), 400, "malformed");
        java.util.Base64.Encoder base64url = java.util.Base64.getUrlEncoder().withoutPadding();
        assertRefused(signed.person.post("/contact/browser/reload", "wrapped", base64url.encodeToString(new byte[129])),
                400, "malformed");
        byte[] wrapped = new byte[76];
        new java.security.SecureRandom().nextBytes(wrapped);
        assertEquals(200, signed.person.post("/contact/browser/reload", "wrapped", base64url.encodeToString(wrapped)).statusCode());
        JsonObject resumed = json(signed.person.get("/contact/browser/reload").body());
        assertEquals(base64url.encodeToString(wrapped), resumed.getString("wrapped"));
        assertFalse(resumed.getString("token").isBlank(), "the session's token, for the page's next requests");
        assertRefused(new Person().get("/contact/browser/reload"), 401, "signed-out");
        assertRefused(new Person().post("/contact/browser/reload", "wrapped", base64url.encodeToString(wrapped)), 401,
                "signed-out");
        assertEquals(303, signed.person.get("/contact/conversation").statusCode(),
                "a session without the lock secret opens nothing on the server");
        assertEquals(401, new Person().get("/contact/browser/case").statusCode(), "no session, no case");

        Person plain = new Person();
        plain.post("/contact", "code", signed.code);
        assertEquals(401, plain.get("/contact/browser/case").statusCode(), "a plain session does not serve the browser path");
    }

    @Test
    @Order(2)
    void aMessageSealedAsTheBrowserDoesIsStoredAsThePlainPathStoresItAndReadsThere() throws Exception {
        generousThrottle();
        Signed signed = new Signed("a story");
        byte[] file = ("ledger," + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        UUID fileId = UUID.randomUUID();
        byte[] document = new MessageContents("more facts sealed in the browser",
                List.of(new ReportContents.AttachmentEntry(fileId, MessageContents.FIELD, "ledger.csv", "text/csv", file.length)))
                .toJson();
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("message", seal(signed.recipients(), document));
        parts.put("file-" + fileId, seal(signed.recipients(), file));
        HttpResponse<String> sent = signed.person.send(parts);
        assertEquals(200, sent.statusCode(), sent.body());
        assertEquals("sent", json(sent.body()).getString("status"));
        assertEquals(3, signed.items(), "the report, the message and its file");

        Person plain = new Person();
        assertEquals(303, plain.post("/contact", "code", signed.code).statusCode());
        String page = plain.get("/contact/conversation").body();
        assertTrue(page.contains("more facts sealed in the browser"), "the plain page opens the browser's message");
        assertTrue(page.contains("ledger.csv"));
        assertArrayEquals(file, plain.bytes("/contact/files/" + fileId).body());
    }

    @Test
    @Order(3)
    void plaintextWrongRecipientsNoIntegrityMalformedAndOversizedMessagesAreRefusedAndLeaveNothing() throws Exception {
        generousThrottle();
        Signed signed = new Signed("a story");
        List<RecipientKey> everyone = signed.recipients();
        byte[] document = new MessageContents("refused", List.of()).toJson();

        assertRefused(signed.person.send(Map.of("message", document)), 422, "not-sealed");
        assertRefused(signed.person.send(Map.of("message", seal(everyone.subList(0, 1), document))), 422, "wrong-recipients");
        RecipientKey outsider = RecipientKey.fromArmored(org.candor.crypto.InvestigatorKey
                .generate("Outsider <o@example.org>", "a long passphrase".toCharArray()).exportPublicArmored());
        List<RecipientKey> withOutsider = new ArrayList<>(everyone);
        withOutsider.add(outsider);
        assertRefused(signed.person.send(Map.of("message", seal(withOutsider, document))), 422, "wrong-recipients");
        byte[] sed = new byte[2 + 64];
        RANDOM.nextBytes(sed);
        sed[0] = (byte) 0xC9; // tag 9: symmetrically encrypted data without MDC
        sed[1] = 64;
        assertRefused(signed.person.send(Map.of("message", sed)), 422, "no-integrity");

        Map<String, byte[]> plainFile = new LinkedHashMap<>();
        plainFile.put("message", seal(everyone, document));
        plainFile.put("file-" + UUID.randomUUID(), "a file in clear".getBytes(StandardCharsets.UTF_8));
        assertRefused(signed.person.send(plainFile), 422, "not-sealed");

        assertRefused(signed.person.send(Map.of("files", seal(everyone, document))), 400, "malformed");
        Map<String, byte[]> badName = new LinkedHashMap<>();
        badName.put("message", seal(everyone, document));
        badName.put("file-not-a-uuid", seal(everyone, document));
        assertRefused(signed.person.send(badName), 400, "malformed");
        assertRefused(signed.person.http.post("/contact/browser/messages", "multipart/form-data; boundary=x",
                "message=hello".getBytes(StandardCharsets.UTF_8)), 400, "malformed");
        assertRefused(signed.person.http.post("/contact/browser/messages", "application/x-www-form-urlencoded",
                "message=hello".getBytes(StandardCharsets.UTF_8)), 415, "notMultipart");

        Map<String, byte[]> bigFile = new LinkedHashMap<>();
        bigFile.put("message", seal(everyone, document));
        bigFile.put("file-" + UUID.randomUUID(), seal(everyone, new byte[12 * 1024 * 1024])); // 10 MiB a file, sealed and padded at most 11.3 MiB
        assertRefused(signed.person.send(bigFile), 413, "tooLarge");

        assertEquals(1, signed.items(), "only the report: no refused message left an item");
        assertEquals(401, new Person().send(Map.of("message", seal(everyone, document))).statusCode(), "no session, nothing kept");
    }

    @Test
    @Order(4)
    void wrongPreHandlesAllGetOneAnswerAndShareTheThrottleWithThePlainSignIn() throws Exception {
        generousThrottle();
        Signed signed = new Signed("a story");
        Person guesser = new Person();
        String first = null;
        Map<String, List<String>> firstHeaders = null;
        for (int i = 0; i < 1000; i++) {
            HttpResponse<String> wrong;
            if (i % 2 == 0) {
                byte[] random = new byte[32];
                RANDOM.nextBytes(random);
                wrong = guesser.signIn(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            } else {
                try (ReplyCode guess = ReplyCode.generate()) {
                    wrong = guesser.signIn(ReplyCodeDerivation.preHandle(guess).toBase64Url());
                }
            }
            String described = wrong.statusCode() + "\n" + wrong.body();
            Map<String, List<String>> headers = withoutDate(wrong.headers());
            if (first == null) {
                first = described;
                firstHeaders = headers;
                assertEquals(403, wrong.statusCode());
                assertEquals("wrong", json(wrong.body()).getString("problem"));
                assertFalse(headers.containsKey("set-cookie"), "a wrong pre-handle starts no session");
            } else {
                assertEquals(first, described, "attempt " + i);
                assertEquals(firstHeaders, headers, "attempt " + i);
            }
        }
        assertRefused(guesser.signIn("not a pre-handle"), 400, "malformed");

        fixture("/it-contact/throttle?failures=3&perCode=50&millis=3000");
        for (int i = 0; i < 3; i++) {
            try (ReplyCode guess = ReplyCode.generate()) {
                assertEquals(403, guesser.signIn(ReplyCodeDerivation.preHandle(guess).toBase64Url()).statusCode());
            }
        }
        HttpResponse<String> throttledWrong;
        try (ReplyCode guess = ReplyCode.generate()) {
            throttledWrong = guesser.signIn(ReplyCodeDerivation.preHandle(guess).toBase64Url());
        }
        assertRefused(throttledWrong, 429, "throttled");
        try (ReplyCode guess = ReplyCode.generate()) {
            assertEquals(429, new Person().post("/contact", "code", guess.display()).statusCode(),
                    "failures on the browser path count for the plain sign-in too");
        }
        HttpResponse<String> right = new Person().signIn(preHandle(signed.code));
        assertEquals(200, right.statusCode(),
                "other people's failures never refuse a code that opens a case: " + right.body());
    }

    @Test
    @Order(5)
    void anAppealSealedAsTheBrowserDoesIsReadableByTheOversightAndFiledOnceWithTheStatusAsThePlainPageShowsIt()
            throws Exception {
        generousThrottle();
        Signed signed = new Signed("a story to appeal");
        assertEquals("Your report was received. It has not been acknowledged yet.", signed.status().getString("text"));
        assertEquals("notYet", signed.appeal().getString("state"));
        assertFalse(signed.appeal().containsKey("recipients"), "no keys to seal an appeal to before one may be filed");
        byte[] reasons = new MessageContents("the outcome ignored the ledger", List.of()).toJson();
        assertRefused(signed.person.appeal(Map.of("message", seal(signed.recipients(), reasons))), 409, "notAllowed");

        String oversight = fixture("/it-contact/oversight");
        fixture("/it-contact/conclude?case=" + signed.caseId + "&grounds=" + q("we fixed the ledger"));
        signed.described = signed.describe();
        JsonObject status = signed.status();
        assertEquals("The handling of your report is concluded.", status.getString("text"));
        assertEquals("Your report was found to be substantiated.", status.getString("outcome"));
        assertEquals(4, status.getJsonArray("timeline").size(), "received, acknowledged, in assessment, concluded");
        assertEquals("Met", status.getJsonArray("deadlines").getJsonObject(0).getString("state"));
        assertFalse(status.getString("retention").isBlank());
        assertFalse(signed.described.toString().contains("we fixed the ledger"), "the grounds are sealed, not in the answer");
        assertEquals("allowed", signed.appeal().getString("state"));
        List<RecipientKey> appealKeys = keys(signed.appeal().getJsonArray("recipients"));
        List<String> fingerprints = appealKeys.stream().map(RecipientKey::fingerprint).toList();
        assertTrue(fingerprints.contains(oversight), "the oversight can read the appeal");
        assertTrue(fingerprints.containsAll(signed.recipients().stream().map(RecipientKey::fingerprint).toList()),
                "so can the investigators and the whistleblower");

        String before = signed.kinds();
        assertRefused(signed.person.appeal(Map.of("message", seal(signed.recipients(), reasons))), 422, "wrong-recipients");
        assertEquals(before, signed.kinds(), "an appeal the oversight could not read is refused and leaves nothing");

        byte[] file = ("ledger," + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        UUID fileId = UUID.randomUUID();
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("message", seal(appealKeys, new MessageContents("the outcome ignored the ledger",
                List.of(new ReportContents.AttachmentEntry(fileId, MessageContents.FIELD, "ledger.csv", "text/csv", file.length)))
                .toJson()));
        parts.put("file-" + fileId, seal(appealKeys, file));
        HttpResponse<String> filed = signed.person.appeal(parts);
        assertEquals(200, filed.statusCode(), filed.body());
        assertEquals(before + " APPEAL ATTACHMENT", signed.kinds());

        signed.described = signed.describe();
        assertEquals("pending", signed.appeal().getString("state"));
        assertTrue(signed.appeal().getString("text").startsWith("Your appeal of "), signed.appeal().getString("text"));
        assertFalse(signed.appeal().containsKey("recipients"));
        assertRefused(signed.person.appeal(parts), 409, "notAllowed");
        assertEquals(before + " APPEAL ATTACHMENT", signed.kinds(), "one appeal only");

        Person plain = new Person();
        assertEquals(303, plain.post("/contact", "code", signed.code).statusCode());
        assertTrue(plain.get("/contact/status").body().contains("Your appeal of "), "the plain status page shows it pending");
        String conversation = plain.get("/contact/conversation").body();
        assertTrue(conversation.contains("the outcome ignored the ledger"), "the appeal, sealed in the browser, opened on the server");
        assertArrayEquals(file, plain.bytes("/contact/files/" + fileId).body());

        fixture("/it-contact/decide?case=" + signed.caseId + "&grounds=" + q("partly right"));
        signed.described = signed.describe();
        assertEquals("decided", signed.appeal().getString("state"));
        assertEquals("Your appeal was partly upheld.", signed.appeal().getString("decision"));
    }

    @Test
    @Order(6)
    void aMessageThatIsWellSealedButNoMessageDocumentIsShownAsUnreadableAndTheRestOfTheConversationStaysReadable()
            throws Exception {
        generousThrottle();
        Signed signed = new Signed("a story that stays readable");
        fixture("/it-contact/reply?case=" + signed.caseId + "&text=" + q("a reply that stays readable"));
        for (String document : List.of("{\"format\":\"candor-message-v1\"}", "not json at all",
                "{\"format\":\"candor-message-v1\",\"text\":7,\"attachments\":[]}")) {
            HttpResponse<String> sent = signed.person.send(
                    Map.of("message", seal(signed.recipients(), document.getBytes(StandardCharsets.UTF_8))));
            assertEquals(200, sent.statusCode(), "the server cannot read a browser's message, so it keeps it: " + sent.body());
        }
        Person plain = new Person();
        assertEquals(303, plain.post("/contact", "code", signed.code).statusCode());
        HttpResponse<String> page = plain.get("/contact/conversation");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("a story that stays readable"));
        assertTrue(page.body().contains("a reply that stays readable"));
        assertEquals(3, page.body().split("This entry could not be read", -1).length - 1, page.body());
        assertEquals(200, plain.get("/contact/status").statusCode());
    }

    @Test
    @Order(7)
    void anInternalNoteWithAFileLeavesNoTraceOnEitherPathOfTheWhistleblower() throws Exception {
        generousThrottle();
        Signed signed = new Signed("a story told once");
        String sharedFile = fixture("/it-contact/message-with-file?case=" + signed.caseId + "&kind=INVESTIGATOR_REPLY&text="
                + q("please look at this") + "&name=shared.txt&fill=shared&bytes=1000").split(" ")[1];
        Person plain = new Person();
        assertEquals(303, plain.post("/contact", "code", signed.code).statusCode());
        String jsonBefore = signed.describe().toString();
        String conversationBefore = plain.get("/contact/conversation").body();
        String statusBefore = plain.get("/contact/status").body();

        String[] note = fixture("/it-contact/message-with-file?case=" + signed.caseId + "&kind=INTERNAL_NOTE&text="
                + q("internal: the source is probably in accounting") + "&name=suspects.xlsx&fill=SUSPECT-LIST&bytes=123457")
                .split(" ");
        assertEquals("REPORT INVESTIGATOR_REPLY ATTACHMENT INTERNAL_NOTE ATTACHMENT", signed.kinds(), "the note and its file are stored");

        String jsonAfter = signed.describe().toString();
        assertEquals(jsonBefore, jsonAfter, "the case answer is the same to the byte: no item, count, size or day of the note");
        assertTrue(jsonAfter.contains(sharedFile), "the file of a reply is listed");
        HttpResponse<byte[]> unknown = signed.person.bytes("/contact/browser/items/" + UUID.randomUUID());
        for (String id : note) {
            HttpResponse<byte[]> asked = signed.person.bytes("/contact/browser/items/" + id);
            assertEquals(404, asked.statusCode(), "the note's item " + id + " is not served, not even as ciphertext");
            assertArrayEquals(unknown.body(), asked.body(), "answered as an item that does not exist");
        }
        assertEquals(200, signed.person.bytes("/contact/browser/items/" + sharedFile).statusCode());

        assertEquals(conversationBefore, plain.get("/contact/conversation").body(), "the plain conversation page is unchanged");
        assertEquals(statusBefore, plain.get("/contact/status").body(), "the plain status page is unchanged");
        String unknownId = UUID.randomUUID().toString();
        String unknownFile = plain.get("/contact/files/" + unknownId).body().replace(unknownId, "ID");
        for (String id : note) {
            HttpResponse<String> asked = plain.get("/contact/files/" + id);
            assertEquals(404, asked.statusCode());
            assertEquals(unknownFile, asked.body().replace(id, "ID"), "the same page as for an id that never existed");
        }
    }

    private static List<RecipientKey> keys(jakarta.json.JsonArray named) throws IOException {
        List<RecipientKey> keys = new ArrayList<>();
        for (JsonObject r : named.getValuesAs(JsonObject.class)) {
            RecipientKey key = RecipientKey.fromArmored(r.getString("key"));
            assertEquals(r.getString("fingerprint"), key.fingerprint());
            keys.add(key);
        }
        return keys;
    }

    private static void assertRefused(HttpResponse<String> answer, int status, String problem) {
        assertEquals(status, answer.statusCode(), answer.body());
        JsonObject body = json(answer.body());
        assertEquals("refused", body.getString("status"));
        assertEquals(problem, body.getString("problem"));
        assertFalse(body.getString("message").isBlank());
    }

    private static byte[] seal(List<RecipientKey> to, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream sealed = Sealer.to(to).open(out, Sealer.Content.BINARY)) {
            sealed.write(content);
        }
        return out.toByteArray();
    }

    /** A body of sealed parts, each sent as a file named "sealed", as the page's script sends it. */
    private static byte[] multipart(String boundary, Map<String, byte[]> parts) {
        return Browserless.multipartBody(boundary, parts.entrySet().stream()
                .map(part -> Part.file(part.getKey(), "sealed", "application/octet-stream", part.getValue())).toList());
    }

    private static String preHandle(String code) throws Exception {
        try (ReplyCode parsed = ReplyCode.parse(code)) {
            return ReplyCodeDerivation.preHandle(parsed).toBase64Url();
        }
    }

    private static Map<String, List<String>> withoutDate(HttpHeaders headers) {
        Map<String, List<String>> map = new TreeMap<>(headers.map());
        map.remove("date");
        return map;
    }

    private void generousThrottle() throws Exception {
        fixture("/it-contact/throttle?failures=5000&perCode=50&millis=60000");
    }

    private String fixture(String path) throws Exception {
        return new Browserless(deployed).fixture(path);
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
