package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An organisation sets Candor up in a real browser with JavaScript switched off, against the
 * runnable bundle: the first administrator enrols a second factor and invites two
 * investigators; one makes a key in the portal, the other brings a key made with GnuPG; the
 * administrator builds a channel with a questionnaire, is told why it cannot be published while
 * its recipient has no key, publishes it once the key is there, and reaches no desk page; as an
 * oversight member they verify the audit log, and after one row of it is altered in the
 * database (portal stopped) the same page names the entry that was altered.
 *
 * <p>Every step is a click or typing, as a person does it; every check is something that person
 * would notice on the page: a heading, a message, a list.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffJourneyIT {

    private static final String ADMIN_PASSWORD = "plum anchor velvet ninety";
    private static final String INES_PASSWORD = "meadow quartz ticket ember";
    private static final String INES_PASSPHRASE = "lighthouse saffron walrus";
    private static final String GUSTAV_PASSWORD = "orbit maple cinder fjord";
    private static final String GNUPG_PASSPHRASE = "gnupg keeps this one";
    private static final String CHANNEL = "Fraud and corruption";
    private static final Duration PAGE_LIMIT = Duration.ofSeconds(60);

    @TempDir
    static Path work;

    private static RunningPortal portal;
    private static ChromeDriver browser;

    private static Authenticator adminPhone;
    private static Authenticator inesPhone;
    private static Authenticator gustavPhone;
    private static String inesInvitation;
    private static String gustavInvitation;
    private static String channelPage;

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
    void theFirstAdministratorIsCreatedAndMustSetUpASecondFactor() throws Exception {
        browser.get(portal.url("/?lang=en").toString());
        awaitHeading("Report wrongdoing");
        browser.get(portal.setupLink().orElseThrow(() -> new AssertionError("no setup link:\n" + portal.output())));
        awaitHeading("Create the first administrator");
        fill("displayName", "Ada Lovelace");
        fill("username", "ada");
        fill("password", ADMIN_PASSWORD);
        fill("passwordRepeat", ADMIN_PASSWORD);
        submit("Create administrator", "The first administrator exists");

        browser.get(portal.url("/staff/sign-in").toString());
        awaitHeading("Staff sign-in");
        screenshot("staff-sign-in.png");
        fill("username", "ada");
        fill("password", ADMIN_PASSWORD);
        submit("Sign in", "Set up your second factor");
        assertTrue(browser.findElement(By.cssSelector("img[src='/staff/enrol/qr.svg']")).getSize().getWidth() > 100,
                "the QR code drawn by the portal is shown");
        String typedKey = text("#secret");
        assertTrue(typedKey.matches("[A-Z2-7 ]{32,}"), "a key to type into the app: " + typedKey);
        screenshot("staff-second-factor-enrolment.png");

        adminPhone = new Authenticator(typedKey);
        fill("code", adminPhone.wrongCode());
        submit("Confirm", "Set up your second factor");
        assertTrue(text("[role=alert]").contains("This code does not match"));

        fill("code", adminPhone.freshCode());
        submit("Confirm", "Your recovery codes");
        assertTrue(text("[role=status]").contains("Your second factor is set up and you are signed in."));
        List<String> codes = browser.findElements(By.cssSelector("ol.codes code")).stream().map(WebElement::getText).toList();
        assertEquals(10, codes.size());
        assertTrue(codes.stream().allMatch(c -> c.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}")), codes.toString());
        screenshot("staff-recovery-codes.png");
        click(By.linkText("I have stored them. Continue"), "Welcome, Ada Lovelace");
    }

    @Test
    @Order(2)
    void aReplayedCodeIsRefusedAndTheAdministratorInvitesTwoInvestigators() throws Exception {
        signOut();
        fill("username", "ada");
        fill("password", ADMIN_PASSWORD);
        submit("Sign in", "Second factor");
        fill("code", adminPhone.lastCode());
        submit("Continue", "Second factor");
        assertTrue(text("[role=alert]").contains("This code is not right, or it was used already."),
                "the code used at enrolment does not work a second time");
        fill("code", adminPhone.freshCode());
        submit("Continue", "Welcome, Ada Lovelace");

        inesInvitation = invite("INVESTIGATOR");
        gustavInvitation = invite("INVESTIGATOR");
        assertFalse(inesInvitation.equals(gustavInvitation), "each invitation has its own link");
        signOut();
    }

    @Test
    @Order(3)
    void anInvitedInvestigatorJoinsEnrolsAndMakesAKeyWhosePassphraseIsNotTheirPassword() throws Exception {
        browser.get(inesInvitation);
        awaitHeading("Join Candor");
        assertTrue(text("main").contains("You are invited to Candor as investigator."));
        fill("displayName", "Ines Investigator");
        fill("username", "ines");
        fill("password", "password1234");
        fill("passwordRepeat", "password1234");
        submit("Create my account", "Join Candor");
        assertTrue(text("[role=alert]").contains("This password is too easy to guess"));
        assertEquals("ines", browser.findElement(By.id("username")).getAttribute("value"), "what was typed is kept");

        fill("password", INES_PASSWORD);
        fill("passwordRepeat", INES_PASSWORD);
        submit("Create my account", "Your account exists");
        assertTrue(text("[role=status]").contains("You can now sign in as \u201cines\u201d."));

        click(By.linkText("Sign in"), "Staff sign-in");
        inesPhone = signInAndEnrol("ines", INES_PASSWORD);
        assertTrue(text("main").contains("Reports are encrypted to your OpenPGP key before they are stored"),
                "an investigator without a key is led to set one up first");

        fill("passphrase", INES_PASSWORD);
        fill("passphraseRepeat", INES_PASSWORD);
        submit("Make my key", "Set up your key");
        assertTrue(text("[role=alert]").contains("The key passphrase must differ from your sign-in password."));

        fill("passphrase", INES_PASSPHRASE);
        fill("passphraseRepeat", INES_PASSPHRASE);
        submit("Make my key", "Your key");
        assertTrue(text("[role=status]").contains("Your key is ready."));
        assertTrue(text("#fingerprint").replace(" ", "").matches("[0-9A-F]{40}"), text("#fingerprint"));
        assertEquals("Made in Candor", definition("Origin"));
        assertEquals("Locked", text("#key-state"));
        screenshot("desk-key-generated.png");
        signOut();

        browser.get(inesInvitation);
        awaitHeading("This invitation no longer works");
    }

    @Test
    @Order(4)
    void aSecondInvestigatorJoinsAndStopsBeforeSettingUpAKey() throws Exception {
        browser.get(gustavInvitation);
        awaitHeading("Join Candor");
        fill("displayName", "Gustav GnuPG");
        fill("username", "gustav");
        fill("password", GUSTAV_PASSWORD);
        fill("passwordRepeat", GUSTAV_PASSWORD);
        submit("Create my account", "Your account exists");
        click(By.linkText("Sign in"), "Staff sign-in");
        gustavPhone = signInAndEnrol("gustav", GUSTAV_PASSWORD);
        signOut();
    }

    @Test
    @Order(5)
    void theAdministratorBuildsAChannelWithAQuestionnaireAndIsToldWhyItCannotBePublished() throws Exception {
        signIn("ada", ADMIN_PASSWORD, adminPhone, "Welcome, Ada Lovelace");
        click(By.linkText("Administration: reporting channels"), "Channels");
        assertTrue(text("main").contains("There is no channel yet."));
        click(By.linkText("Create a channel"), "Create a channel");
        fill("slug", "fraud");
        fill("name_en", CHANNEL);
        fill("description_en", "Bribes, embezzlement, false accounts.");
        fill("name_de", "Betrug und Korruption");
        fill("description_de", "Bestechung, Unterschlagung, falsche Buchführung.");
        submit("Create channel", CHANNEL);
        assertTrue(text("[role=status]").contains("The channel was created as a draft."));
        channelPage = browser.getCurrentUrl().replaceFirst("\\?.*", "");

        addQuestion("Short text (one line)", "summary", "What happened, in one sentence?", "Was ist passiert, in einem Satz?",
                "Leave out anything that names you.");
        addChoiceQuestion();
        addQuestion("Files", "evidence", "Documents that show it", "Dokumente, die es belegen", "");
        assertTrue(text("[role=alert]").contains("The question \u201cevidence\u201d asks for files: allow files for this channel first"),
                "a file question needs a channel that accepts files: " + text("[role=alert]"));
        click(By.linkText("Back to the channel"), CHANNEL);
        click(By.linkText("Change retention and files"), "Retention and files");
        browser.findElement(By.id("uploadsAllowed")).click();
        submit("Save", CHANNEL);
        assertTrue(text("[role=status]").contains("Retention and file limits were saved."));
        addQuestion("Files", "evidence", "Documents that show it", "Dokumente, die es belegen", "");
        assertTrue(text("[role=status]").contains("The questionnaire was saved."));
        assertEquals(List.of("What happened, in one sentence? (required)", "Where did it happen?", "Documents that show it"),
                browser.findElements(By.cssSelector("#questions-heading ~ table tbody tr td:first-child")).stream()
                        .map(cell -> cell.getText().lines().findFirst().orElse("")).toList());
        screenshot("channel-questionnaire.png");

        click(By.linkText("Choose recipients"), "Who receives the reports");
        click(By.xpath("//label[normalize-space()='Gustav GnuPG (gustav)']"));
        submit("Save", CHANNEL);
        assertTrue(text("[role=status]").contains("The recipients were saved."));

        submit("Publish", CHANNEL);
        String refusal = text("[role=alert]");
        assertTrue(refusal.contains("This channel cannot be published yet."), refusal);
        assertTrue(refusal.contains("None of the recipients has a usable key, so a report could not be encrypted to anyone."),
                refusal);
        String recipients = text("#recipients-heading ~ table");
        assertTrue(recipients.contains("Gustav GnuPG has no key yet."), recipients);
        assertTrue(recipients.contains("Ask Gustav GnuPG to sign in"), recipients);
        assertTrue(text("main").contains("Draft (not offered to whistleblowers)"));
        screenshot("channel-publish-refused.png");

        browser.get(portal.url("/").toString());
        awaitHeading("Report wrongdoing");
        assertTrue(text("main").contains("No reporting channel is open yet"), "a draft is not offered");
        browser.get(portal.url("/staff").toString());
        awaitHeading("Welcome, Ada Lovelace");
        signOut();
    }

    @Test
    @Order(6)
    void theRecipientBringsAKeyMadeWithGnuPGAndTheChannelIsPublished() throws Exception {
        Path gnupg = Files.createDirectories(work.resolve("gnupg"));
        String armored;
        String gpgFingerprint;
        try {
            gpg(gnupg, "--quick-generate-key", "Gustav <gustav@example.org>", "ed25519", "cert", "2y");
            Matcher fpr = Pattern.compile("(?m)^fpr:+([0-9A-F]{40}):").matcher(gpg(gnupg, "--with-colons", "--list-secret-keys"));
            assertTrue(fpr.find());
            gpgFingerprint = fpr.group(1);
            gpg(gnupg, "--quick-add-key", gpgFingerprint, "cv25519", "encr", "2y");
            armored = gpg(gnupg, "--armor", "--export-secret-keys", gpgFingerprint);
        } finally {
            new ProcessBuilder("gpgconf", "--homedir", gnupg.toString(), "--kill", "gpg-agent").start().waitFor();
        }

        signIn("gustav", GUSTAV_PASSWORD, gustavPhone, "Set up your key");
        fill("armored", armored);
        fill("importPassphrase", "not the gnupg passphrase");
        submit("Bring my key", "Set up your key");
        assertTrue(text("[role=alert]").contains("This passphrase does not unlock the key."), text("[role=alert]"));

        fill("armored", armored);
        fill("importPassphrase", GNUPG_PASSPHRASE);
        submit("Bring my key", "Your key");
        assertTrue(text("[role=status]").contains("Your key was imported."));
        assertEquals(gpgFingerprint, text("#fingerprint").replace(" ", ""), "the fingerprint GnuPG shows");
        assertEquals("Brought from GnuPG", definition("Origin"));
        screenshot("desk-key-imported.png");
        signOut();

        signIn("ada", ADMIN_PASSWORD, adminPhone, "Welcome, Ada Lovelace");
        browser.get(channelPage);
        awaitHeading(CHANNEL);
        assertTrue(text("#recipients-heading ~ table").contains("Yes: reports can be encrypted to this person\u2019s key."));
        submit("Publish", CHANNEL);
        assertTrue(text("[role=status]").contains("The channel is published: whistleblowers can now choose it on the start page."));
        assertTrue(text("main").contains("Published"));

        browser.get(portal.url("/").toString());
        awaitHeading("Report wrongdoing");
        WebElement offered = browser.findElement(By.cssSelector("ul.channels li.channel"));
        assertEquals(CHANNEL, offered.findElement(By.tagName("h3")).getText());
        assertTrue(offered.getText().contains("Bribes, embezzlement, false accounts."));
        assertEquals(portal.url("/report/fraud").toString(), offered.findElement(By.tagName("a")).getAttribute("href"));
        screenshot("landing-with-channel.png");
    }

    @Test
    @Order(7)
    void anAdministratorReachesNoDeskPage() throws Exception {
        for (String path : List.of("/desk", "/desk/key", "/desk/key/setup")) {
            browser.get(portal.url(path).toString());
            awaitHeading("Not for this account");
            assertTrue(text("main").contains("Your account does not give access to this page."), path);
        }
        browser.get(portal.url("/staff").toString());
        awaitHeading("Welcome, Ada Lovelace");
        assertTrue(browser.findElements(By.linkText("Desk")).isEmpty(), "no desk in the administrator's menu");
        assertTrue(browser.findElements(By.linkText("Oversight")).isEmpty(), "no oversight either, yet");
    }

    @Test
    @Order(8)
    void aSecondRoleNeedsAnExplicitConfirmationAndOversightFindsTheLogIntact() throws Exception {
        click(By.linkText("Administration: staff accounts"), "Staff");
        String own = "#staff-ada form[action$='/grant']";
        new Select(browser.findElement(By.cssSelector(own + " select"))).selectByVisibleText("oversight member");
        submitIn(own, "Staff");
        assertTrue(text("[role=alert]").contains("This person holds a role already. Tick the confirmation to give them a second one."));

        new Select(browser.findElement(By.cssSelector(own + " select"))).selectByVisibleText("oversight member");
        browser.findElement(By.cssSelector(own + " input[name=confirm]")).click();
        submitIn(own, "Staff");
        assertTrue(text("[role=status]").contains("The role is granted."));
        assertTrue(text("#staff-ada").contains("oversight member"));

        // The menu follows the account's roles from the next page on.
        click(By.linkText("Staff"), "Staff");
        click(By.linkText("Oversight"), "Audit log");
        String log = text("main");
        for (String action : List.of("First administrator created", "Second factor set up", "Sign-in refused",
                "Staff member invited", "Invitation accepted", "Key generated", "Key imported", "Channel created",
                "Channel published", "Role granted")) {
            assertTrue(log.contains(action), action + " is in the log");
        }
        for (String secret : List.of(ADMIN_PASSWORD, INES_PASSWORD, INES_PASSPHRASE, GNUPG_PASSPHRASE)) {
            assertFalse(log.contains(secret), "the log shows no secret");
        }
        screenshot("oversight-audit-log.png");

        click(By.linkText("Verify the whole log"), "Verify the audit log");
        submit("Verify the whole log now", "Verify the audit log");
        String verdict = text("[role=status]");
        assertTrue(verdict.contains("The audit log is intact."), verdict);
        assertTrue(verdict.matches("(?s).*\\d+ entries checked; the last is entry \\d+, with this hash:.*"), verdict);
        screenshot("oversight-audit-intact.png");
    }

    @Test
    @Order(9)
    void verificationNamesTheEntryAlteredInTheDatabase() throws Exception {
        portal.close();
        long altered;
        String url = "jdbc:h2:file:" + work.resolve("data/database/candor") + ";IFEXISTS=TRUE";
        try (Connection db = DriverManager.getConnection(url, "candor", "")) {
            List<Long> grants = new ArrayList<>();
            try (PreparedStatement find = db.prepareStatement(
                    "select seq, details from audit_entry where action = 'ROLE_GRANTED' order by seq");
                    ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    assertTrue(rows.getString("details").contains("OVERSIGHT"), rows.getString("details"));
                    grants.add(rows.getLong("seq"));
                }
            }
            assertEquals(1, grants.size(), "one role was granted");
            altered = grants.get(0);
            // Someone with database access hides that an administrator made themselves oversight.
            try (PreparedStatement update = db.prepareStatement(
                    "update audit_entry set details = replace(details, 'OVERSIGHT', 'INVESTIGATOR') where seq = ?")) {
                update.setLong(1, altered);
                assertEquals(1, update.executeUpdate());
            }
        }
        portal = RunningPortal.start(work.resolve("data"), work.resolve("tmp"));

        browser.get(portal.url("/oversight/audit/verify").toString());
        awaitHeading("Staff sign-in");
        fill("username", "ada");
        fill("password", ADMIN_PASSWORD);
        submit("Sign in", "Second factor");
        fill("code", adminPhone.freshCode());
        submit("Continue", "Verify the audit log");
        submit("Verify the whole log now", "Verify the audit log");
        String verdict = text("[role=alert]");
        assertTrue(verdict.contains("The audit log is broken at entry " + altered + "."), verdict);
        assertTrue(verdict.contains("Entry " + altered + " was altered: its contents no longer match its hash."), verdict);
        assertTrue(verdict.contains((altered - 1) + " entries before it are intact."), verdict);
        screenshot("oversight-audit-broken.png");
    }

    // --- what a person does -------------------------------------------------------------------

    /** Signs in with password and a fresh code from the phone, ending on the page with that heading. */
    private static void signIn(String username, String password, Authenticator phone, String heading) throws Exception {
        browser.get(portal.url("/staff/sign-in").toString());
        awaitHeading("Staff sign-in");
        fill("username", username);
        fill("password", password);
        submit("Sign in", "Second factor");
        fill("code", phone.freshCode());
        submit("Continue", heading);
    }

    /**
     * An investigator's first sign-in: password, then the enrolment page, whose typed key goes
     * into a new app, then the recovery codes, then the desk, which first asks for a key.
     */
    private static Authenticator signInAndEnrol(String username, String password) throws Exception {
        fill("username", username);
        fill("password", password);
        submit("Sign in", "Set up your second factor");
        Authenticator phone = new Authenticator(text("#secret"));
        fill("code", phone.freshCode());
        submit("Confirm", "Your recovery codes");
        assertEquals(10, browser.findElements(By.cssSelector("ol.codes code")).size());
        click(By.linkText("I have stored them. Continue"), "Set up your key");
        return phone;
    }

    private static void signOut() {
        WebElement html = browser.findElement(By.tagName("html"));
        browser.findElement(By.cssSelector("form[action='/staff/sign-out'] button")).click();
        new WebDriverWait(browser, PAGE_LIMIT).until(driver -> replaced(html));
        awaitHeading("Staff sign-in");
        assertTrue(text("[role=status]").contains("You are signed out."));
    }

    /** Makes an invitation link on the staff page and reads it off the page that shows it once. */
    private static String invite(String role) {
        browser.get(portal.url("/admin/staff").toString());
        awaitHeading("Staff");
        browser.findElement(By.cssSelector("input[name=role][value=" + role + "]")).click();
        submit("Make an invitation link", "Invitation link");
        assertTrue(text("main").contains("It works once, until"));
        String link = text("#invitation-link");
        assertTrue(link.startsWith(portal.url("/staff/invitation/").toString()), link);
        return link;
    }

    private static void addQuestion(String kind, String key, String english, String german, String help) {
        chooseQuestionType(kind);
        submit("Add question", "Question");
        assertTrue(text("main").contains(kind));
        fill("key", key);
        fill("label_en", english);
        fill("label_de", german);
        if (!help.isEmpty()) {
            fill("help_en", help);
            browser.findElement(By.id("required")).click();
        }
        WebElement html = browser.findElement(By.tagName("html"));
        button("Save").click();
        new WebDriverWait(browser, PAGE_LIMIT).until(driver -> replaced(html));
        new WebDriverWait(browser, PAGE_LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    }

    private static void addChoiceQuestion() throws Exception {
        chooseQuestionType("Single choice");
        submit("Add question", "Question");
        fill("key", "place");
        fill("label_en", "Where did it happen?");
        fill("label_de", "Wo ist es passiert?");
        String[][] options = {{"Head office", "Hauptsitz"}, {"A branch", "Eine Filiale"}, {"At a supplier", "Bei einem Lieferanten"}};
        for (int i = 0; i < options.length; i++) {
            fillNamed("option_en_" + i, options[i][0]);
            fillNamed("option_de_" + i, options[i][1]);
        }
        screenshot("channel-question-editor.png");
        submit("Save", CHANNEL);
        assertTrue(text("[role=status]").contains("The questionnaire was saved."));
    }

    private static String gpg(Path home, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch",
                "--pinentry-mode", "loopback", "--passphrase", GNUPG_PASSPHRASE));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), String.join(" ", command));
        return output;
    }

    // --- the browser --------------------------------------------------------------------------

    /** Waits for the page whose main heading is the one given: a form's answer may take a moment. */
    /**
     * Chooses the kind of the next question on the channel page, waiting out the page that is
     * still being replaced after the previous form (Chromium then reports stale nodes).
     */
    private static void chooseQuestionType(String kind) {
        new WebDriverWait(browser, PAGE_LIMIT)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(WebDriverException.class)
                .until(driver -> {
                    new Select(driver.findElement(By.id("type"))).selectByVisibleText(kind);
                    return true;
                });
    }

    /**
     * Whether a page's element is gone because the page was replaced. Chromium reports this
     * either as a stale element or, while the new page is being built, as a node that "does not
     * belong to the document"; both mean the same here.
     */
    private static boolean replaced(WebElement oldPage) {
        try {
            oldPage.isEnabled();
            return false;
        } catch (WebDriverException gone) {
            return true;
        }
    }

    private static void awaitHeading(String heading) {
        new WebDriverWait(browser, PAGE_LIMIT).ignoring(WebDriverException.class)
                .until(ExpectedConditions.textToBe(By.tagName("h1"), heading));
    }

    /** Clicks the button with this text and waits until the next page, with that heading, is shown. */
    private static void submit(String buttonText, String nextHeading) {
        click(button(buttonText), nextHeading);
    }

    /** Clicks the submit button of the form found by the selector and waits for the next page. */
    private static void submitIn(String formSelector, String nextHeading) {
        click(browser.findElement(By.cssSelector(formSelector + " button[type=submit]")), nextHeading);
    }

    private static void click(By what, String nextHeading) {
        click(browser.findElement(what), nextHeading);
    }

    private static void click(By what) {
        browser.findElement(what).click();
    }

    private static void click(WebElement element, String nextHeading) {
        WebElement html = browser.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(browser, PAGE_LIMIT).until(driver -> replaced(html));
        awaitHeading(nextHeading);
    }

    private static WebElement button(String text) {
        return browser.findElement(By.xpath("//main//button[normalize-space()='" + text + "']"));
    }

    private static void fill(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private static void fillNamed(String name, String value) {
        WebElement field = browser.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** The value next to a term in a list of facts, as a reader finds "Origin: Made in Candor". */
    private static String definition(String term) {
        return browser.findElement(By.xpath("//dt[normalize-space()='" + term + "']/following-sibling::dd[1]")).getText();
    }

    private static void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.move(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
