package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.candor.crypto.Opener;
import org.candor.crypto.UnlockedKey;
import org.candor.portal.casefile.ReportContents;
import org.candor.portal.it.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A whistleblower reports through the runnable bundle in Chromium with JavaScript on: the page
 * seals the answers and two files in the browser with OpenPGP.js and uploads only ciphertext
 * (docs/protocol.md, "Sealed in the browser"). Then: the browser reproduced the published HKDF
 * test vector; it asked nothing of any host but the portal and no request carried a canary; the
 * reply code made in the browser signs in on {@code /contact} without JavaScript (the server
 * derives the same handle and opens the key locked in the browser); no canary is in the
 * database, blobs, folders or console; the investigator's key opens the report exactly as typed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserSealedReportIT {

    private static final String CANARY = "canary" + UUID.randomUUID().toString().replace("-", "");
    private static final char[] PASSPHRASE = "investigator passphrase".toCharArray();
    private static final Pattern REQUESTED_URL = Pattern.compile("\"request\":\\{.*?\"url\":\"([^\"]+)\"");
    private static final String SLUG = "fraud";

    @TempDir
    static Path work;

    private static RunningPortal portal;
    private static ChromeDriver browser;
    private static Seed.Investigator investigator;
    private static String replyCode;
    private static byte[] ledgerBytes;
    private static byte[] photoBytes;

    @BeforeAll
    static void start() throws Exception {
        RunningPortal.start(data(), temp()).close(); // creates the schema
        Seed seed = Seed.into(h2());
        investigator = seed.addInvestigator("ines", "a long sign-in password", PASSPHRASE);
        seed.addPublishedChannel(SLUG, Seed.sampleQuestionnaire(4 * 1024 * 1024), true, 4 * 1024 * 1024, investigator.id());
        portal = RunningPortal.start(data(), temp());
        browser = Browser.withJavaScript(work.resolve("browser"), "Mozilla/5.0 (" + CANARY + "-agent)");
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    @Order(1)
    void theBrowserDerivesThePublishedTestVectorWithWebCrypto() {
        browser.get(portal.url("/report/" + SLUG).toString());
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id("sealed")));
        Object derived = browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "import('/static/report.mjs').then(m => m.derive('CANDR0TESTVECT0R123456789069'))"
                + ".then(d => done(d.preHandle + ' ' + d.lockSecret), e => done('error ' + e));");
        assertEquals("UtUElChEMoX2pJvRJ4aMYkWomBYsZl5HdgSvt5ilJss "
                + "b6f173ec03d65a58e762f20e11c5605f60a03bbe9ab3fdfd7f47966ddf2b725c", derived);
        Object code = browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "import('/static/report.mjs').then(m => { const c = m.newReplyCode(); done(m.checks(c) + ' ' + c.length); });");
        assertEquals("true 28", code);
    }

    @Test
    @Order(2)
    void aWhistleblowerReportsWithTwoFilesSealedInTheBrowser() throws Exception {
        ledgerBytes = ("amount," + CANARY + "\n1,2\n").getBytes(StandardCharsets.UTF_8);
        photoBytes = ("JFIF" + CANARY).repeat(20_000).getBytes(StandardCharsets.UTF_8);
        Path ledger = Files.write(work.resolve("ledger-" + CANARY + ".csv"), ledgerBytes);
        Path photo = Files.write(work.resolve("photo-" + CANARY + ".jpg"), photoBytes);

        browser.manage().logs().get(LogType.PERFORMANCE); // forget the start-up requests
        browser.get(portal.url("/report/" + SLUG).toString());
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id("sealed")));
        String main = browser.findElement(By.tagName("main")).getText();
        assertTrue(main.contains("encrypt your answers and files before they are sent"), main);
        browser.findElement(By.cssSelector("#sealed-keys summary")).click();
        String fingerprint = investigator.key().fingerprint().replaceAll("(.{4})(?!$)", "$1 ");
        assertEquals(fingerprint, browser.findElement(By.cssSelector("#sealed-fingerprints code")).getText());

        browser.findElement(By.id("what")).sendKeys("The " + CANARY + " account was emptied.\nTwice.");
        browser.findElement(By.id("where")).sendKeys("Office " + CANARY);
        browser.findElement(By.cssSelector("input[name=when][value=yes]")).click();
        browser.findElement(By.id("evidence")).sendKeys(ledger + "\n" + photo);
        TimeUnit.SECONDS.sleep(3); // the portal refuses forms sent faster than a person fills them in
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        new WebDriverWait(browser, Duration.ofSeconds(90))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-code")));
        replyCode = browser.findElement(By.id("reply-code")).getText();
        assertTrue(replyCode.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){6}"), replyCode);
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("encrypted in your browser"));
        assertFalse(browser.findElement(By.tagName("main")).getText().contains("encrypted on arrival"));
        screenshot("report-sealed-in-browser.png");
    }

    @Test
    @Order(3)
    void theBrowserAskedOnlyThePortalAndNoRequestCarriedACanaryOrTheCode() {
        List<String> messages = browser.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                .map(LogEntry::getMessage).filter(m -> m.contains("Network.requestWillBeSent")).toList();
        List<String> urls = messages.stream().map(REQUESTED_URL::matcher).filter(Matcher::find).map(m -> m.group(1))
                .filter(url -> url.matches("(?i)(https?|wss?|ftp)://.*")).toList();
        String own = "http://localhost:" + portal.port() + "/";
        assertTrue(urls.contains(own + "static/openpgp.min.mjs"), urls.toString());
        assertTrue(urls.contains(own + "report/" + SLUG + "/sealed"), urls.toString());
        assertEquals(List.of(), urls.stream().filter(url -> !url.startsWith(own)).toList());
        String canonical = replyCode.replace("-", "");
        for (String message : messages) {
            assertFalse(message.replace(CANARY + "-agent", "").contains(CANARY), "a request carried a canary");
            assertFalse(message.contains(canonical) || message.contains(replyCode), "a request carried the reply code");
        }
    }

    @Test
    @Order(4)
    void theReplyCodeMadeInTheBrowserSignsInWithoutJavaScript() throws Exception {
        ChromeDriver plain = Browser.withoutJavaScript(work.resolve("plain-browser"));
        try {
            plain.get(portal.url("/contact").toString());
            plain.findElement(By.id("code")).sendKeys(replyCode.toLowerCase());
            plain.findElement(By.cssSelector("button[type=submit]")).click();
            new WebDriverWait(plain, Duration.ofSeconds(30))
                    .until(ExpectedConditions.textToBe(By.tagName("h1"), "Your report and the conversation"));
            String page = plain.findElement(By.tagName("main")).getText();
            assertTrue(page.contains("The " + CANARY + " account was emptied."), "the server opened the browser's report");
            assertTrue(page.contains("ledger-" + CANARY + ".csv"));
        } finally {
            plain.quit();
        }
    }

    @Test
    @Order(5)
    void noCanaryIsInTheDatabaseTheBlobsTheFoldersOrTheConsole() throws Exception {
        portal.close();
        String console = portal.output();
        portal = null;
        assertFalse(console.contains(CANARY), "the console shows nothing of a report or of the browser");
        assertEquals(List.of(), ReportIT.filesContaining(List.of(data(), temp()), CANARY),
                "no canary in the H2 database, the blobs, the keys or the temporary files");
    }

    @Test
    @Order(6)
    void theInvestigatorsKeyOpensTheReportAndFilesExactlyAsTyped() throws Exception {
        Map<String, byte[]> items = new LinkedHashMap<>();
        ReportContents report = null;
        try (Connection c = DriverManager.getConnection(h2()); PreparedStatement s = c.prepareStatement(
                "select i.id, i.kind, i.blob_id, f.sealed_in_browser from case_item i join case_file f on f.id = i.case_id"
                        + " order by i.position"); ResultSet rows = s.executeQuery();
                UnlockedKey key = investigator.key().unlock(PASSPHRASE)) {
            while (rows.next()) {
                assertTrue(rows.getBoolean(4), "the case says it was sealed in the browser");
                String blob = rows.getString(3);
                try (InputStream in = Files.newInputStream(data().resolve("blobs").resolve(blob.substring(0, 2)).resolve(blob))) {
                    byte[] plain = Opener.with(key).openAll(in, 16 << 20);
                    if (rows.getString(2).equals("REPORT")) {
                        report = ReportContents.fromJson(plain);
                    } else {
                        items.put(rows.getString(1), plain);
                    }
                }
            }
        }
        assertTrue(report != null);
        Map<String, List<String>> typed = new LinkedHashMap<>();
        typed.put("what", List.of("The " + CANARY + " account was emptied.\nTwice."));
        typed.put("where", List.of("Office " + CANARY));
        typed.put("when", List.of("yes"));
        assertEquals(typed, report.answers());
        assertEquals(SLUG, report.channel());
        assertEquals("en", report.language());
        assertEquals(List.of("ledger-" + CANARY + ".csv", "photo-" + CANARY + ".jpg"),
                report.attachments().stream().map(ReportContents.AttachmentEntry::name).toList());
        assertEquals(List.of((long) ledgerBytes.length, (long) photoBytes.length),
                report.attachments().stream().map(ReportContents.AttachmentEntry::size).toList());
        assertEquals(report.attachments().stream().map(a -> a.item().toString()).toList(), List.copyOf(items.keySet()));
        assertArrayEquals(ledgerBytes, items.get(report.attachments().get(0).item().toString()));
        assertArrayEquals(photoBytes, items.get(report.attachments().get(1).item().toString()));
    }

    private static void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }

    private static Path data() {
        return work.resolve("data");
    }

    private static Path temp() {
        return work.resolve("tmp");
    }

    private static String h2() {
        return "jdbc:h2:file:" + data().resolve("database").resolve("candor") + ";USER=candor";
    }
}
