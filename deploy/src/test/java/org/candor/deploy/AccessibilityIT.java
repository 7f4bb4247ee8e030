package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.candor.portal.it.Seed;
import org.candor.portal.staff.PasswordHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Accessibility kept as a test, against the runnable bundle with realistic data: first the
 * keyboard alone (Tab, Enter, Space; no click) files a report with JavaScript on and reads the
 * reply code, takes an investigator through sign-in with password and authenticator code, the
 * case list, a reply and a status change, and brings the whistleblower back with the code to
 * read that reply; on every step the focused element must show a focus ring. Then axe-core,
 * injected by the test (the portal never serves it), checks every public and staff page at
 * 1280 and 320 CSS pixels, with JavaScript on and off, in every language of {@link #LANGUAGES}
 * the portal offers, for the WCAG 2.0/2.1/2.2 A and AA rules and axe's best practices; any
 * violation fails the test, named by page, width, language, JavaScript and the elements.
 *
 * <p>One Chromium with JavaScript on serves both states: "JavaScript off" blocks the portal's
 * own scripts (every script of the portal is a {@code /static/*.mjs} module, the CSP forbids
 * inline ones, and no template has a {@code noscript} part), so the page is what a browser
 * without JavaScript renders, while the test can still run axe in it. In a Chromium started
 * with JavaScript switched off, script sent by WebDriver does run, but only synchronously:
 * {@code axe.run} never settles there (the checks tried it: a script timeout on every page).
 * That the portal's scripts really stay off is checked on the report form, whose sealing in
 * the browser appears only when its script runs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessibilityIT {

    /** The languages checked: English, and Arabic for a right-to-left layout (where the portal offers it). */
    private static final List<String> LANGUAGES = List.of("en", "ar");
    private static final List<Integer> WIDTHS = List.of(1280, 320);
    private static final List<String> RULE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

    private static final String INES_PASSWORD = "harbour lantern quiver oak";
    private static final String INES_PASSPHRASE = "ines unlocks her cases";
    private static final String OLGA_PASSWORD = "copper meadow violin sage";
    private static final String ADA_PASSWORD = "plum anchor velvet ninety";
    private static final String CHANNEL = "Fraud fraud";
    private static final String REPORT = "The supplier invoice 4711 was paid twice in March; the second payment went to a new account.";
    private static final String REPLY = "Thank you for your report. Which account received the second payment?";

    @TempDir
    static Path work;

    private static RunningPortal portal;
    private static ChromeDriver browser;
    private static String axeSource;
    private static UUID channelId;
    private static String replyCode;
    private static String caseUrl;
    private static final Map<String, Authenticator> phones = new java.util.HashMap<>();
    private static long startedNanos;
    private static final List<String> violations = new ArrayList<>();
    private static int checks;

    @BeforeAll
    static void start() throws Exception {
        startedNanos = System.nanoTime();
        Path axe = Path.of(System.getProperty("candor.axe", "target/test-js/node_modules/axe-core/axe.min.js"));
        assertTrue(Files.isRegularFile(axe), "axe-core is installed by the build from src/test/js (npm ci): " + axe);
        axeSource = Files.readString(axe);
        Path data = work.resolve("data");
        Seed seed = RunningPortal.seedBeforeStart(data, work.resolve("tmp"));
        Seed.Investigator ines = seed.addInvestigator("ines", INES_PASSWORD, INES_PASSPHRASE.toCharArray());
        seed.addOversightMember("olga", OLGA_PASSWORD, "olga reads the appeals".toCharArray());
        channelId = seed.addPublishedChannel("fraud", Seed.sampleQuestionnaire(1024 * 1024), true, 1024 * 1024, ines.id());
        try (Connection c = DriverManager.getConnection(RunningPortal.databaseUrl(data))) {
            UUID ada = UUID.randomUUID();
            update(c, "insert into staff_member (id, username, display_name, password_hash, enabled, created_on) values (?, ?, ?, ?, true, ?)",
                    ada, "ada", "Ada Lovelace", PasswordHash.of(ADA_PASSWORD.toCharArray()).encoded(), LocalDate.now());
            update(c, "insert into staff_role (staff_id, role) values (?, 'ADMINISTRATOR')", ada);
        }
        portal = RunningPortal.start(data, work.resolve("tmp"));
        browser = Browser.withJavaScript(work.resolve("browser"), null);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (portal != null) {
            portal.close();
        }
        System.out.printf("AccessibilityIT took %d s for %d axe checks; the portal took %d s to start%n",
                (System.nanoTime() - startedNanos) / 1_000_000_000, checks, portal == null ? -1 : portal.startupMillis() / 1000);
    }

    // --- the keyboard alone -------------------------------------------------------------------

    @Test
    @Order(1)
    void aReportIsFiledWithTheKeyboardAloneAndTheReplyCodeIsRead() throws Exception {
        javaScript(true);
        open("/?lang=en");
        tabTo("a[href='/report/fraud']");
        press(Keys.ENTER);
        awaitHeading(CHANNEL);
        wait(30).until(shows("sealed"));
        tabTo("#what");
        type(REPORT);
        tabTo("#where");
        type("Head office, accounts payable");
        tabTo("input[name=when]");
        press(Keys.SPACE);
        assertTrue(browser.findElement(By.cssSelector("input[name=when][value=yes]")).isSelected(), "Space chose the first answer");
        TimeUnit.SECONDS.sleep(3); // the portal refuses forms sent faster than a person fills them in
        tabTo("form.report button[type=submit]");
        press(Keys.ENTER);
        wait(120).until(shows("reply-code"));
        replyCode = browser.findElement(By.id("reply-code")).getText();
        assertTrue(replyCode.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){6}"), "a reply code in groups: " + replyCode);
        check("reply-code page (after the report sealed in the browser)", "en", true);
    }

    @Test
    @Order(2)
    void anInvestigatorSignsInRepliesAndMovesTheCaseOnWithTheKeyboardAlone() throws Exception {
        open("/staff/sign-in");
        awaitHeading("Staff sign-in");
        tabTo("#username");
        type("ines");
        tabTo("#password");
        type(INES_PASSWORD);
        press(Keys.ENTER);
        awaitHeading("Set up your second factor");
        Authenticator phone = new Authenticator(browser.findElement(By.id("secret")).getText());
        phones.put("ines", phone);
        tabTo("#code");
        type(phone.freshCode());
        press(Keys.ENTER);
        awaitHeading("Your recovery codes");
        tabTo("main a[href]");
        press(Keys.ENTER);
        awaitHeading("Desk");

        open("/desk/key");
        awaitHeading("Your key");
        tabTo("#unlockPassphrase");
        type(INES_PASSPHRASE);
        press(Keys.ENTER);
        wait(30).until(d -> "Unlocked in this session".equals(d.findElement(By.id("key-state")).getText()));

        open("/desk");
        tabTo("main a[href='/desk/cases']");
        press(Keys.ENTER);
        awaitHeading("Your cases");
        tabTo("#case-list tbody a");
        press(Keys.ENTER);
        wait(30).until(d -> d.findElement(By.tagName("h1")).getText().startsWith("Case "));
        caseUrl = java.net.URI.create(browser.getCurrentUrl()).getPath();
        assertTrue(browser.findElement(By.id("answers")).getText().contains(REPORT), "the report opens with her key");

        tabTo("#reply-text");
        type(REPLY);
        tabTo("#reply-form button[type=submit]");
        press(Keys.ENTER);
        wait(30).until(d -> d.findElement(By.tagName("main")).getText().contains(REPLY));

        tabTo("form[action$='/status'] button");
        String move = browser.switchTo().activeElement().getText();
        press(Keys.ENTER);
        wait(30).until(d -> "Acknowledged".equals(d.findElement(By.id("case-status")).getText()));
        assertEquals("Acknowledge receipt", move, "the first move offered is the acknowledgement");
    }

    @Test
    @Order(3)
    void theWhistleblowerComesBackWithTheCodeAndReadsTheReplyWithTheKeyboardAlone() throws Exception {
        browser.manage().deleteAllCookies();
        open("/contact?lang=en");
        awaitHeading("Come back with your reply code");
        tabTo("#code");
        type(replyCode);
        press(Keys.ENTER);
        wait(90).until(d -> d.findElement(By.tagName("main")).getText().contains(REPLY));
        assertTrue(browser.findElement(By.tagName("main")).getText().contains(REPORT), "the whistleblower reads their report");
        check("contact conversation (decrypted in the browser)", "en", true);
        browser.manage().deleteAllCookies();
    }

    // --- axe-core on every page ---------------------------------------------------------------

    @Test
    @Order(4)
    void axeFindsABarrierPutIntoAPage() {
        javaScript(false);
        open("/?lang=en");
        browser.executeScript("const i = document.createElement('input'); i.type = 'text'; document.querySelector('main').append(i);");
        check("/ with an unlabelled field added by the test", "en", false);
        List<String> found = List.copyOf(violations);
        violations.clear();
        assertEquals(WIDTHS.size(), found.stream().filter(v -> v.contains(": label (")).count(),
                "axe names the field without a label at each width: " + found);
    }

    @Test
    @Order(5)
    void everyPublicPageHasNoAccessibilityViolation() throws Exception {
        for (String language : offered()) {
            useLanguage(language);
            for (boolean js : List.of(true, false)) {
                javaScript(js);
                for (String page : List.of("/", "/report/fraud", "/contact", "/transparency", "/organisation/privacy",
                        "/accessibility", "/no-such-page", "/staff/sign-in")) {
                    open(page);
                    if (!page.startsWith("/staff")) {
                        assertEquals(1, browser.findElements(By.cssSelector("footer a[href='/accessibility']")).size(),
                                page + " links to the accessibility statement in its footer");
                    }
                    if (page.equals("/accessibility") && js) {
                        assertTrue(browser.findElement(By.id("conformance")).getText().contains("WCAG"), "the statement says what it conforms to");
                        Browser.screenshot(browser, "accessibility-statement-" + language + ".png");
                    }
                    check(page, language, js);
                }
                open("/report/fraud");
                if (js) {
                    wait(30).until(shows("sealed"));
                } else {
                    assertFalse(browser.findElement(By.id("sealed")).isDisplayed(), "with its script blocked the form offers no sealing");
                }
                ((JavascriptExecutor) browser).executeScript("document.querySelector('form.report').noValidate = true");
                browser.findElement(By.cssSelector("form.report button[type=submit]")).click();
                wait(30).until(shows("error-summary"));
                check("/report/fraud refused", language, js);
            }
            javaScript(false);
            open("/report/fraud");
            browser.findElement(By.id("what")).sendKeys("The invoice 4712 was paid twice as well.");
            browser.findElement(By.cssSelector("input[name=when][value=no]")).click();
            TimeUnit.SECONDS.sleep(3); // the portal refuses forms sent faster than a person fills them in
            browser.findElement(By.cssSelector("form.report button[type=submit]")).click();
            wait(60).until(shows("reply-code"));
            check("reply-code page", language, false);

            open("/contact?lang=" + language);
            browser.findElement(By.id("code")).sendKeys(replyCode);
            browser.findElement(By.id("code")).submit();
            wait(30).until(d -> d.findElement(By.tagName("main")).getText().contains(REPLY));
            for (boolean js : List.of(false, true)) {
                javaScript(js);
                for (String page : List.of("/contact/conversation", "/contact/status")) {
                    open(page);
                    check(page, language, js);
                }
            }
            browser.manage().deleteAllCookies();
        }
        assertNoViolations();
    }

    @Test
    @Order(6)
    void everyStaffPageHasNoAccessibilityViolation() throws Exception {
        String channel = "/admin/channels/" + channelId;
        signIn("ines", INES_PASSWORD, "Desk");
        unlockKey();
        staffPages(List.of("/staff", "/desk", "/desk/cases", caseUrl, "/desk/search?q=invoice", "/desk/key", "/desk/retention"));
        signIn("olga", OLGA_PASSWORD, null);
        staffPages(List.of("/oversight/audit", "/oversight/audit/verify", "/oversight/appeals", "/oversight/access"));
        signIn("ada", ADA_PASSWORD, "Welcome, Ada Lovelace");
        staffPages(List.of("/admin/staff", "/admin/channels", channel, channel + "/texts", channel + "/recipients",
                channel + "/limits", channel + "/fields/new", channel + "/fields/what", "/admin/retention",
                "/admin/transparency", "/admin/organisation"));
        assertNoViolations();
    }

    private static void staffPages(List<String> pages) throws Exception {
        for (String language : offered()) {
            useLanguage(language);
            for (boolean js : List.of(true, false)) {
                javaScript(js);
                for (String page : pages) {
                    open(page);
                    assertEquals(page.replaceFirst("\\?.*", ""), java.net.URI.create(browser.getCurrentUrl()).getPath(),
                            "the staff page itself is shown, not a sign-in or another page");
                    check(page, language, js);
                }
            }
        }
    }

    // --- helpers ------------------------------------------------------------------------------

    /** The languages of {@link #LANGUAGES} the portal offers (its language menu links to them); each check sets it. */
    private static List<String> offered() {
        javaScript(false);
        open("/?lang=en");
        List<String> offered = LANGUAGES.stream()
                .filter(l -> !browser.findElements(By.cssSelector("nav.languages a[hreflang='" + l + "']")).isEmpty()).toList();
        if (offered.size() < LANGUAGES.size()) {
            System.out.println("AccessibilityIT: the portal does not offer " + LANGUAGES.stream().filter(l -> !offered.contains(l)).toList()
                    + "; checked in " + offered);
        }
        return offered;
    }

    /** Chooses the language with the language menu's parameter; the portal remembers it for the pages after. */
    private static void useLanguage(String language) {
        open("/?lang=" + language);
    }

    /** Runs axe-core on the page shown at each width and collects what it finds. */
    private static void check(String page, String language, boolean js) {
        assertEquals(language, browser.findElement(By.tagName("html")).getAttribute("lang"), page + " is in the language asked for");
        for (int width : WIDTHS) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
            JavascriptExecutor js2 = browser;
            if (!Boolean.TRUE.equals(js2.executeScript("return typeof window.axe === 'object'"))) {
                js2.executeScript(axeSource);
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> found = (List<Map<String, Object>>) js2.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations', 'passes']})
                      .then(r => done(r.passes.length === 0 ? [{id: 'axe-ran-no-rule', help: 'no rule passed', nodes: []}] : r.violations.map(v => ({id: v.id, help: v.help,
                          nodes: v.nodes.map(n => n.target.join(' ') + (n.failureSummary ? ' (' + n.failureSummary.replace(/\\s+/g, ' ') + ')' : ''))}))))
                      .catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));
                    """, RULE_TAGS);
            checks++;
            for (Map<String, Object> v : found) {
                violations.add(page + " @" + width + "px, " + language + ", JavaScript " + (js ? "on" : "off") + ": " + v.get("id")
                        + " (" + v.get("help") + ")\n      " + String.join("\n      ", toStrings(v.get("nodes"))));
            }
        }
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private static List<String> toStrings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    private static void assertNoViolations() {
        List<String> found = List.copyOf(violations);
        violations.clear();
        assertTrue(found.isEmpty(), found.size() + " accessibility violations:\n  " + String.join("\n  ", found));
    }

    /** JavaScript "off": the portal's own scripts are blocked, so the page renders as without JavaScript. */
    private static void javaScript(boolean on) {
        browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", on ? List.of() : List.of("*/static/*.mjs")));
    }

    private static void open(String path) {
        browser.get(portal.url(path).toString());
        wait(30).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Signs in with password and authenticator code, setting the authenticator up at the first sign-in. */
    private static void signIn(String username, String password, String heading) throws InterruptedException {
        browser.manage().deleteAllCookies();
        javaScript(false);
        open("/staff/sign-in?lang=en");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("password")).submit();
        wait(60).until(d -> d.getCurrentUrl().contains("/staff/enrol") || d.getCurrentUrl().contains("/staff/second-factor"));
        if (browser.getCurrentUrl().contains("/staff/enrol")) {
            phones.put(username, new Authenticator(browser.findElement(By.id("secret")).getText()));
        }
        browser.findElement(By.id("code")).sendKeys(phones.get(username).freshCode());
        browser.findElement(By.id("code")).submit();
        wait(60).until(d -> !d.getCurrentUrl().contains("/staff/second-factor") && !d.getCurrentUrl().contains("/staff/enrol")
                || !d.findElements(By.cssSelector("ol.codes")).isEmpty());
        if (!browser.findElements(By.cssSelector("ol.codes")).isEmpty()) {
            browser.findElement(By.cssSelector("main a[href]")).click();
        }
        if (heading != null) {
            awaitHeading(heading);
        }
    }

    private static void unlockKey() {
        open("/desk/key");
        browser.findElement(By.id("unlockPassphrase")).sendKeys(INES_PASSPHRASE);
        browser.findElement(By.id("unlockPassphrase")).submit();
        wait(30).until(d -> "Unlocked in this session".equals(d.findElement(By.id("key-state")).getText()));
    }

    private static void awaitHeading(String heading) {
        wait(60).until(d -> heading.equals(d.findElements(By.tagName("h1")).stream().map(WebElement::getText).findFirst().orElse("")));
    }

    /** Waits for what a person would see next; on a timeout, says what the page shows instead. */
    private static Waiting wait(int seconds) {
        return new Waiting(seconds);
    }

    /** Whether the element with the id is shown; false while the page is being replaced. */
    private static java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> shows(String id) {
        return d -> {
            try {
                return d.findElements(By.id(id)).stream().anyMatch(WebElement::isDisplayed);
            } catch (org.openqa.selenium.WebDriverException e) {
                return false;
            }
        };
    }

    private record Waiting(int seconds) {
        <T> T until(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
            try {
                return new WebDriverWait(browser, Duration.ofSeconds(seconds)).ignoring(StaleElementReferenceException.class)
                        .until(condition);
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("waited " + seconds + " s in vain on " + browser.getCurrentUrl() + ", which shows:\n"
                        + browser.findElement(By.tagName("body")).getText(), e);
            }
        }
    }

    /**
     * Presses Tab until the element the selector names has the focus, checking on every stop that
     * the focused element shows where the focus is (an outline or a shadow). Fails after 60 stops.
     */
    private static void tabTo(String selector) {
        for (int i = 0; i < 60; i++) {
            press(Keys.TAB);
            String ring = (String) browser.executeScript("""
                    const e = document.activeElement;
                    if (!e || e === document.body) return 'none';
                    const s = getComputedStyle(e);
                    const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');
                    const name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.getAttribute('href') ? '[href=' + e.getAttribute('href') + ']' : '')
                        + (e.name ? '[name=' + e.name + ']' : '');
                    return (visible ? 'ok ' : 'NO FOCUS RING ') + name;
                    """);
            if (!"none".equals(ring) && !ring.startsWith("ok ")) {
                throw new AssertionError("on " + browser.getCurrentUrl() + " the focus is not visible: " + ring);
            }
            if (Boolean.TRUE.equals(browser.executeScript("return !!document.activeElement && document.activeElement.matches(arguments[0])",
                    selector))) {
                return;
            }
        }
        throw new AssertionError("60 presses of Tab on " + browser.getCurrentUrl() + " do not reach " + selector);
    }

    private static void press(CharSequence key) {
        new Actions(browser).sendKeys(key).perform();
    }

    private static void type(String text) {
        new Actions(browser).sendKeys(text).perform();
    }

    private static void update(Connection c, String sql, Object... values) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
