package org.candor.portal.contact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.candor.crypto.ReplyCode;
import org.candor.portal.admin.channels.SettableRecipientKeys;
import org.candor.portal.it.Browserless;
import org.candor.portal.it.Browserless.Part;
import org.candor.portal.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whistleblower's way back in, over HTTP against Payara Micro on PostgreSQL: a case made by
 * the intake, a reply, sign-in with the code typed loosely, reading, answering with a file,
 * status and deadlines, conclusion, appeal, decision; then wrong codes, typos, the throttle, and
 * a search for the code, its lock secret and the messages in every column and blob.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContactFlowIT {

    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portal().addClasses(ContactFixtures.class, ContactFixtures.Setup.class,
                SettableRecipientKeys.class);
    }

    /** Signs in at the contact page with a reply code as typed. */
    private static HttpResponse<String> signIn(Browserless person, String typed) throws Exception {
        return person.post("/contact", "code", typed);
    }

    private String fixture(String path) throws Exception {
        return new Browserless(deployed).fixture(path);
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private void generousThrottle() throws Exception {
        fixture("/it-contact/throttle?failures=5000&perCode=50&millis=60000");
    }

    @Test
    void aWhistleblowerReadsAReplyAnswersWithAFileFollowsTheStatusAndAppeals() throws Exception {
        generousThrottle();
        String canary = "canary-" + UUID.randomUUID();
        String[] made = fixture("/it-contact/case?story=" + q("The story " + canary + "-report")).split(" ");
        String caseId = made[0];
        String code = made[1];
        fixture("/it-contact/reply?case=" + caseId + "&text=" + q("Could you send the invoice? " + canary + "-reply"));

        Browserless person = new Browserless(deployed);
        String typed = code.toLowerCase(Locale.ROOT).replace("-", " ");
        HttpResponse<String> in = signIn(person, typed);
        assertEquals(303, in.statusCode(), in.body());
        assertEquals("/contact/conversation", Deployments.local(deployed, "/").resolve(in.headers().firstValue("Location").orElseThrow()).getPath());
        List<String> sessionCookies = in.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("candor_session=")).toList();
        String cookie = sessionCookies.get(sessionCookies.size() - 1); // the one a browser keeps
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        sessionCookies.forEach(c -> assertFalse(c.toLowerCase(Locale.ROOT).contains("max-age")
                || c.toLowerCase(Locale.ROOT).contains("expires"), "the session ends when the browser closes: " + c));

        HttpResponse<String> page = person.get("/contact/conversation");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(ContactFixtures.STORY_LABEL), "questions are labelled");
        assertTrue(page.body().contains(canary + "-report"));
        assertTrue(page.body().contains(canary + "-reply"));
        assertFalse(page.body().contains("<script"));

        byte[] file = ("<html><script>alert('" + canary + "-file')</script></html>").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> sent = person.multipart("/contact/messages", Part.field("text", "Here it is " + canary + "-message"),
                Part.file("files", "..\\..\\invoice\".html", "text/html", file));
        assertEquals(303, sent.statusCode(), sent.body());
        page = person.get("/contact/conversation?sent=1");
        assertTrue(page.body().contains(canary + "-message"));
        Matcher link = Pattern.compile("href=\"(/contact/files/[0-9a-f-]+)\"").matcher(page.body());
        assertTrue(link.find(), page.body());
        HttpResponse<byte[]> download = person.bytes(link.group(1));
        assertEquals(200, download.statusCode());
        assertArrayEquals(file, download.body());
        assertEquals("application/octet-stream", download.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElseThrow());
        String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
        assertTrue(disposition.startsWith("attachment; filename=\"invoice_.html\""), disposition);
        assertEquals(404, person.bytes("/contact/files/" + UUID.randomUUID()).statusCode());

        HttpResponse<String> status = person.get("/contact/status");
        assertTrue(status.body().contains("It has not been acknowledged yet"), status.body());
        assertTrue(status.body().contains("Not yet due"));
        assertTrue(status.body().contains("once your report is concluded"));

        fixture("/it-contact/conclude?case=" + caseId + "&grounds=" + q("We stopped the payments " + canary + "-grounds"));
        status = person.get("/contact/status");
        assertTrue(status.body().contains("found to be substantiated"));
        assertTrue(status.body().contains(canary + "-grounds"));
        assertTrue(status.body().contains("id=\"acknowledgement\">Met<"), status.body());

        HttpResponse<String> appealed = person.multipart("/contact/appeal", Part.field("text", "The handling was slow " + canary + "-appeal"),
                Part.file("files", "note.txt", "text/html", "more".getBytes(StandardCharsets.UTF_8)));
        assertEquals(303, appealed.statusCode(), appealed.body());
        status = person.get("/contact/status");
        assertTrue(status.body().contains("is waiting for the oversight"), status.body());
        HttpResponse<String> twice = person.multipart("/contact/appeal", Part.field("text", "again"),
                Part.file("files", "x.txt", "text/html", new byte[1]));
        assertEquals(422, twice.statusCode(), "one appeal per case");

        fixture("/it-contact/decide?case=" + caseId + "&grounds=" + q("Handling took too long " + canary + "-decision"));
        status = person.get("/contact/status");
        assertTrue(status.body().contains("Your appeal was partly upheld."));
        assertTrue(status.body().contains(canary + "-decision"));

        HttpResponse<String> german = person.get("/contact/status", "de");
        assertTrue(german.body().contains("Ihrem Antrag wurde teilweise stattgegeben."));

        assertEquals(303, person.post("/contact/sign-out").statusCode());
        HttpResponse<String> after = person.get("/contact/conversation");
        assertEquals(303, after.statusCode(), "signed out");
        assertFalse(after.body().contains(canary));

        assertNothingInClear(List.of(code, code.replace("-", ""), lockSecretHex(code), canary));
    }

    @Test
    void aFileWhoseStoredCiphertextWasAlteredIsRefusedWithAClearMessageAndNothingOfItIsSent() throws Exception {
        generousThrottle();
        String[] made = fixture("/it-contact/case?story=" + q("a story")).split(" ");
        String secretLine = "PAYROLL-LEDGER-LINE-" + UUID.randomUUID() + ";";
        String fileId = fixture("/it-contact/message-with-file?case=" + made[0] + "&kind=INVESTIGATOR_REPLY&text="
                + q("Is this the ledger?") + "&name=ledger.csv&fill=" + q(secretLine) + "&bytes=300000").split(" ")[1];
        Browserless person = new Browserless(deployed);
        assertEquals(303, signIn(person, made[1]).statusCode());
        HttpResponse<byte[]> intact = person.bytes("/contact/files/" + fileId);
        assertEquals(200, intact.statusCode());
        assertEquals(300_000, intact.body().length);

        Path blob = blobOf(UUID.fromString(fileId));
        byte[] bytes = Files.readAllBytes(blob);
        bytes[bytes.length - 30] ^= 0x01; // in the last packet: every plaintext byte decrypts before the check fails
        Files.write(blob, bytes);

        HttpResponse<byte[]> refused = person.bytes("/contact/files/" + fileId);
        assertEquals(422, refused.statusCode());
        String page = new String(refused.body(), StandardCharsets.UTF_8);
        assertTrue(page.contains("failed its integrity check") && page.contains("Nothing of it was sent"), page);
        assertFalse(page.contains("PAYROLL-LEDGER-LINE"), "no plaintext of the file is released");
        assertTrue(refused.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(refused.headers().firstValue("Content-Disposition").isEmpty(), "no file is offered");
        assertTrue(page.contains("Is this the ledger?"), "the conversation stays readable around the damaged file");
    }

    @Test
    void aThousandWrongCodesGetIdenticalAnswersAndTheRightCodeWorksOnceTheWindowPasses() throws Exception {
        generousThrottle();
        String code = fixture("/it-contact/case?story=" + q("a story")).split(" ")[1];
        Browserless guesser = new Browserless(deployed);
        String first = null;
        Map<String, List<String>> firstHeaders = null;
        for (int i = 0; i < 1000; i++) {
            HttpResponse<String> wrong;
            try (ReplyCode guess = ReplyCode.generate()) {
                wrong = signIn(guesser, guess.display());
            }
            String described = wrong.statusCode() + "\n" + wrong.body();
            Map<String, List<String>> headers = withoutDate(wrong.headers());
            if (first == null) {
                first = described;
                firstHeaders = headers;
                assertEquals(403, wrong.statusCode());
                assertTrue(wrong.body().contains("does not open a report"));
                assertFalse(headers.containsKey("set-cookie"), "a wrong code starts no session");
            } else {
                assertEquals(first, described, "attempt " + i);
                assertEquals(firstHeaders, headers, "attempt " + i);
            }
        }

        fixture("/it-contact/throttle?failures=3&perCode=50&millis=3000");
        for (int i = 0; i < 3; i++) {
            try (ReplyCode guess = ReplyCode.generate()) {
                assertEquals(403, signIn(guesser, guess.display()).statusCode());
            }
        }
        HttpResponse<String> throttledWrong;
        try (ReplyCode guess = ReplyCode.generate()) {
            throttledWrong = signIn(guesser, guess.display());
        }
        assertEquals(429, throttledWrong.statusCode());
        assertTrue(throttledWrong.body().contains("There were too many attempts. Please try again in a minute."),
                throttledWrong.body());
        HttpResponse<String> right = signIn(new Browserless(deployed), code);
        assertEquals(303, right.statusCode(),
                "other people's failures never refuse a code that opens a case: " + right.body());
        try (ReplyCode guess = ReplyCode.generate()) {
            assertEquals(429, signIn(guesser, guess.display()).statusCode(), "guessing stays slowed meanwhile");
        }
    }

    @Test
    void aTypoIsReportedAsATypoAndAShortCodeAsShort() throws Exception {
        generousThrottle();
        String code = fixture("/it-contact/case?story=" + q("a story")).split(" ")[1];
        char[] chars = code.toCharArray();
        int at = 0;
        chars[at] = chars[at] == '7' ? '8' : '7';
        HttpResponse<String> typo = signIn(new Browserless(deployed), new String(chars));
        assertEquals(422, typo.statusCode());
        assertTrue(typo.body().contains("a character seems mistyped or two are swapped"), typo.body());
        String field = codeField(typo.body());
        assertTrue(field.contains("value=\"" + new String(chars) + "\""), "the typed code is kept to be mended: " + field);
        assertTrue(field.contains("aria-invalid=\"true\""), field);
        assertTrue(field.contains("aria-describedby=\"code-hint sign-in-error\""), "the message is tied to the field: " + field);
        HttpResponse<String> shortCode = signIn(new Browserless(deployed), code.substring(0, 10));
        assertTrue(shortCode.body().contains("a reply code has 28 letters and digits, this one has 8"), shortCode.body());
        HttpResponse<String> hostile = signIn(new Browserless(deployed), "<script>alert(1)</script>' or 1=1 --");
        assertEquals(422, hostile.statusCode());
        assertFalse(hostile.body().contains("<script>alert"));
        assertEquals(422, signIn(new Browserless(deployed), "").statusCode());
        try (ReplyCode other = ReplyCode.generate()) {
            HttpResponse<String> wrong = signIn(new Browserless(deployed), other.display());
            assertEquals(403, wrong.statusCode());
            assertFalse(wrong.body().contains(other.display()), "a wrong code is not shown again: " + codeField(wrong.body()));
        }
        assertEquals(303, new Browserless(deployed).get("/contact/conversation").statusCode(), "no session, no conversation");
        assertEquals(303, new Browserless(deployed).get("/contact/files/" + UUID.randomUUID()).statusCode());
    }

    @Test
    void everyPublicPageLeadsBackToTheReplyCodeSignIn() throws Exception {
        Browserless visitor = new Browserless(deployed);
        for (String path : List.of("/", "/transparency", "/contact", "/no-such-page")) {
            HttpResponse<String> page = visitor.get(path);
            assertTrue(page.body().contains("<a href=\"/contact\">Reported already? Come back with your reply code"),
                    path + " has no way back for a whistleblower:\n" + page.body());
        }
    }

    /** The reply-code field of a sign-in page. */
    private static String codeField(String page) {
        Matcher field = Pattern.compile("<input id=\"code\"[^>]*>").matcher(page);
        assertTrue(field.find(), page);
        return field.group();
    }

    /** Where the portal keeps an item's ciphertext (the blob store under the ITs' data folder). */
    private static Path blobOf(UUID item) throws Exception {
        try (Connection c = DriverManager.getConnection(Deployments.databaseUrl());
                java.sql.PreparedStatement s = c.prepareStatement("select blob_id from case_item where id = ?")) {
            s.setObject(1, item);
            try (ResultSet rows = s.executeQuery()) {
                assertTrue(rows.next(), "item " + item);
                String id = rows.getString(1);
                return Path.of("target/it-data").resolve("blobs").resolve(id.substring(0, 2)).resolve(id);
            }
        }
    }

    private static Map<String, List<String>> withoutDate(HttpHeaders headers) {
        Map<String, List<String>> out = new TreeMap<>(headers.map());
        out.keySet().removeIf(name -> name.equalsIgnoreCase("date"));
        return out;
    }

    /** The lock secret as the whistleblower key's passphrase: HKDF-SHA-256 of the code, hex (docs/protocol.md). */
    private static String lockSecretHex(String code) throws Exception {
        byte[] canonical = code.replace("-", "").getBytes(StandardCharsets.US_ASCII);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("candor/reply-code/v1".getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        byte[] prk = mac.doFinal(canonical);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update("candor/lock-secret/v1".getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) 1);
        return java.util.HexFormat.of().formatHex(mac.doFinal());
    }

    /** No column of any table, no blob and no file of the server's data folder holds these in clear. */
    private static void assertNothingInClear(List<String> secrets) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(Deployments.databaseUrl()); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet t = s.executeQuery("select table_name from information_schema.tables where table_schema = 'public'")) {
                while (t.next()) {
                    tables.add(t.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = s.executeQuery("select * from \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            String value = rows.getString(i);
                            for (String secret : secrets) {
                                if (value != null && value.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT))) {
                                    found.add(table + "." + rows.getMetaData().getColumnName(i));
                                }
                            }
                        }
                    }
                }
            }
        }
        List<Path> folders = new ArrayList<>(List.of(Path.of("target/it-data")));
        try (Stream<Path> temporary = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            // Payara Micro's runtime folders (logs, uploads, session stores) and loose temporary files
            temporary.filter(p -> p.getFileName().toString().startsWith("payara") || Files.isRegularFile(p)).forEach(folders::add);
        }
        for (Path folder : folders) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).filter(Files::isReadable).toList()) {
                    if (Files.size(file) > 50_000_000) {
                        continue;
                    }
                    String bytes;
                    try {
                        bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    } catch (java.io.IOException unreadable) {
                        continue;
                    }
                    for (String secret : secrets) {
                        if (bytes.contains(secret)) {
                            found.add(file.toString());
                        }
                    }
                }
            } catch (java.io.UncheckedIOException | java.io.IOException walkFailed) {
                // a folder another process changes while it is read; the data folder is the one that matters
            }
        }
        assertEquals(List.of(), found, "found in clear");
    }
}
