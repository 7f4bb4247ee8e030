package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.candor.crypto.OpenedStream;
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
import org.openqa.selenium.WebElement;
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
 * derives the same handle and opens the key locked in the browser); the investigator signs in to
 * the desk, opens the case and reads and downloads exactly what was typed and attached; a large
 * file is sealed in the page's worker with a progress bar, and cancelling its upload half-way
 * leaves no case and no blob while the form keeps the answers and then sends them; no canary is
 * in the database, blobs, folders or console; the investigator's key opens the reports and files
 * exactly as sent, and so does GnuPG with the key exported for it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserSealedReportIT {

    private static final String CANARY = "canary" + UUID.randomUUID().toString().replace("-", "");
    private static final char[] PASSPHRASE = "investigator passphrase".toCharArray();
    private static final String INES_PASSWORD = "a long sign-in password";
    private static final Pattern REQUESTED_URL = Pattern.compile("\"request\":\\{.*?\"url\":\"([^\"]+)\"");
    private static final String SLUG = "fraud";
    /** A channel for large files. */
    private static final String LARGE = "large";
    /** Big enough that sealing and sending take a while; the upload is slowed so the cancel lands half-way. */
    private static final int LARGE_BYTES = 200 * 1024 * 1024;
    /** Upload speed while the cancel is tried, bytes per second (DevTools network conditions). */
    private static final int SLOW_UPLOAD = 8 * 1024 * 1024;

    @TempDir
    static Path work;

    private static RunningPortal portal;
    private static ChromeDriver browser;
    private static Seed.Investigator investigator;
    private static String replyCode;
    private static byte[] ledgerBytes;
    private static byte[] photoBytes;
    private static byte[] largeDigest;

    @BeforeAll
    static void start() throws Exception {
        Seed seed = RunningPortal.seedBeforeStart(data(), temp());
        investigator = seed.addInvestigator("ines", INES_PASSWORD, PASSPHRASE);
        // "Still going on?" is the channel's category: its option's key travels in clear beside the sealed parts
        seed.addPublishedChannel(SLUG, Seed.categorisedQuestionnaire(4 * 1024 * 1024), true, 4 * 1024 * 1024, investigator.id());
        seed.addPublishedChannel(LARGE, Seed.sampleQuestionnaire(LARGE_BYTES), true, LARGE_BYTES, investigator.id());
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
        assertTrue(main.contains("except your answer to the one question marked as stored without encryption"), main);
        assertTrue(browser.findElement(By.id("clear-when")).getText().contains("stored without encryption"),
                "the category question says its answer is kept in clear");
        browser.findElement(By.cssSelector("#sealed-keys summary")).click();
        String fingerprint = investigator.key().fingerprint().replaceAll("(.{4})(?!$)", "$1 ");
        assertEquals(fingerprint, browser.findElement(By.cssSelector("#sealed-fingerprints code")).getText());

        // With the browser's own required-field check switched off, the page still refuses an empty
        // report: a summary at the top names each unanswered question, takes the focus, and the title says so.
        browser.executeScript("document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement summary = browser.findElement(By.id("error-summary"));
        assertTrue(summary.isDisplayed(), "an empty report gets a summary of what to fix");
        assertEquals("error-summary", browser.executeScript("return document.activeElement.id"));
        assertTrue(browser.getTitle().startsWith("Error: "), browser.getTitle());
        List<WebElement> links = summary.findElements(By.cssSelector("#error-summary-list a"));
        assertEquals(List.of("#what", "#q-when"), links.stream().map(a -> a.getDomAttribute("href")).toList(), summary.getText());
        assertEquals("true", browser.findElement(By.id("what")).getDomAttribute("aria-invalid"));
        assertFalse(browser.findElement(By.id("sealed-progress")).isDisplayed(), "nothing was sealed or sent");

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
        Browser.screenshot(browser, "report-sealed-in-browser.png");

        // Leaving the page before the code is kept asks first: a link opens the page's own warning,
        // "back to my code" stays, and closing the tab would get the browser's question.
        String here = browser.getCurrentUrl();
        Browser.chooseLanguage(browser, "de");
        WebElement warning = browser.findElement(By.id("leave-warning"));
        assertTrue(warning.isDisplayed(), "a link away from the shown code asks first");
        assertTrue(warning.getText().contains("Have you kept your reply code?"), warning.getText());
        browser.findElement(By.id("leave-stay")).click();
        assertFalse(warning.isDisplayed());
        assertEquals(here, browser.getCurrentUrl(), "the person stays with the code");
        assertEquals(replyCode, browser.findElement(By.id("reply-code")).getText());
        String leaveUnasked = "return window.dispatchEvent(new Event('beforeunload', {cancelable: true}))";
        assertEquals(false, browser.executeScript(leaveUnasked), "closing the tab would be asked about");

        // The code can be kept as a file the person chooses; the file holds the code as shown.
        Path saved = Files.createDirectories(Browser.downloads(work.resolve("browser"))).resolve("reply-code.txt");
        browser.findElement(By.id("code-save")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Files.exists(saved));
        assertTrue(Files.readString(saved).contains(replyCode), Files.readString(saved));
        assertTrue(browser.findElement(By.id("code-action-done")).getText().startsWith("Saved as reply-code.txt"));
        Files.delete(saved);
        assertEquals(true, browser.executeScript(leaveUnasked), "once the code is saved, leaving is not questioned");
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
    void theInvestigatorOpensTheCaseInTheDeskAndReadsExactlyWhatWasTyped() throws Exception {
        Path profile = work.resolve("desk");
        Files.createDirectories(Browser.downloads(profile));
        Person ines = new Person(Browser.withoutJavaScript(profile), Browser.downloads(profile));
        try {
            ines.open(portal.url("/desk").toString(), "Staff sign-in");
            ines.signInAndEnrol("ines", INES_PASSWORD, "Desk");
            ines.unlockKey(portal.url("/desk/key").toString(), new String(PASSPHRASE));
            ines.open(portal.url("/desk/cases").toString(), "Your cases");
            List<WebElement> rows = ines.browser().findElements(By.cssSelector("#case-list tbody tr"));
            assertEquals(1, rows.size(), ines.text("main"));
            String shortId = rows.get(0).findElement(By.tagName("a")).getText();
            ines.click(rows.get(0).findElement(By.tagName("a")), "Case " + shortId);
            String answers = ines.text("#answers");
            assertTrue(answers.contains("The " + CANARY + " account was emptied.") && answers.contains("Twice."), answers);
            assertTrue(answers.contains("Office " + CANARY), answers);
            assertEquals(List.of("ledger-" + CANARY + ".csv", "ciphertext for GnuPG (.gpg)", "photo-" + CANARY + ".jpg",
                    "ciphertext for GnuPG (.gpg)"), ines.texts("#attachments a"), "each file, decrypted or as ciphertext");
            assertArrayEquals(ledgerBytes, ines.download(By.linkText("ledger-" + CANARY + ".csv"), "ledger-" + CANARY + ".csv"),
                    "the file sealed in the browser, decrypted by the desk");
        } finally {
            ines.quit();
        }
    }

    @Test
    @Order(6)
    void aCancelledUploadLeavesNothingOnTheServerAndTheSameFormThenSends() throws Exception {
        Path large = work.resolve("large-" + CANARY + ".bin");
        largeDigest = writeRandom(large, LARGE_BYTES);
        browser.get(portal.url("/report/" + LARGE).toString());
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(By.id("sealed")));
        browser.findElement(By.id("what")).sendKeys("A large " + CANARY + " file.");
        browser.findElement(By.cssSelector("input[name=when][value=no]")).click();
        browser.findElement(By.id("evidence")).sendKeys(large.toString());
        Set<Path> blobsBefore = blobs();
        slowUploads(SLOW_UPLOAD);
        TimeUnit.SECONDS.sleep(3);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        WebDriverWait patient = new WebDriverWait(browser, Duration.ofSeconds(180));
        patient.until(ExpectedConditions.textToBe(By.id("sealed-phase"), "Encrypting in your browser"));
        assertTrue(browser.findElement(By.id("sealed-bar")).isDisplayed(), "a progress bar shows the encryption");
        patient.until(ExpectedConditions.textToBe(By.id("sealed-phase"), "Sending the encrypted report"));
        patient.until(b -> !pending().isEmpty() && percent() >= 2);
        List<?> shown = (List<?>) browser.executeScript("return [document.getElementById('sealed-bar').value,"
                + " document.getElementById('sealed-percent').textContent]"); // one read: the upload moves on
        int sentBeforeCancel = ((Number) shown.get(0)).intValue();
        assertTrue(sentBeforeCancel < 100, "the cancel comes while the upload runs (" + sentBeforeCancel + " %)");
        assertEquals(sentBeforeCancel + " %", shown.get(1), "the bar's share is also written out");
        browser.findElement(By.id("sealed-cancel")).click();

        WebElement problem = patient.until(ExpectedConditions.visibilityOfElementLocated(By.id("sealed-problem")));
        assertTrue(problem.getText().contains("your report was not sent"), problem.getText());
        assertFalse(browser.findElement(By.id("sealed-progress")).isDisplayed());
        assertEquals("A large " + CANARY + " file.", browser.findElement(By.id("what")).getDomProperty("value"));
        assertTrue(browser.findElement(By.cssSelector("input[name=when][value=no]")).isSelected());
        assertEquals(1L, browser.executeScript("return document.getElementById('evidence').files.length"));
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("encrypt your answers and files before they are sent"),
                "the page still promises encryption in the browser: a cancel is no failure");
        patient.until(b -> pending().isEmpty());
        assertEquals(blobsBefore, blobs(), "no blob of the cancelled upload is kept");

        slowUploads(-1);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        patient.until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-code")));
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("encrypted in your browser"));
        assertEquals(blobsBefore.size() + 2, blobs().size(), "the report and its file were stored once");
        assertEquals(List.of(), pending());
    }

    @Test
    @Order(7)
    void noCanaryIsInTheDatabaseTheBlobsTheFoldersOrTheConsole() throws Exception {
        portal.close();
        String console = portal.output();
        portal = null;
        assertFalse(console.contains(CANARY), "the console shows nothing of a report or of the browser");
        assertEquals(List.of(), ReportIT.filesContaining(List.of(data(), temp()), CANARY),
                "no canary in the H2 database, the blobs, the keys or the temporary files");
    }

    @Test
    @Order(8)
    void theInvestigatorsKeyOpensTheReportAndFilesExactlyAsTyped() throws Exception {
        Map<String, byte[]> items = new LinkedHashMap<>();
        ReportContents report = null;
        try (Connection c = DriverManager.getConnection(h2()); PreparedStatement s = c.prepareStatement(
                "select i.id, i.kind, i.blob_id, f.sealed_in_browser, f.category from case_item i join case_file f on f.id = i.case_id"
                        + " join channel c on c.id = f.channel_id where c.slug = ? order by i.position")) {
            s.setString(1, SLUG);
            try (ResultSet rows = s.executeQuery();
                    UnlockedKey key = investigator.key().unlock(PASSPHRASE)) {
                while (rows.next()) {
                    assertTrue(rows.getBoolean(4), "the case says it was sealed in the browser");
                    assertEquals("yes", rows.getString(5), "the browser sent the category option's key beside the sealed report");
                    String blob = rows.getString(3);
                    try (InputStream in = Files.newInputStream(RunningPortal.blob(data(), blob))) {
                        byte[] plain = Opener.with(key).openAll(in, 16 << 20);
                        if (rows.getString(2).equals("REPORT")) {
                            report = ReportContents.fromJson(plain);
                        } else {
                            items.put(rows.getString(1), plain);
                        }
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

    @Test
    @Order(9)
    void gnupgDecryptsTheStoredFilesWithTheInvestigatorsExportedKey() throws Exception {
        List<byte[]> opened = new ArrayList<>();
        try (GnuPG gpg = new GnuPG(work.resolve("gnupg"), new String(PASSPHRASE))) {
            Path exported = Files.writeString(work.resolve("ines-secret.asc"), investigator.key().exportLockedSecretArmored(PASSPHRASE));
            gpg.run("--import", exported.toString());
            try (Connection c = DriverManager.getConnection(h2()); PreparedStatement s = c.prepareStatement(
                    "select i.blob_id from case_item i join case_file f on f.id = i.case_id join channel c on c.id = f.channel_id"
                            + " where c.slug = ? and i.kind = 'ATTACHMENT' order by i.position")) {
                s.setString(1, SLUG);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        String blob = rows.getString(1);
                        Path plain = work.resolve("gpg-" + blob);
                        gpg.run("--output", plain.toString(), "--decrypt",
                                RunningPortal.blob(data(), blob).toString());
                        opened.add(Files.readAllBytes(plain));
                    }
                }
            }
        }
        assertEquals(2, opened.size());
        assertArrayEquals(ledgerBytes, opened.get(0), "GnuPG opens the ledger sealed by OpenPGP.js");
        assertArrayEquals(photoBytes, opened.get(1), "and the photo");
    }

    @Test
    @Order(10)
    void theCancelledUploadMadeNoCaseAndTheLargeFileOpensIntact() throws Exception {
        List<String> blobsOfLarge = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(h2()); PreparedStatement s = c.prepareStatement(
                "select i.kind, i.blob_id from case_item i join case_file f on f.id = i.case_id"
                        + " join channel c on c.id = f.channel_id where c.slug = ? order by i.position")) {
            s.setString(1, LARGE);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    blobsOfLarge.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
        }
        assertEquals(2, blobsOfLarge.size(), "one case (report and file) from the upload sent after the cancel: " + blobsOfLarge);
        assertTrue(blobsOfLarge.get(0).startsWith("REPORT ") && blobsOfLarge.get(1).startsWith("ATTACHMENT "));
        String blob = blobsOfLarge.get(1).substring("ATTACHMENT ".length());
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (UnlockedKey key = investigator.key().unlock(PASSPHRASE);
                InputStream in = Files.newInputStream(RunningPortal.blob(data(), blob));
                OpenedStream plain = Opener.with(key).open(in)) {
            byte[] buffer = new byte[1 << 16];
            long size = 0;
            int n;
            while ((n = plain.read(buffer)) >= 0) {
                sha256.update(buffer, 0, n);
                size += n;
            }
            assertTrue(plain.isVerified(), "the integrity check of the large file passed");
            assertEquals(LARGE_BYTES, size);
        }
        assertArrayEquals(largeDigest, sha256.digest(), "the large file sealed chunk by chunk opens to the same bytes");
    }

    @Test
    @Order(11)
    void theBrowserMadeAFixedTimeCaseKeyAndPaddedEverythingItSealed() throws Exception {
        List<String> blobs = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(h2()); PreparedStatement s = c.prepareStatement(
                "select f.whistleblower_key, i.blob_id from case_item i join case_file f on f.id = i.case_id"
                        + " join channel c on c.id = f.channel_id where c.slug in (?, ?)")) {
            s.setString(1, SLUG);
            s.setString(2, LARGE);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    byte[] key = java.util.Base64.getDecoder().decode(rows.getString(1));
                    org.bouncycastle.openpgp.PGPSecretKeyRing ring = new org.bouncycastle.openpgp.PGPSecretKeyRing(key,
                            new org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator());
                    for (var it = ring.getPublicKeys(); it.hasNext(); ) {
                        var publicKey = it.next();
                        assertEquals(CASE_KEY_TIME, publicKey.getCreationTime().getTime() / 1000, "key creation time");
                        for (var sig = publicKey.getSignatures(); sig.hasNext(); ) {
                            assertEquals(CASE_KEY_TIME, sig.next().getCreationTime().getTime() / 1000, "signature time");
                        }
                    }
                    blobs.add(rows.getString(2));
                }
            }
        }
        assertEquals(5, blobs.size(), "two reports and their three files: " + blobs);
        for (String blob : blobs) {
            long content = encryptedContentBytes(RunningPortal.blob(data(), blob));
            assertEquals(org.candor.crypto.internal.Messages.padme(content), content,
                    "the encrypted content of " + blob + " is padded to a PADMÉ size");
        }
    }

    /** 2000-01-01T00:00:00Z, the creation time of every case key (docs/protocol.md, "Case keys"). */
    private static final long CASE_KEY_TIME = 946_684_800L;

    /**
     * The bytes inside the SEIPDv1 packet between the 18-byte prefix and the 22-byte MDC packet, read from the
     * packet framing of a stored message without a key.
     */
    private static long encryptedContentBytes(Path message) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(message))) {
            while (true) {
                int ctb = in.read();
                if (ctb < 0) {
                    throw new java.io.EOFException("no encrypted packet in " + message);
                }
                int tag;
                long body = 0;
                if ((ctb & 0x40) == 0) {
                    tag = (ctb >> 2) & 0x0f;
                    int lengthBytes = 1 << (ctb & 3);
                    long n = 0;
                    for (int i = 0; i < lengthBytes; i++) {
                        n = (n << 8) | in.read();
                    }
                    in.skipNBytes(n);
                    body = n;
                } else {
                    tag = ctb & 0x3f;
                    while (true) {
                        int b = in.read();
                        long n;
                        boolean partial = false;
                        if (b < 192) {
                            n = b;
                        } else if (b < 224) {
                            n = ((b - 192L) << 8) + in.read() + 192;
                        } else if (b == 255) {
                            n = ((long) in.read() << 24) | ((long) in.read() << 16) | ((long) in.read() << 8) | in.read();
                        } else {
                            n = 1L << (b & 0x1f);
                            partial = true;
                        }
                        in.skipNBytes(n);
                        body += n;
                        if (!partial) {
                            break;
                        }
                    }
                }
                if (tag == 18) {
                    return body - 1 - 18 - 22;
                }
            }
        }
    }

    /** Sets Chromium's upload speed for this page (-1: unthrottled), as DevTools' network conditions do. */
    private static void slowUploads(int bytesPerSecond) {
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of(
                "offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", bytesPerSecond));
    }

    private static int percent() {
        return Integer.parseInt(browser.findElement(By.id("sealed-bar")).getDomProperty("value"));
    }

    /** Random bytes in a file, written in pieces; returns their SHA-256. */
    private static byte[] writeRandom(Path file, int size) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        Random random = new Random(20261128L);
        byte[] piece = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int left = size; left > 0; left -= piece.length) {
                random.nextBytes(piece);
                int n = Math.min(left, piece.length);
                out.write(piece, 0, n);
                sha256.update(piece, 0, n);
            }
        }
        return sha256.digest();
    }

    /** The stored blobs (not the pending ones). */
    private static Set<Path> blobs() throws IOException {
        try (Stream<Path> all = Files.walk(data().resolve("blobs"))) {
            return all.filter(Files::isRegularFile).filter(p -> !p.getParent().getFileName().toString().equals("pending"))
                    .collect(Collectors.toSet());
        }
    }

    /** The blobs being written, of uploads not finished. */
    private static List<Path> pending() {
        try (Stream<Path> all = Files.list(data().resolve("blobs").resolve("pending"))) {
            return all.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
