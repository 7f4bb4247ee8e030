package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The portal in a real browser with JavaScript switched off: the landing page in English and
 * German through the folded language links, which fit a small screen, the first-run setup, and not
 * one request to anywhere but the portal.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    private static final By LANGUAGES = By.cssSelector("nav.languages summary");
    private static final Pattern REQUESTED_URL = Pattern.compile("\"request\":\\{.*?\"url\":\"([^\"]+)\"");

    @TempDir
    static Path work;

    private static RunningPortal portal;
    private static Person person;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        portal = RunningPortal.start(work.resolve("data"), work.resolve("tmp"));
        person = Person.withoutJavaScript(work, "browser");
        browser = person.browser();
    }

    @AfterAll
    static void stop() throws Exception {
        if (person != null) {
            person.quit();
        }
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    @Order(1)
    void landingPageWorksWithoutJavaScriptInEnglishAndGerman() throws Exception {
        person.open(portal.url("/?lang=en").toString(), "Report wrongdoing");
        assertTrue(person.text("main").contains("No reporting channel is open yet"));
        assertTrue(person.text("main").contains("How your anonymity is protected"));
        person.screenshot("landing-en.png");

        person.click(LANGUAGES);
        person.click(By.linkText("Deutsch"), "Missstände melden");
        assertEquals("de", browser.findElement(By.tagName("html")).getAttribute("lang"));

        person.open(portal.url("/").toString(), "Missstände melden");
        person.click(LANGUAGES);
        person.click(By.linkText("English"), "Report wrongdoing");
    }

    /** The language links fold into one line, and open into a list that fits a 320 px screen. */
    @Test
    @Order(4)
    void theLanguageListFitsASmallScreen() throws Exception {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 320, "height", 700, "deviceScaleFactor", 1, "mobile", true));
        try {
            person.open(portal.url("/?lang=en").toString(), "Report wrongdoing");
            person.click(LANGUAGES);
            WebElement list = browser.findElement(By.cssSelector("nav.languages ul"));
            assertTrue(list.isDisplayed());
            for (WebElement link : list.findElements(By.tagName("a"))) {
                Rectangle box = link.getRect();
                assertTrue(box.getX() >= 0 && box.getX() + box.getWidth() <= 320, link.getText() + " at " + box.getX()
                        + ".." + (box.getX() + box.getWidth()));
            }
            person.screenshot("languages-320.png");
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    @Order(2)
    void firstAdministratorIsCreatedThroughTheSetupLinkWhichThenStopsWorking() throws Exception {
        String link = portal.setupLink().orElseThrow();
        person.open(link, "Create the first administrator");

        person.fill("displayName", "Ada Lovelace");
        person.fill("username", "ada");
        person.fill("password", "plum anchor velvet ninety");
        person.fill("passwordRepeat", "plum anchor velvet ninetY");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        person.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")));
        assertTrue(person.text("[role=alert]").contains("The two passwords are not the same"));
        assertEquals("Ada Lovelace", browser.findElement(By.id("displayName")).getAttribute("value"),
                "what was typed is kept");

        person.fill("password", "plum anchor velvet ninety");
        person.fill("passwordRepeat", "plum anchor velvet ninety");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        person.awaitHeading("The first administrator exists");
        assertTrue(person.text("[role=status]").contains("Ada Lovelace"));
        person.screenshot("setup-done.png");

        person.open(link, "This setup link no longer works");
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
}
