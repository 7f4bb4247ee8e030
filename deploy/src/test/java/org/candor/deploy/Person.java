package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person at a browser: opens pages, types, clicks and waits for the next page as someone
 * reading the screen would, and reads back what the page shows. Shared by the browser tests so
 * that each waits the same tolerant way.
 *
 * <p>While a page is being replaced, Chromium reports elements of the old page either as stale
 * or as nodes that "do not belong to the document"; both mean the same here, so every wait
 * ignores them and checks again.
 */
final class Person {

    /** How long a page may take to appear on this shared machine. */
    static final Duration PAGE_LIMIT = Duration.ofSeconds(60);

    private final ChromeDriver browser;
    private final Path downloads;

    /** A person using this browser, whose downloads land in the folder given. */
    Person(ChromeDriver browser, Path downloads) {
        this.browser = browser;
        this.downloads = downloads;
    }

    /** A person with a browser of their own, JavaScript off, in a profile folder named after them under {@code work}. */
    static Person withoutJavaScript(Path work, String name) throws IOException {
        Path profile = work.resolve(name);
        Files.createDirectories(Browser.downloads(profile));
        return new Person(Browser.withoutJavaScript(profile), Browser.downloads(profile));
    }

    ChromeDriver browser() {
        return browser;
    }

    /** Goes to an address and waits for the page with that main heading. */
    void open(String url, String heading) {
        browser.get(url);
        awaitHeading(heading);
    }

    /** Waits for the page whose main heading is the one given: a form's answer may take a moment. */
    void awaitHeading(String heading) {
        try {
            waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), heading));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected the page \u201c" + heading + "\u201d, but the browser shows "
                    + browser.getCurrentUrl() + " with the heading \u201c" + headingNow() + "\u201d", e);
        }
    }

    /** Waits until the condition holds, ignoring the errors of a page being replaced. */
    <T> T await(Function<WebDriver, T> condition) {
        return waiting().until(condition);
    }

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, PAGE_LIMIT);
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    private String headingNow() {
        try {
            return browser.findElement(By.tagName("h1")).getText();
        } catch (WebDriverException none) {
            return "(none)";
        }
    }

    /**
     * Whether a page's element is gone because the page was replaced. Chromium reports this
     * either as a stale element or, while the new page is being built, as a node that "does not
     * belong to the document"; both mean the same here.
     */
    static boolean replaced(WebElement oldPage) {
        try {
            oldPage.isEnabled();
            return false;
        } catch (WebDriverException gone) {
            return true;
        }
    }

    /** Clicks and waits until the next page, with that heading, is shown. */
    void click(WebElement element, String nextHeading) {
        WebElement html = browser.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(browser, PAGE_LIMIT).until(driver -> replaced(html));
        awaitHeading(nextHeading);
    }

    void click(By what, String nextHeading) {
        click(browser.findElement(what), nextHeading);
    }

    void click(By what) {
        browser.findElement(what).click();
    }

    /** Clicks the button of the main content with this text and waits for the next page. */
    void submit(String buttonText, String nextHeading) {
        click(button(buttonText), nextHeading);
    }

    /** Clicks the submit button of the form found by the selector and waits for the next page. */
    void submitIn(String formSelector, String nextHeading) {
        click(browser.findElement(By.cssSelector(formSelector + " button[type=submit]")), nextHeading);
    }

    WebElement button(String text) {
        return browser.findElement(By.xpath("//main//button[normalize-space()='" + text + "']"));
    }

    void fill(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    void fillNamed(String name, String value) {
        WebElement field = browser.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    /** Chooses a file for a file field, as the file picker would. */
    void attach(String id, Path file) {
        browser.findElement(By.id(id)).sendKeys(file.toAbsolutePath().toString());
    }

    String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** What a form field holds now, as the person would see it in the field. */
    String valueOf(String id) {
        return browser.findElement(By.id(id)).getDomProperty("value");
    }

    /** The texts of all elements the selector finds, in page order. */
    List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    boolean shows(String css) {
        return !browser.findElements(By.cssSelector(css)).isEmpty();
    }

    /** The value next to a term in a list of facts, as a reader finds "Origin: Made in Candor". */
    String definition(String term) {
        return browser.findElement(By.xpath("//dt[normalize-space()='" + term + "']/following-sibling::dd[1]")).getText();
    }

    /**
     * Clicks a download link and returns the bytes of the file the browser saved under the name
     * the link shows, once the browser has finished writing it.
     */
    byte[] download(By link, String expectedName) throws IOException {
        Path saved = downloads.resolve(expectedName);
        Files.deleteIfExists(saved);
        browser.findElement(link).click();
        await(driver -> Files.isRegularFile(saved) && !partial() ? Boolean.TRUE : null);
        return Files.readAllBytes(saved);
    }

    private boolean partial() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
        } catch (IOException e) {
            return true;
        }
    }

    void screenshot(String name) throws IOException {
        Browser.screenshot(browser, name);
    }

    // --- staff sign-in ------------------------------------------------------------------------

    /**
     * A staff member's first sign-in on the sign-in page shown: password, then the enrolment
     * page, whose key typed into a new authenticator app confirms the second factor, then the
     * recovery codes, and on to the page with the heading given. Returns the app.
     */
    Authenticator signInAndEnrol(String username, String password, String heading) throws InterruptedException {
        fill("username", username);
        fill("password", password);
        submit("Sign in", "Set up your second factor");
        Authenticator phone = new Authenticator(text("#secret"));
        fill("code", phone.freshCode());
        submit("Confirm", "Your recovery codes");
        assertEquals(10, browser.findElements(By.cssSelector("ol.codes code")).size(), "ten recovery codes are shown");
        click(By.linkText("I have stored them. Continue"), heading);
        return phone;
    }

    /** Signs in with password and a fresh code from the phone, ending on the page with that heading. */
    void signIn(String signInUrl, String username, String password, Authenticator phone, String heading)
            throws InterruptedException {
        open(signInUrl, "Staff sign-in");
        fill("username", username);
        fill("password", password);
        submit("Sign in", "Second factor");
        fill("code", phone.freshCode());
        submit("Continue", heading);
    }

    /** Signs out with the button in the staff menu and checks the sign-in page says so. */
    void signOutOfStaff() {
        click(By.cssSelector("form[action='/staff/sign-out'] button"), "Staff sign-in");
        assertTrue(text("[role=status]").contains("You are signed out."), text("[role=status]"));
    }

    /** Unlocks the key on the key page with the passphrase, and checks the page says it is unlocked. */
    void unlockKey(String keyPageUrl, String passphrase) {
        open(keyPageUrl, "Your key");
        fill("unlockPassphrase", passphrase);
        submit("Unlock for this session", "Your key");
        assertEquals("Unlocked in this session", text("#key-state"), "the key page says the key is unlocked");
    }

    /** The message of the page's alert, if it shows one. */
    Optional<String> alert() {
        return browser.findElements(By.cssSelector("[role=alert]")).stream().map(WebElement::getText)
                .filter(t -> !t.isBlank()).findFirst();
    }

    void quit() {
        browser.quit();
    }
}
