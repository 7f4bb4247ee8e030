package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A whistleblower reports through the runnable bundle (embedded H2) in Chromium with JavaScript
 * off: answers and two files, then the reply code. Unique canaries in every answer, file content
 * and file name, and in the browser's user agent, are then searched for in the database file,
 * the blobs, the data and temporary folders and the console: none may be found, not even while
 * a slow upload is still streaming in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportIT {

    private static final String CANARY = "canary" + UUID.randomUUID().toString().replace("-", "");
    private static final char[] PASSPHRASE = "investigator passphrase".toCharArray();

    @TempDir
    static Path work;

    private static RunningPortal portal;
    private static ChromeDriver browser;
    private static Seed.Investigator investigator;
    private static final String SLUG = "fraud";

    @BeforeAll
    static void start() throws Exception {
        Seed seed = RunningPortal.seedBeforeStart(data(), temp());
        investigator = seed.addInvestigator("ines", "a long sign-in password", PASSPHRASE);
        seed.addPublishedChannel(SLUG, Seed.sampleQuestionnaire(4 * 1024 * 1024), true, 4 * 1024 * 1024, investigator.id());
        portal = RunningPortal.start(data(), temp());
        browser = Browser.withoutJavaScript(work.resolve("browser"), "Mozilla/5.0 (" + CANARY + "-agent)");
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
    void aWhistleblowerReportsWithTwoFilesWithoutJavaScriptAndGetsAReplyCode() throws Exception {
        Path ledger = Files.writeString(work.resolve("ledger-" + CANARY + ".csv"), "amount," + CANARY + "\n1,2\n");
        Path photo = Files.write(work.resolve("photo-" + CANARY + ".jpg"), ("JFIF" + CANARY).getBytes());

        browser.get(portal.url("/").toString());
        browser.findElement(By.linkText("Fraud " + SLUG)).click();
        await("Fraud " + SLUG);
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("encrypted as they arrive at the server"));
        browser.findElement(By.id("what")).sendKeys("The " + CANARY + " account was emptied.");
        browser.findElement(By.id("where")).sendKeys("Office " + CANARY);
        browser.findElement(By.cssSelector("input[name=when][value=yes]")).click();
        browser.findElement(By.id("evidence")).sendKeys(ledger + "\n" + photo);
        Browser.screenshot(browser, "report-form.png");
        TimeUnit.SECONDS.sleep(3); // the portal refuses forms sent faster than a person fills them in
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        await("Your report was received");
        String code = browser.findElement(By.id("reply-code")).getText();
        assertTrue(code.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){6}"), code);
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("encrypted on arrival at the server"));
        Browser.screenshot(browser, "report-received.png");
    }

    @Test
    @Order(2)
    void aSlowUploadLeavesNoPlaintextInTheTemporaryOrDataFoldersWhileItStreams() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String form = http.send(HttpRequest.newBuilder(portal.url("/report/" + SLUG)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(form);
        assertTrue(token.find());
        TimeUnit.SECONDS.sleep(3);
        String boundary = "----slow" + UUID.randomUUID().toString().replace("-", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\n" + token.group(1)
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"what\"\r\n\r\nslow " + CANARY
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"when\"\r\n\r\nno"
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"slow-" + CANARY
                + ".txt\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        SlowBody body = new SlowBody(head, (CANARY + "\n").repeat(20_000).getBytes(StandardCharsets.UTF_8), tail);

        CompletableFuture<HttpResponse<String>> sent = http.sendAsync(HttpRequest.newBuilder(portal.url("/report/" + SLUG))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("User-Agent", "Mozilla/5.0 " + CANARY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), HttpResponse.BodyHandlers.ofString());
        int looks = 0;
        while (!sent.isDone()) {
            assertEquals(List.of(), filesContaining(List.of(data(), temp()), CANARY), "nothing in clear while uploading");
            looks++;
            TimeUnit.MILLISECONDS.sleep(300);
        }
        assertTrue(looks >= 3, "the folders were searched during the upload (" + looks + " times)");
        assertEquals(200, sent.get().statusCode());
        assertTrue(sent.get().body().contains("Your report was received"));
    }

    @Test
    @Order(3)
    void noCanaryIsInTheDatabaseTheBlobsTheFoldersOrTheConsole() throws Exception {
        portal.close();
        String console = portal.output();
        portal = null;
        assertFalse(console.contains(CANARY), "the console shows nothing of a report or of the browser");
        assertEquals(List.of(), filesContaining(List.of(data(), temp()), CANARY),
                "no canary in the H2 database, the blobs, the keys or the temporary files");
    }

    @Test
    @Order(4)
    void theInvestigatorsKeyOpensBothReportsExactlyAsSent() throws Exception {
        List<ReportContents> reports = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(h2()); PreparedStatement s = c.prepareStatement(
                "select blob_id from case_item where kind = 'REPORT'"); ResultSet rows = s.executeQuery();
                UnlockedKey key = investigator.key().unlock(PASSPHRASE)) {
            while (rows.next()) {
                String blob = rows.getString(1);
                try (InputStream in = Files.newInputStream(RunningPortal.blob(data(), blob))) {
                    reports.add(ReportContents.fromJson(Opener.with(key).openAll(in, 1 << 20)));
                }
            }
        }
        assertEquals(2, reports.size());
        ReportContents browsed = reports.stream().filter(r -> r.answers().containsKey("where")).findFirst().orElseThrow();
        assertEquals(List.of("The " + CANARY + " account was emptied."), browsed.answers().get("what"));
        assertEquals(List.of("ledger-" + CANARY + ".csv", "photo-" + CANARY + ".jpg"),
                browsed.attachments().stream().map(ReportContents.AttachmentEntry::name).toList());
    }

    private static void await(String heading) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.textToBe(By.tagName("h1"), heading));
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

    static List<Path> filesContaining(List<Path> roots, String needle) throws IOException {
        List<Path> found = new ArrayList<>();
        byte[][] forms = {needle.getBytes(StandardCharsets.UTF_8), needle.getBytes(StandardCharsets.UTF_16LE)};
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    byte[] content;
                    try {
                        content = Files.readAllBytes(file);
                    } catch (IOException vanished) {
                        continue; // a pending file moved while we looked
                    }
                    for (byte[] form : forms) {
                        if (indexOf(content, form) >= 0) {
                            found.add(file);
                        }
                    }
                }
            } catch (java.io.UncheckedIOException vanished) {
                // a folder changed while we walked it; the next look covers it
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

    /** A request body that trickles in: the head, then the file in small pieces with pauses, then the tail. */
    private static final class SlowBody extends InputStream {
        private final byte[] all;
        private final int slowFrom;
        private final int slowTo;
        private int position;

        SlowBody(byte[] head, byte[] file, byte[] tail) {
            all = new byte[head.length + file.length + tail.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(file, 0, all, head.length, file.length);
            System.arraycopy(tail, 0, all, head.length + file.length, tail.length);
            slowFrom = head.length;
            slowTo = head.length + file.length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= all.length) {
                return -1;
            }
            int n = Math.min(len, all.length - position);
            if (position >= slowFrom && position < slowTo) {
                n = Math.min(n, 64 * 1024);
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            System.arraycopy(all, position, b, off, n);
            position += n;
            return n;
        }
    }
}
