package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in a real browser with JavaScript switched off: the landing page in both
 * languages, the first-run setup, and not one request to anywhere but the portal.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    private static final Pattern REQUESTED_URL = Pattern.compile("\"request\":\\{.*?\"url\":\"([^\"]+)\"");

    @TempDir
    static Path work;

    private static RunningPortal portal;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        portal = RunningPortal.start(work.resolve("data"), work.resolve("tmp"));
        browser = Browser.withoutJavaScript(work.resolve("browser"));
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
    void landingPageWorksWithoutJavaScriptInEnglishAndGerman() throws Exception {
        browser.get(portal.url("/?lang=en").toString());
        awaitHeading("Report wrongdoing");
        assertTrue(text("main").contains("No reporting channel is open yet"));
        assertTrue(text("main").contains("How your anonymity is protected"));
        Browser.screenshot(browser, "landing-en.png");

        browser.findElement(By.linkText("Deutsch")).click();
        awaitHeading("Missstände melden");
        assertEquals("de", browser.findElement(By.tagName("html")).getAttribute("lang"));

        browser.get(portal.url("/").toString());
        awaitHeading("Missstände melden");
        browser.findElement(By.linkText("English")).click();
        awaitHeading("Report wrongdoing");
    }

    @Test
    @Order(2)
    void firstAdministratorIsCreatedThroughTheSetupLinkWhichThenStopsWorking() throws Exception {
        String link = portal.setupLink().orElseThrow();
        browser.get(link);
        awaitHeading("Create the first administrator");

        fill("displayName", "Ada Lovelace");
        fill("username", "ada");
        fill("password", "plum anchor velvet ninety");
        fill("passwordRepeat", "plum anchor velvet ninetY");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")));
        assertTrue(text("[role=alert]").contains("The two passwords are not the same"));
        assertEquals("Ada Lovelace", browser.findElement(By.id("displayName")).getAttribute("value"),
                "what was typed is kept");

        fill("password", "plum anchor velvet ninety");
        fill("passwordRepeat", "plum anchor velvet ninety");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        awaitHeading("The first administrator exists");
        assertTrue(text("[role=status]").contains("Ada Lovelace"));
        Browser.screenshot(browser, "setup-done.png");

        browser.get(link);
        awaitHeading("This setup link no longer works");
    }

    @Test
    @Order(3)
    void noPageAsksForAnythingButThePortal() {
        browser.manage().logs().get(LogType.PERFORMANCE); // forget the browser's own start-up pages
        browser.get(portal.url("/").toString());
        List<String> urls = browser.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Network.requestWillBeSent"))
                .map(REQUESTED_URL::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .filter(url -> url.matches("(?i)(https?|wss?|ftp)://.*"))
                .toList();
        assertTrue(urls.size() >= 2, "the page and its style sheet were seen: " + urls);
        String own = "http://localhost:" + portal.port() + "/";
        assertEquals(List.of(), urls.stream().filter(url -> !url.startsWith(own)).toList());
    }

    /** Waits for the page whose main heading is the one given: a form's answer may take a moment. */
    private static void awaitHeading(String heading) {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), heading));
    }

    private void fill(String id, String value) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

}
