package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.candor.crypto.CiphertextInspector;
import org.candor.crypto.Opener;
import org.candor.crypto.RecipientKey;
import org.candor.crypto.ReplyCode;
import org.candor.crypto.ReplyCodeDerivation;
import org.candor.crypto.Sealer;
import org.candor.crypto.UnlockedKey;
import org.candor.crypto.WhistleblowerKey;
import org.candor.portal.casefile.MessageContents;
import org.candor.portal.it.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A whistleblower comes back with JavaScript on (docs/protocol.md, "Contact with JavaScript"):
 * after a report sealed in the browser, an investigator's reply and the case's conclusion, the
 * reply code signs in on {@code /contact}, the page decrypts the reply and the outcome's grounds
 * in the browser, sends an answer with a file and then an appeal with a file, both sealed there.
 * Every request body that reached the portal is recorded by a proxy in front of it: none holds
 * the code, the lock secret, a message or a file. The stored answer is ciphertext addressed to
 * exactly the investigator and the case key, the appeal to exactly them and the oversight, whose
 * key opens it as typed; the same code without JavaScript reads the same conversation and status.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserSealedContactIT {

    private static final String CANARY = "canary" + UUID.randomUUID().toString().replace("-", "");
    private static final char[] PASSPHRASE = "investigator passphrase".toCharArray();
    private static final String SLUG = "fraud";
    private static final String REPLY = "Thank you. Which account was it? (investigators)";
    private static final String ANSWER = "The account " + CANARY + " at the branch.";
    private static final String GROUNDS = "The fund was repaid and the manager left. (investigators)";
    private static final String APPEAL = "The ledger " + CANARY + " shows more than was repaid.";

    @TempDir
    static Path work;

    private static RunningPortal portal;
    private static RecordingProxy proxy;
    private static ChromeDriver browser;
    private static Seed.Investigator investigator;
    private static Seed.Investigator oversight;
    private static String replyCode;
    private static byte[] fileBytes;
    private static byte[] appealFileBytes;

    @BeforeAll
    static void start() throws Exception {
        Seed seed = RunningPortal.seedBeforeStart(data(), temp());
        investigator = seed.addInvestigator("ines", "a long sign-in password", PASSPHRASE);
        seed.addPublishedChannel(SLUG, Seed.sampleQuestionnaire(4 * 1024 * 1024), true, 4 * 1024 * 1024,
                investigator.id());
        portal = RunningPortal.start(data(), temp());
        proxy = new RecordingProxy(portal.port());
        browser = Browser.withJavaScript(work.resolve("browser"), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    @Order(1)
    void aReportSealedInTheBrowserGivesACode() throws Exception {
        browser.get(proxy.url("/report/" + SLUG).toString());
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(By.id("sealed")));
        browser.findElement(By.id("what")).sendKeys("Money left the fund.");
        browser.findElement(By.cssSelector("input[name=when][value=yes]")).click();
        TimeUnit.SECONDS.sleep(3); // the portal refuses forms sent faster than a person fills them in
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-code")));
        replyCode = browser.findElement(By.id("reply-code")).getText();
        assertTrue(replyCode.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){6}"), replyCode);
    }

    @Test
    @Order(2)
    void anInvestigatorRepliesAndConcludesTheCase() throws Exception {
        portal.close();
        oversight = Seed.into(h2()).addOversightMember("otto", "another long sign-in password", PASSPHRASE);
        addInvestigatorItem("INVESTIGATOR_REPLY", REPLY);
        addSealedItem("INVESTIGATOR_REPLY", "{\"format\":\"candor-message-v1\"}".getBytes(StandardCharsets.UTF_8));
        conclude();
        addInvestigatorItem("OUTCOME_GROUNDS", GROUNDS);
        portal = RunningPortal.start(data(), temp());
        proxy.forwardTo(portal.port());
    }

    @Test
    @Order(3)
    void withJavaScriptTheCodeStaysInTheBrowserTheReplyIsDecryptedThereAndTheAnswerIsSealedThere() throws Exception {
        fileBytes = ("invoice;" + CANARY + ";").repeat(3000).getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(work.resolve("invoice.csv"), fileBytes);
        proxy.forget();

        browser.get(proxy.url("/contact").toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("browser-available")));
        browser.findElement(By.id("code")).sendKeys(replyCode.toLowerCase().replace("-", " "));
        WebElement show = browser.findElement(By.id("code-show"));
        assertTrue(show.isDisplayed(), "the code can be shown while it is typed");
        show.click();
        assertEquals("text", browser.findElement(By.id("code")).getDomProperty("type"), "shown as typed");
        show.click();
        assertEquals("password", browser.findElement(By.id("code")).getDomProperty("type"), "hidden again");
        browser.findElement(By.cssSelector("#sign-in-area button[type=submit]")).click();
        try {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("browser-conversation")));
        } catch (org.openqa.selenium.TimeoutException notShown) {
            throw new AssertionError("no conversation: " + browser.findElement(By.tagName("main")).getText()
                    + "\nportal incidents: " + incidents(), notShown);
        }
        String page = browser.findElement(By.tagName("main")).getText();
        assertTrue(page.contains("Decrypted in your browser"), page);
        assertTrue(page.contains(REPLY), "the reply, decrypted in the browser: " + page);
        assertTrue(page.contains("Money left the fund."), "the report, decrypted in the browser");
        assertFalse(page.contains("Opened on the server"));
        assertTrue(page.contains("This entry could not be read"), "a damaged entry is shown in its place, the rest is read");

        browser.findElement(By.id("browser-text")).sendKeys(ANSWER);
        browser.findElement(By.id("browser-files")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("#browser-send button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("browser-sent")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("browser-messages"), ANSWER));
        assertTrue(browser.findElement(By.id("browser-messages")).getText().contains("invoice.csv"));
        Browser.screenshot(browser, "contact-opened-in-browser.png");

        // status, outcome and the appeal, with the grounds decrypted and the appeal sealed in the browser
        assertEquals("The handling of your report is concluded.", browser.findElement(By.id("browser-status-text")).getText());
        assertEquals("Your report was found to be substantiated.", browser.findElement(By.id("browser-outcome-text")).getText());
        assertEquals(GROUNDS, browser.findElement(By.id("browser-outcome-grounds")).getText());
        assertEquals("Met", browser.findElement(By.id("browser-acknowledgement")).getText());
        appealFileBytes = ("ledger;" + CANARY + ";").repeat(2000).getBytes(StandardCharsets.UTF_8);
        Path appealFile = Files.write(work.resolve("ledger.csv"), appealFileBytes);
        browser.findElement(By.id("browser-appeal-text")).sendKeys(APPEAL);
        browser.findElement(By.id("browser-appeal-files")).sendKeys(appealFile.toString());
        browser.findElement(By.cssSelector("#browser-appeal button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("browser-appeal-sent")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("browser-appeal-state"), "Your appeal of "));
        assertFalse(browser.findElement(By.id("browser-appeal")).isDisplayed(), "one appeal: the form is gone");
        assertTrue(browser.findElement(By.id("browser-messages")).getText().contains(APPEAL));
        Browser.screenshot(browser, "contact-appeal-sealed-in-browser.png");

        // A reload, or a change of language, within the session opens the conversation again without
        // the code; after signing out, a reload asks for the code and the tab keeps nothing.
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("browser-messages"), ANSWER));
        assertFalse(browser.findElement(By.id("sign-in-area")).isDisplayed(), "no code asked after a reload");
        assertEquals("The handling of your report is concluded.", browser.findElement(By.id("browser-status-text")).getText());
        Browser.chooseLanguage(browser, "de");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("browser-status-text"), "abgeschlossen"));
        assertTrue(browser.findElement(By.id("browser-messages")).getText().contains(ANSWER), "the conversation, in German");
        Browser.chooseLanguage(browser, "en");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("browser-messages"), ANSWER));
        browser.findElement(By.cssSelector("#browser-sign-out button")).click();
        browser.get(proxy.url("/contact").toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("browser-available")));
        assertTrue(browser.findElement(By.id("sign-in-area")).isDisplayed(), "signed out, the code is asked again");
        assertFalse(browser.findElement(By.id("browser-conversation")).isDisplayed());
        assertEquals(null, browser.executeScript("return sessionStorage.getItem('candor-contact-reload')"),
                "the tab keeps nothing after signing out");

        List<RecordingProxy.Recorded> requests = proxy.recorded();
        String preHandle;
        try (ReplyCode code = ReplyCode.parse(replyCode)) {
            preHandle = ReplyCodeDerivation.preHandle(code).toBase64Url();
        }
        assertEquals("b6f173ec03d65a58e762f20e11c5605f60a03bbe9ab3fdfd7f47966ddf2b725c",
                lockSecretHex("CANDR0TESTVECT0R123456789069"), "the test's own HKDF meets the published vector");
        String lockSecret = lockSecretHex(replyCode.replace("-", ""));
        assertTrue(requests.stream().anyMatch(r -> r.path().equals("/contact/browser/sign-in")
                && new String(r.body(), StandardCharsets.US_ASCII).equals("prehandle=" + preHandle)),
                "the sign-in sent the pre-handle and nothing else");
        assertTrue(requests.stream().anyMatch(r -> r.path().equals("/contact/browser/messages") && r.body().length > 0));
        assertTrue(requests.stream().anyMatch(r -> r.path().equals("/contact/browser/appeal") && r.body().length > 0));
        assertFalse(requests.stream().anyMatch(r -> r.path().equals("/contact/appeal")), "the plain appeal form was not sent");
        assertFalse(requests.stream().anyMatch(r -> r.path().equals("/contact") && r.method().equals("POST")),
                "the plain sign-in form was not sent");
        byte[] fileStart = new byte[200];
        System.arraycopy(fileBytes, 0, fileStart, 0, fileStart.length);
        for (RecordingProxy.Recorded request : requests) {
            String body = new String(request.body(), StandardCharsets.ISO_8859_1);
            for (String secret : List.of(CANARY, replyCode, replyCode.replace("-", ""), replyCode.toLowerCase(),
                    replyCode.toLowerCase().replace("-", " "), lockSecret, "Which account was it", "manager left")) {
                assertFalse(body.contains(secret), request.path() + " carried something only the browser may hold");
            }
            assertFalse(body.contains(new String(fileStart, StandardCharsets.ISO_8859_1)), "a body carried the file");
            assertFalse(request.path().contains(preHandle) || request.path().contains(CANARY), "a URL carried a secret");
        }
    }

    @Test
    @Order(4)
    void withoutJavaScriptTheSameCodeReadsTheSameConversationOpenedOnTheServer() throws Exception {
        ChromeDriver plain = Browser.withoutJavaScript(work.resolve("plain-browser"));
        try {
            plain.get(portal.url("/contact").toString());
            plain.findElement(By.id("code")).sendKeys(replyCode);
            plain.findElement(By.cssSelector("button[type=submit]")).click();
            try {
                new WebDriverWait(plain, Duration.ofSeconds(60))
                        .until(ExpectedConditions.textToBe(By.tagName("h1"), "Your report and the conversation"));
            } catch (org.openqa.selenium.TimeoutException notShown) {
                throw new AssertionError("no conversation; portal incidents: " + incidents(), notShown);
            }
            String page = plain.findElement(By.tagName("main")).getText();
            assertTrue(page.contains("Opened on the server"), page);
            assertTrue(page.contains("Money left the fund."));
            assertTrue(page.contains(REPLY));
            assertTrue(page.contains("This entry could not be read"));
            assertTrue(page.contains(ANSWER), "the answer sealed in the browser, opened on the server");
            assertTrue(page.contains("invoice.csv"));
            assertTrue(page.contains(APPEAL), "the appeal sealed in the browser, opened on the server");
            plain.get(portal.url("/contact/status").toString());
            String status = plain.findElement(By.tagName("main")).getText();
            assertTrue(status.contains(GROUNDS), status);
            assertTrue(plain.findElement(By.id("appeal-state")).getText().startsWith("Your appeal of "));
        } finally {
            plain.quit();
        }
    }

    @Test
    @Order(5)
    void theStoredAnswerIsCiphertextToExactlyTheCaseRecipientsAndNoCanaryRests() throws Exception {
        portal.close();
        String console = portal.output();
        portal = null;
        assertFalse(console.contains(CANARY), "the console shows nothing of the answer");
        assertEquals(List.of(), ReportIT.filesContaining(List.of(data(), temp()), CANARY),
                "no canary in the H2 database, the blobs or the temporary files");

        RecipientKey investigatorKey = RecipientKey.fromArmored(investigator.key().exportPublicArmored());
        RecipientKey oversightKey = RecipientKey.fromArmored(oversight.key().exportPublicArmored());
        List<RecipientKey> toCase = List.of(investigatorKey, whistleblowerKey().recipient());
        List<RecipientKey> toCaseAndOversight = List.of(investigatorKey, oversightKey, whistleblowerKey().recipient());
        List<String> kinds = new ArrayList<>();
        List<byte[]> opened = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(h2()); PreparedStatement s = c.prepareStatement(
                "select kind, blob_id from case_item where kind in ('WHISTLEBLOWER_MESSAGE', 'APPEAL', 'ATTACHMENT')"
                        + " order by position");
                ResultSet rows = s.executeQuery(); UnlockedKey key = investigator.key().unlock(PASSPHRASE);
                UnlockedKey oversightUnlocked = oversight.key().unlock(PASSPHRASE)) {
            while (rows.next()) {
                kinds.add(rows.getString(1));
                boolean appealPart = kinds.contains("APPEAL");
                Path blob = blob(rows.getString(2));
                try (InputStream in = Files.newInputStream(blob)) {
                    // throws unless exactly these recipients, with integrity
                    CiphertextInspector.expecting(appealPart ? toCaseAndOversight : toCase).inspect(in);
                }
                try (InputStream in = Files.newInputStream(blob)) {
                    opened.add(Opener.with(appealPart ? oversightUnlocked : key).openAll(in, 16 << 20));
                }
            }
        }
        assertEquals(List.of("WHISTLEBLOWER_MESSAGE", "ATTACHMENT", "APPEAL", "ATTACHMENT"), kinds);
        MessageContents answer = MessageContents.fromJson(opened.get(0));
        assertEquals(ANSWER, answer.text());
        assertEquals("invoice.csv", answer.attachments().get(0).name());
        assertArrayEquals(fileBytes, opened.get(1));
        MessageContents appeal = MessageContents.fromJson(opened.get(2));
        assertEquals(APPEAL, appeal.text(), "the oversight's key opens the appeal as typed");
        assertEquals("ledger.csv", appeal.attachments().get(0).name());
        assertArrayEquals(appealFileBytes, opened.get(3));
        try (Connection c = DriverManager.getConnection(h2());
                PreparedStatement s = c.prepareStatement("select count(*) from appeal"); ResultSet rows = s.executeQuery()) {
            assertTrue(rows.next());
            assertEquals(1, rows.getInt(1), "the appeal was filed once");
        }
    }

    /** Stores an investigator's message as the desk does: sealed to the investigator and the case key, one item. */
    private static void addInvestigatorItem(String kind, String text) throws Exception {
        addSealedItem(kind, new MessageContents(text, List.of()).toJson());
    }

    /** Stores a document of the investigator's as one item, sealed to the investigator and the case key. */
    private static void addSealedItem(String kind, byte[] document) throws Exception {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        try (OutputStream out = Sealer.to(List.of(RecipientKey.fromArmored(investigator.key().exportPublicArmored()),
                whistleblowerKey().recipient())).open(sealed, Sealer.Content.TEXT)) {
            out.write(document);
        }
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String blobId = HexFormat.of().formatHex(random);
        Files.createDirectories(blob(blobId).getParent());
        Files.write(blob(blobId), sealed.toByteArray());
        try (Connection c = DriverManager.getConnection(h2()); PreparedStatement s = c.prepareStatement(
                "insert into case_item (id, case_id, position, kind, author_staff_id, created_on, blob_id, ciphertext_bytes)"
                        + " select ?, id, (select max(position) + 1 from case_item), ?, ?, ?, ?, ?"
                        + " from case_file")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, kind);
            s.setObject(3, investigator.id());
            s.setObject(4, LocalDate.now(ZoneOffset.UTC));
            s.setString(5, blobId);
            s.setLong(6, sealed.size());
            assertEquals(1, s.executeUpdate());
        }
    }

    /** Concludes the case today as the desk's verbs would: acknowledged, assessed, concluded as substantiated. */
    private static void conclude() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (Connection c = DriverManager.getConnection(h2()); PreparedStatement s = c.prepareStatement(
                "update case_file set status = 'CONCLUDED', acknowledged_on = ?, assessment_on = ?, concluded_on = ?,"
                        + " outcome = 'SUBSTANTIATED', next_deadline_on = null, last_activity_on = ?")) {
            for (int i = 1; i <= 4; i++) {
                s.setObject(i, today);
            }
            assertEquals(1, s.executeUpdate());
        }
    }

    private static WhistleblowerKey whistleblowerKey() throws Exception {
        try (Connection c = DriverManager.getConnection(h2());
                PreparedStatement s = c.prepareStatement("select whistleblower_key from case_file");
                ResultSet rows = s.executeQuery()) {
            assertTrue(rows.next());
            return WhistleblowerKey.fromStorage(Base64.getDecoder().decode(rows.getString(1)));
        }
    }

    /** The lock secret in lower-case hex, as the browser uses it: HKDF-SHA-256 of "Derivation (exact)", written out. */
    private static String lockSecretHex(String canonical) throws Exception {
        Mac extract = Mac.getInstance("HmacSHA256");
        extract.init(new SecretKeySpec("candor/reply-code/v1".getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        byte[] prk = extract.doFinal(canonical.getBytes(StandardCharsets.US_ASCII));
        Mac expand = Mac.getInstance("HmacSHA256");
        expand.init(new SecretKeySpec(prk, "HmacSHA256"));
        expand.update("candor/lock-secret/v1".getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(expand.doFinal(new byte[] {1}));
    }

    /** What the portal logged about failures (types and places only, never contents). */
    private static String incidents() {
        String output = portal.output();
        int first = output.indexOf("Incident");
        return first < 0 ? "none" : output.substring(first, Math.min(output.length(), first + 4000));
    }

    private static Path blob(String id) {
        return RunningPortal.blob(data(), id);
    }


    private static Path data() {
        return work.resolve("data");
    }

    private static Path temp() {
        return work.resolve("tmp");
    }

    private static String h2() {
        return RunningPortal.databaseUrl(data());
    }
}
