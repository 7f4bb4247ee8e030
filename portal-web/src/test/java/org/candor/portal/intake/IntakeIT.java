package org.candor.portal.intake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.candor.crypto.Opener;
import org.candor.crypto.UnlockedKey;
import org.candor.portal.casefile.ReportContents;
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
 * A report sent without JavaScript, over HTTP, to Payara Micro on PostgreSQL: it is sealed on
 * arrival, opens with the investigator's key exactly as sent, GnuPG opens its files, nothing of
 * it rests in clear anywhere the server writes, and bad input is refused with the form back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntakeIT {

    private static final char[] PASSPHRASE = "investigator passphrase".toCharArray();
    private static final String CANARY = "canary" + UUID.randomUUID().toString().replace("-", "");
    private static final Path DATA = Path.of("target", "it-data");
    private static final Path TEMP = Path.of("target", "it-tmp");

    private static Seed.Investigator investigator;
    private static String slug;
    private static UUID caseId;

    @ArquillianResource
    URL deployed;

    @TempDir
    static Path gnupgHome;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portal();
    }

    @BeforeAll
    static void seed() throws Exception {
        investigator = Seed.investigator("intake-" + UUID.randomUUID().toString().substring(0, 8), "a long sign-in password",
                PASSPHRASE);
        slug = "intake-" + UUID.randomUUID().toString().substring(0, 8);
        Questionnaire questionnaire = Seed.categorisedQuestionnaire(2 * 1024 * 1024);
        Seed.publishedChannel(slug, questionnaire, true, 2 * 1024 * 1024, investigator.id());
    }

    @Test
    @Order(1)
    void aReportWithTwoFilesIsReceivedAndTheReplyCodeShownOnce() throws Exception {
        String form = get("/report/" + slug).body();
        assertTrue(form.contains("enctype=\"multipart/form-data\""));
        assertTrue(form.contains("What happened?"));
        String note = Browserless.byId(form, "clear-when");
        assertTrue(note.contains("stored without encryption") && note.contains("Everything else"),
                "the category question tells the whistleblower its answer is kept in clear: " + note);
        assertEquals(2, form.split("stored without encryption", -1).length - 1,
                "under the category question, and in what the browser path promises");
        assertTrue(Browserless.byId(form, "sealed-available").contains("except your answer to the one question marked"));
        TimeUnit.MILLISECONDS.sleep(1100); // people take time to fill in a form; so must a test
        HttpResponse<String> received = post(new Multipart()
                .field("token", token(form))
                .field("what", "The " + CANARY + " account was emptied. Umlauts: äöü ß, emoji ✓")
                .field("where", "Office " + CANARY)
                .field("when", "yes")
                .file("evidence", "ledger-" + CANARY + ".csv", "text/csv", ("amount," + CANARY + "\n1,2\n").getBytes())
                .file("evidence", "photo.bin", "application/octet-stream", bytes(300_000)));
        assertEquals(200, received.statusCode(), received.body());
        assertTrue(received.body().contains("encrypted on arrival at the server"));
        String code = Browserless.byId(received, "reply-code");
        assertTrue(code.matches("([0-9A-Z]{4}-){6}[0-9A-Z]{4}"), "28 characters in groups: " + code);
        assertEquals(7, received.body().split("<span class=\"group\">", -1).length - 1,
                "each group of the code on its own unbreakable piece, so that it wraps only between groups");
        assertTrue(received.body().contains("id=\"acknowledge-by\""));
        assertFalse(received.body().contains(CANARY), "the answer page does not echo the report");

        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select c.id, c.status, count(i.id), c.category from case_file c join channel ch on ch.id = c.channel_id "
                        + "join case_item i on i.case_id = c.id where ch.slug = ? group by c.id, c.status, c.category")) {
            s.setString(1, slug);
            try (ResultSet rows = s.executeQuery()) {
                assertTrue(rows.next());
                caseId = rows.getObject(1, UUID.class);
                assertEquals("RECEIVED", rows.getString(2));
                assertEquals(3, rows.getInt(3), "the report and two files");
                assertEquals("yes", rows.getString(4), "the category is the chosen option's key, not its label");
                assertFalse(rows.next());
            }
        }
    }

    @Test
    @Order(2)
    void theInvestigatorsKeyOpensExactlyWhatWasSent() throws Exception {
        List<Path> blobs = blobsOf(caseId);
        try (UnlockedKey key = investigator.key().unlock(PASSPHRASE)) {
            ReportContents report;
            try (InputStream in = Files.newInputStream(blobs.get(0))) {
                report = ReportContents.fromJson(Opener.with(key).openAll(in, 1 << 20));
            }
            assertEquals(List.of("The " + CANARY + " account was emptied. Umlauts: äöü ß, emoji ✓"), report.answers().get("what"));
            assertEquals(List.of("yes"), report.answers().get("when"));
            assertEquals(2, report.attachments().size());
            assertEquals("ledger-" + CANARY + ".csv", report.attachments().get(0).name());
            assertEquals("text/csv", report.attachments().get(0).contentType());
            try (InputStream in = Files.newInputStream(blobs.get(2))) {
                assertArrayEquals(bytes(300_000), Opener.with(key).openAll(in, 1 << 20));
            }
        }
    }

    @Test
    @Order(3)
    void gnuPgDecryptsAStoredFileWithTheInvestigatorsExportedKey() throws Exception {
        Path secret = gnupgHome.resolve("secret.asc");
        Files.writeString(secret, investigator.key().exportLockedSecretArmored(PASSPHRASE));
        gpg("--import", secret.toString());
        Path out = gnupgHome.resolve("ledger.csv");
        gpg("--output", out.toString(), "--decrypt", blobsOf(caseId).get(1).toString());
        assertEquals("amount," + CANARY + "\n1,2\n", Files.readString(out));
    }

    @Test
    @Order(4)
    void nothingOfTheReportRestsInClearInTheDatabaseTheBlobsOrTheTemporaryFiles() throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection c = Seed.connect()) {
            for (String table : tables(c)) {
                try (PreparedStatement s = c.prepareStatement("select * from " + table); ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                            dump.append(rows.getString(i)).append('\n');
                        }
                    }
                }
            }
        }
        assertFalse(dump.toString().contains(CANARY), "no canary in any table");
        assertFalse(dump.toString().contains("ledger-"), "no file name in any table");
        assertEquals(List.of(), filesContaining(DATA, CANARY), "no canary in the data folder (blobs, keys)");
        assertEquals(List.of(), filesContaining(TEMP, CANARY), "no canary in the server's temporary folder");
    }

    @Test
    @Order(5)
    void missingRequiredAnswersBringTheFormBackWithTheAnswersKept() throws Exception {
        String form = get("/report/" + slug).body();
        TimeUnit.MILLISECONDS.sleep(1100);
        HttpResponse<String> refused = post(new Multipart().field("token", token(form))
                .field("where", "kept <b>here</b>")
                .file("evidence", "a.txt", "text/plain", "a".getBytes()));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("value=\"kept &lt;b&gt;here&lt;/b&gt;\""), "answers kept, escaped");
        assertTrue(refused.body().contains("attach them again"), "files must be attached again");
        assertTrue(refused.body().contains("class=\"problems\""));
        assertTrue(refused.body().contains("<title>Error: "), "the page's title says the form came back");
        String summary = Browserless.byId(refused, "error-summary");
        assertTrue(summary.contains("There is a problem with your report"), summary);
        assertTrue(refused.body().contains("<li><a href=\"#what\""), "the summary leads to the unanswered question");
        assertFalse(refused.body().contains("id=\"error-summary\" hidden"), "the summary is shown");
        assertEquals(1, casesOfChannel(), "nothing stored");
    }

    @Test
    @Order(6)
    void aFileOverTheLimitIsRefusedAndNothingIsStored() throws Exception {
        String form = get("/report/" + slug).body();
        TimeUnit.MILLISECONDS.sleep(1100);
        HttpResponse<String> refused = post(new Multipart().field("token", token(form))
                .field("what", "big file").field("when", "no")
                .file("evidence", "big.bin", "application/octet-stream", bytes(2 * 1024 * 1024 + 1)));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("A file is too large: 2 MB at most."));
        assertTrue(refused.body().contains("big file"), "the answers are kept");
        assertEquals(1, casesOfChannel());
        assertEquals(List.of(), pendingBlobs(), "no pending blob left");
    }

    @Test
    @Order(7)
    void aHostileFileNameIsKeptHarmlessAndTheFormCannotBeSentTwice() throws Exception {
        String form = get("/report/" + slug).body();
        TimeUnit.MILLISECONDS.sleep(1100);
        Multipart body = new Multipart().field("token", token(form)).field("what", "names").field("when", "no")
                .file("evidence", "..\\..\\etc/passwd\u202Egpj.exe\u0007", "x/../../evil", "x".getBytes());
        assertEquals(200, post(body).statusCode());
        HttpResponse<String> again = post(body);
        assertEquals(409, again.statusCode(), "the same form does not make a second case");
        assertTrue(again.body().contains("This form was sent already"));
        try (UnlockedKey key = investigator.key().unlock(PASSPHRASE)) {
            UUID newest = newestCase();
            try (InputStream in = Files.newInputStream(blobsOf(newest).get(0))) {
                ReportContents report = ReportContents.fromJson(Opener.with(key).openAll(in, 1 << 20));
                assertEquals("passwdgpj.exe", report.attachments().get(0).name());
                assertEquals("application/octet-stream", report.attachments().get(0).contentType());
            }
        }
    }

    /**
     * The start page and the form in French, with the channel's questions in English where they have no
     * French text; and in Arabic, written right to left, once the Arabic texts are part of the portal.
     */
    @Test
    @Order(9)
    void theFormSpeaksTheChosenLanguageAndArabicIsWrittenRightToLeft() throws Exception {
        String landing = get("/?lang=fr").body();
        assertTrue(landing.contains("<html lang=\"fr\" dir=\"ltr\">"), landing);
        assertTrue(landing.contains("Comment votre anonymat est protégé"), landing);
        String form = get("/report/" + slug + "?lang=fr").body();
        assertTrue(form.contains("Envoyer le signalement"), form);
        assertTrue(form.contains("What happened?"), "a question without French text is asked in English");
        assertTrue(form.contains("hreflang=\"de\" lang=\"de\">Deutsch</a>"), "each language is named in itself");

        org.junit.jupiter.api.Assumptions.assumeTrue(landing.contains("hreflang=\"ar\""),
                "the portal does not offer Arabic: its texts (i18n/*_ar.properties) are not there");
        for (String path : List.of("/?lang=ar", "/report/" + slug + "?lang=ar")) {
            String arabic = get(path).body();
            assertTrue(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"), path + ": " + arabic);
            assertTrue(Pattern.compile("lang=\"ar\"\\s+aria-current=\"true\">العربية</a>").matcher(arabic).find(),
                    path + ": " + arabic);
        }
    }

    @Test
    @Order(8)
    void badRequestsGetAClearPageAndLeaveNothing() throws Exception {
        int before = casesOfChannel();
        String form = get("/report/" + slug).body();
        TimeUnit.MILLISECONDS.sleep(1100);
        byte[] whole = new Multipart().field("token", token(form)).field("what", "cut").field("when", "no")
                .file("evidence", "cut.bin", "application/octet-stream", bytes(100_000)).bytes();
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);
        HttpResponse<String> cut = new Browserless(deployed).send(HttpRequest.newBuilder(
                Deployments.local(deployed, "/report/" + slug))
                .header("Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(truncated)).build());
        assertEquals(400, cut.statusCode());
        assertTrue(cut.body().contains("The report did not arrive whole"));

        HttpResponse<String> notMultipart = new Browserless(deployed).send(HttpRequest.newBuilder(
                Deployments.local(deployed, "/report/" + slug))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("what=x")).build());
        assertEquals(415, notMultipart.statusCode());

        assertEquals(404, get("/report/no-such-channel").statusCode());
        HttpResponse<String> noToken = post(new Multipart().field("what", "no token").field("when", "no"));
        assertEquals(422, noToken.statusCode());
        assertTrue(noToken.body().contains("This form is too old"));
        assertTrue(noToken.body().contains(">no token</textarea>"), "what was typed is not lost");

        assertEquals(before, casesOfChannel());
        assertEquals(List.of(), pendingBlobs());
    }

    @Test
    @Order(10)
    void aCategoryIsOnlyEverAnOptionKeyTakenFromTheCheckedAnswers() throws Exception {
        int before = casesOfChannel();
        int filedUnderNo = casesOfCategory("no");
        String form = get("/report/" + slug).body();
        TimeUnit.MILLISECONDS.sleep(1100);
        HttpResponse<String> forged = post(new Multipart().field("token", token(form))
                .field("what", "a forged category").field("when", "Money laundering by the CFO"));
        assertEquals(422, forged.statusCode(), "an answer that is no option of the category question is refused");
        assertTrue(forged.body().contains("class=\"problems\""));
        assertEquals(before, casesOfChannel(), "nothing stored");

        form = get("/report/" + slug).body();
        TimeUnit.MILLISECONDS.sleep(1100);
        HttpResponse<String> received = post(new Multipart().field("token", token(form))
                .field("category", "forged").field("what", "a plain category field is ignored").field("when", "no"));
        assertEquals(200, received.statusCode(), received.body());
        assertEquals(before + 1, casesOfChannel());
        assertEquals(filedUnderNo + 1, casesOfCategory("no"), "without JavaScript the category comes from the checked answer");
        assertEquals(0, casesOfCategory("forged"));
    }

    private int casesOfCategory(String category) throws Exception {
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select count(*) from case_file c join channel ch on ch.id = c.channel_id where ch.slug = ? and c.category = ?")) {
            s.setString(1, slug);
            s.setString(2, category);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private int casesOfChannel() throws Exception {
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select count(*) from case_file c join channel ch on ch.id = c.channel_id where ch.slug = ?")) {
            s.setString(1, slug);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static UUID newestCase() throws Exception {
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select c.id from case_file c join channel ch on ch.id = c.channel_id join case_item i on i.case_id = c.id "
                        + "where ch.slug = ? and i.kind = 'ATTACHMENT' group by c.id having count(*) = 1")) {
            s.setString(1, slug);
            try (ResultSet rows = s.executeQuery()) {
                UUID found = null;
                while (rows.next()) {
                    found = rows.getObject(1, UUID.class);
                }
                return found;
            }
        }
    }

    private static List<Path> blobsOf(UUID caseId) throws Exception {
        List<Path> blobs = new ArrayList<>();
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select blob_id from case_item where case_id = ? order by position")) {
            s.setObject(1, caseId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    blobs.add(DATA.resolve("blobs").resolve(id.substring(0, 2)).resolve(id));
                }
            }
        }
        return blobs;
    }

    private static List<Path> pendingBlobs() throws Exception {
        try (Stream<Path> files = Files.list(DATA.resolve("blobs").resolve("pending"))) {
            return files.toList();
        }
    }

    private static List<String> tables(Connection c) throws Exception {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    static List<Path> filesContaining(Path root, String needle) throws Exception {
        List<Path> found = new ArrayList<>();
        byte[][] forms = {needle.getBytes(StandardCharsets.UTF_8), needle.getBytes(StandardCharsets.UTF_16LE)};
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                for (byte[] form : forms) {
                    if (indexOf(content, form) >= 0) {
                        found.add(file);
                    }
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A page as a browser without cookies gets it. */
    private HttpResponse<String> get(String path) throws Exception {
        return new Browserless(deployed).get(path);
    }

    private HttpResponse<String> post(Multipart body) throws Exception {
        return new Browserless(deployed).send(HttpRequest.newBuilder(Deployments.local(deployed, "/report/" + slug))
                .header("Accept-Language", "en")
                .header("User-Agent", "Mozilla/5.0 " + CANARY)
                .header("Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build());
    }

    private static String token(String form) {
        Matcher m = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(form);
        assertTrue(m.find(), "the form carries a token");
        return m.group(1);
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    private static void gpg(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", gnupgHome.toString(), "--batch", "--yes",
                "--pinentry-mode", "loopback", "--passphrase", new String(PASSPHRASE)));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), output);
    }

    /** A multipart/form-data body as a browser sends it, built field by field. */
    static final class Multipart {
        static final String BOUNDARY = "----candor" + UUID.randomUUID().toString().replace("-", "");
        private final List<Part> parts = new ArrayList<>();

        Multipart field(String name, String value) {
            parts.add(Part.field(name, value));
            return this;
        }

        Multipart file(String name, String fileName, String type, byte[] content) {
            parts.add(Part.file(name, fileName, type, content));
            return this;
        }

        byte[] bytes() {
            return Browserless.multipartBody(BOUNDARY, parts);
        }
    }
}
