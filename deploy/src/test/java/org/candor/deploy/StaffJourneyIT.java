package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    @TempDir
    static Path work;

    private static RunningPortal portal;
    private static ChromeDriver browser;
    private static Person person;

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
        person = new Person(browser, Browser.downloads(work.resolve("browser")));
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
        person.awaitHeading("Report wrongdoing");
        browser.get(portal.setupLink().orElseThrow(() -> new AssertionError("no setup link:\n" + portal.output())));
        person.awaitHeading("Create the first administrator");
        person.fill("displayName", "Ada Lovelace");
        person.fill("username", "ada");
        person.fill("password", ADMIN_PASSWORD);
        person.fill("passwordRepeat", ADMIN_PASSWORD);
        person.submit("Create administrator", "The first administrator exists");

        browser.get(portal.url("/staff/sign-in").toString());
        person.awaitHeading("Staff sign-in");
        person.screenshot("staff-sign-in.png");
        person.fill("username", "ada");
        person.fill("password", ADMIN_PASSWORD);
        person.submit("Sign in", "Set up your second factor");
        assertTrue(browser.findElement(By.cssSelector("img[src='/staff/enrol/qr.svg']")).getSize().getWidth() > 100,
                "the QR code drawn by the portal is shown");
        String typedKey = person.text("#secret");
        assertTrue(typedKey.matches("[A-Z2-7 ]{32,}"), "a key to type into the app: " + typedKey);
        person.screenshot("staff-second-factor-enrolment.png");

        adminPhone = new Authenticator(typedKey);
        person.fill("code", adminPhone.wrongCode());
        person.submit("Confirm", "Set up your second factor");
        assertTrue(person.text("[role=alert]").contains("This code does not match"));

        person.fill("code", adminPhone.freshCode());
        person.submit("Confirm", "Your recovery codes");
        assertTrue(person.text("[role=status]").contains("Your second factor is set up and you are signed in."));
        List<String> codes = browser.findElements(By.cssSelector("ol.codes code")).stream().map(WebElement::getText).toList();
        assertEquals(10, codes.size());
        assertTrue(codes.stream().allMatch(c -> c.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}")), codes.toString());
        person.screenshot("staff-recovery-codes.png");
        person.click(By.linkText("I have stored them. Continue"), "Welcome, Ada Lovelace");
    }

    @Test
    @Order(2)
    void aReplayedCodeIsRefusedAndTheAdministratorInvitesTwoInvestigators() throws Exception {
        person.signOutOfStaff();
        person.fill("username", "ada");
        person.fill("password", ADMIN_PASSWORD);
        person.submit("Sign in", "Second factor");
        person.fill("code", adminPhone.lastCode());
        person.submit("Continue", "Second factor");
        assertTrue(person.text("[role=alert]").contains("This code is not right, or it was used already."),
                "the code used at enrolment does not work a second time");
        person.fill("code", adminPhone.freshCode());
        person.submit("Continue", "Welcome, Ada Lovelace");

        inesInvitation = invite("INVESTIGATOR");
        gustavInvitation = invite("INVESTIGATOR");
        assertFalse(inesInvitation.equals(gustavInvitation), "each invitation has its own link");
        person.signOutOfStaff();
    }

    @Test
    @Order(3)
    void anInvitedInvestigatorJoinsEnrolsAndMakesAKeyWhosePassphraseIsNotTheirPassword() throws Exception {
        browser.get(inesInvitation);
        person.awaitHeading("Join Candor");
        assertTrue(person.text("main").contains("You are invited to Candor as investigator."));
        person.fill("displayName", "Ines Investigator");
        person.fill("username", "ines");
        person.fill("password", "password1234");
        person.fill("passwordRepeat", "password1234");
        person.submit("Create my account", "Join Candor");
        assertTrue(person.text("[role=alert]").contains("This password is too easy to guess"));
        assertEquals("ines", browser.findElement(By.id("username")).getAttribute("value"), "what was typed is kept");

        person.fill("password", INES_PASSWORD);
        person.fill("passwordRepeat", INES_PASSWORD);
        person.submit("Create my account", "Your account exists");
        assertTrue(person.text("[role=status]").contains("You can now sign in as \u201cines\u201d."));

        person.click(By.linkText("Sign in"), "Staff sign-in");
        inesPhone = person.signInAndEnrol("ines", INES_PASSWORD, "Set up your key");
        assertTrue(person.text("main").contains("Reports are encrypted to your OpenPGP key before they are stored"),
                "an investigator without a key is led to set one up first");

        person.fill("passphrase", INES_PASSWORD);
        person.fill("passphraseRepeat", INES_PASSWORD);
        person.submit("Make my key", "Set up your key");
        assertTrue(person.text("[role=alert]").contains("The key passphrase must differ from your sign-in password."));

        person.fill("passphrase", INES_PASSPHRASE);
        person.fill("passphraseRepeat", INES_PASSPHRASE);
        person.submit("Make my key", "Your key");
        assertTrue(person.text("[role=status]").contains("Your key is ready."));
        assertTrue(person.text("#fingerprint").replace(" ", "").matches("[0-9A-F]{40}"), person.text("#fingerprint"));
        assertEquals("Made in Candor", person.definition("Origin"));
        assertEquals("Locked", person.text("#key-state"));
        person.screenshot("desk-key-generated.png");
        person.signOutOfStaff();

        browser.get(inesInvitation);
        person.awaitHeading("This invitation no longer works");
    }

    @Test
    @Order(4)
    void aSecondInvestigatorJoinsAndStopsBeforeSettingUpAKey() throws Exception {
        browser.get(gustavInvitation);
        person.awaitHeading("Join Candor");
        person.fill("displayName", "Gustav GnuPG");
        person.fill("username", "gustav");
        person.fill("password", GUSTAV_PASSWORD);
        person.fill("passwordRepeat", GUSTAV_PASSWORD);
        person.submit("Create my account", "Your account exists");
        person.click(By.linkText("Sign in"), "Staff sign-in");
        gustavPhone = person.signInAndEnrol("gustav", GUSTAV_PASSWORD, "Set up your key");
        person.signOutOfStaff();
    }

    @Test
    @Order(5)
    void theAdministratorBuildsAChannelWithAQuestionnaireAndIsToldWhyItCannotBePublished() throws Exception {
        signIn("ada", ADMIN_PASSWORD, adminPhone, "Welcome, Ada Lovelace");
        person.click(By.linkText("Administration: reporting channels"), "Channels");
        assertTrue(person.text("main").contains("There is no channel yet."));
        person.click(By.linkText("Create a channel"), "Create a channel");
        person.fill("slug", "fraud");
        person.fill("name_en", CHANNEL);
        person.fill("description_en", "Bribes, embezzlement, false accounts.");
        person.fill("name_de", "Betrug und Korruption");
        person.fill("description_de", "Bestechung, Unterschlagung, falsche Buchführung.");
        person.submit("Create channel", CHANNEL);
        assertTrue(person.text("[role=status]").contains("The channel was created as a draft."));
        channelPage = browser.getCurrentUrl().replaceFirst("\\?.*", "");

        addQuestion("Short text (one line)", "summary", "What happened, in one sentence?", "Was ist passiert, in einem Satz?",
                "Leave out anything that names you.");
        addChoiceQuestion();
        addQuestion("Files", "evidence", "Documents that show it", "Dokumente, die es belegen", "");
        assertTrue(person.text("[role=alert]").contains("The question \u201cevidence\u201d asks for files: allow files for this channel first"),
                "a file question needs a channel that accepts files: " + person.text("[role=alert]"));
        person.click(By.linkText("Back to the channel"), CHANNEL);
        person.click(By.linkText("Change retention and files"), "Retention and files");
        browser.findElement(By.id("uploadsAllowed")).click();
        person.submit("Save", CHANNEL);
        assertTrue(person.text("[role=status]").contains("Retention and file limits were saved."));
        addQuestion("Files", "evidence", "Documents that show it", "Dokumente, die es belegen", "");
        assertTrue(person.text("[role=status]").contains("The questionnaire was saved."));
        assertEquals(List.of("What happened, in one sentence? (required)", "Where did it happen?", "Documents that show it"),
                browser.findElements(By.cssSelector("#questions-heading ~ table tbody tr td:first-child")).stream()
                        .map(cell -> cell.getText().lines().findFirst().orElse("")).toList());
        person.screenshot("channel-questionnaire.png");

        person.click(By.linkText("Choose recipients"), "Who receives the reports");
        person.click(By.xpath("//label[normalize-space()='Gustav GnuPG (gustav)']"));
        person.submit("Save", CHANNEL);
        assertTrue(person.text("[role=status]").contains("The recipients were saved."));

        person.submit("Publish", CHANNEL);
        String refusal = person.text("[role=alert]");
        assertTrue(refusal.contains("This channel cannot be published yet."), refusal);
        assertTrue(refusal.contains("None of the recipients has a usable key, so a report could not be encrypted to anyone."),
                refusal);
        String recipients = person.text("#recipients-heading ~ table");
        assertTrue(recipients.contains("Gustav GnuPG has no key yet."), recipients);
        assertTrue(recipients.contains("Ask Gustav GnuPG to sign in"), recipients);
        assertTrue(person.text("main").contains("Draft (not offered to whistleblowers)"));
        person.screenshot("channel-publish-refused.png");

        browser.get(portal.url("/").toString());
        person.awaitHeading("Report wrongdoing");
        assertTrue(person.text("main").contains("No reporting channel is open yet"), "a draft is not offered");
        browser.get(portal.url("/staff").toString());
        person.awaitHeading("Welcome, Ada Lovelace");
        person.signOutOfStaff();
    }

    @Test
    @Order(6)
    void theRecipientBringsAKeyMadeWithGnuPGAndTheChannelIsPublished() throws Exception {
        String armored;
        String gpgFingerprint;
        try (GnuPG gpg = new GnuPG(work.resolve("gnupg"), GNUPG_PASSPHRASE)) {
            gpg.run("--quick-generate-key", "Gustav <gustav@example.org>", "ed25519", "cert", "2y");
            Matcher fpr = Pattern.compile("(?m)^fpr:+([0-9A-F]{40}):").matcher(gpg.run("--with-colons", "--list-secret-keys"));
            assertTrue(fpr.find());
            gpgFingerprint = fpr.group(1);
            gpg.run("--quick-add-key", gpgFingerprint, "cv25519", "encr", "2y");
            armored = gpg.run("--armor", "--export-secret-keys", gpgFingerprint);
        }

        signIn("gustav", GUSTAV_PASSWORD, gustavPhone, "Set up your key");
        person.fill("armored", armored);
        person.fill("importPassphrase", "not the gnupg passphrase");
        person.submit("Bring my key", "Set up your key");
        assertTrue(person.text("[role=alert]").contains("This passphrase does not unlock the key."), person.text("[role=alert]"));

        person.fill("armored", armored);
        person.fill("importPassphrase", GNUPG_PASSPHRASE);
        person.submit("Bring my key", "Your key");
        assertTrue(person.text("[role=status]").contains("Your key was imported."));
        assertEquals(gpgFingerprint, person.text("#fingerprint").replace(" ", ""), "the fingerprint GnuPG shows");
        assertEquals("Brought from GnuPG", person.definition("Origin"));
        person.screenshot("desk-key-imported.png");
        person.signOutOfStaff();

        signIn("ada", ADMIN_PASSWORD, adminPhone, "Welcome, Ada Lovelace");
        browser.get(channelPage);
        person.awaitHeading(CHANNEL);
        assertTrue(person.text("#recipients-heading ~ table").contains("Yes: reports can be encrypted to this person\u2019s key."));
        person.submit("Publish", CHANNEL);
        assertTrue(person.text("[role=status]").contains("The channel is published: whistleblowers can now choose it on the start page."));
        assertTrue(person.text("main").contains("Published"));

        browser.get(portal.url("/").toString());
        person.awaitHeading("Report wrongdoing");
        WebElement offered = browser.findElement(By.cssSelector("ul.channels li.channel"));
        assertEquals(CHANNEL, offered.findElement(By.tagName("h3")).getText());
        assertTrue(offered.getText().contains("Bribes, embezzlement, false accounts."));
        assertEquals(portal.url("/report/fraud").toString(), offered.findElement(By.tagName("a")).getAttribute("href"));
        person.screenshot("landing-with-channel.png");
    }

    @Test
    @Order(7)
    void anAdministratorReachesNoDeskPage() throws Exception {
        for (String path : List.of("/desk", "/desk/key", "/desk/key/setup")) {
            browser.get(portal.url(path).toString());
            person.awaitHeading("Not for this account");
            assertTrue(person.text("main").contains("Your account does not give access to this page."), path);
        }
        browser.get(portal.url("/staff").toString());
        person.awaitHeading("Welcome, Ada Lovelace");
        assertTrue(browser.findElements(By.linkText("Desk")).isEmpty(), "no desk in the administrator's menu");
        assertTrue(browser.findElements(By.linkText("Oversight")).isEmpty(), "no oversight either, yet");
    }

    @Test
    @Order(8)
    void aSecondRoleNeedsAnExplicitConfirmationAndOversightFindsTheLogIntact() throws Exception {
        person.click(By.linkText("Administration: staff accounts"), "Staff");
        String own = "#staff-ada form[action$='/grant']";
        new Select(browser.findElement(By.cssSelector(own + " select"))).selectByVisibleText("oversight member");
        person.submitIn(own, "Staff");
        assertTrue(person.text("[role=alert]").contains("This person holds a role already. Tick the confirmation to give them a second one."));

        new Select(browser.findElement(By.cssSelector(own + " select"))).selectByVisibleText("oversight member");
        browser.findElement(By.cssSelector(own + " input[name=confirm]")).click();
        person.submitIn(own, "Staff");
        assertTrue(person.text("[role=status]").contains("The role is granted."));
        assertTrue(person.text("#staff-ada").contains("oversight member"));

        // The menu follows the account's roles from the next page on.
        person.click(By.linkText("Staff"), "Staff");
        person.click(By.linkText("Oversight"), "Audit log");
        String log = person.text("main");
        for (String action : List.of("First administrator created", "Second factor set up", "Sign-in refused",
                "Staff member invited", "Invitation accepted", "Key generated", "Key imported", "Channel created",
                "Channel published", "Role granted")) {
            assertTrue(log.contains(action), action + " is in the log");
        }
        for (String secret : List.of(ADMIN_PASSWORD, INES_PASSWORD, INES_PASSPHRASE, GNUPG_PASSPHRASE)) {
            assertFalse(log.contains(secret), "the log shows no secret");
        }
        person.screenshot("oversight-audit-log.png");

        person.click(By.linkText("Verify the whole log"), "Verify the audit log");
        person.submit("Verify the whole log now", "Verify the audit log");
        String verdict = person.text("[role=status]");
        assertTrue(verdict.contains("The audit log is intact."), verdict);
        assertTrue(verdict.matches("(?s).*\\d+ entries checked; the last is entry \\d+, with this hash:.*"), verdict);
        person.screenshot("oversight-audit-intact.png");

        NarrowScreen.assertFits(browser, List.of(portal.url("/admin/staff").toString(),
                portal.url("/admin/channels").toString(), channelPage, portal.url("/admin/retention").toString(),
                portal.url("/admin/transparency").toString(), portal.url("/oversight/audit").toString(),
                portal.url("/oversight/audit/verify").toString(), portal.url("/oversight/access").toString(),
                portal.url("/oversight/appeals").toString()));
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
        person.awaitHeading("Staff sign-in");
        person.fill("username", "ada");
        person.fill("password", ADMIN_PASSWORD);
        person.submit("Sign in", "Second factor");
        person.fill("code", adminPhone.freshCode());
        person.submit("Continue", "Verify the audit log");
        person.submit("Verify the whole log now", "Verify the audit log");
        String verdict = person.text("[role=alert]");
        assertTrue(verdict.contains("The audit log is broken at entry " + altered + "."), verdict);
        assertTrue(verdict.contains("Entry " + altered + " was altered: its contents no longer match its hash."), verdict);
        assertTrue(verdict.contains((altered - 1) + " entries before it are intact."), verdict);
        person.screenshot("oversight-audit-broken.png");
    }

    // --- what a person does -------------------------------------------------------------------

    /** Signs in with password and a fresh code from the phone, ending on the page with that heading. */
    private static void signIn(String username, String password, Authenticator phone, String heading) throws Exception {
        person.signIn(portal.url("/staff/sign-in").toString(), username, password, phone, heading);
    }

    /** Makes an invitation link on the staff page and reads it off the page that shows it once. */
    private static String invite(String role) {
        browser.get(portal.url("/admin/staff").toString());
        person.awaitHeading("Staff");
        browser.findElement(By.cssSelector("input[name=role][value=" + role + "]")).click();
        person.submit("Make an invitation link", "Invitation link");
        assertTrue(person.text("main").contains("It works once, until"));
        String link = person.text("#invitation-link");
        assertTrue(link.startsWith(portal.url("/staff/invitation/").toString()), link);
        return link;
    }

    private static void addQuestion(String kind, String key, String english, String german, String help) {
        chooseQuestionType(kind);
        person.submit("Add question", "Question");
        assertTrue(person.text("main").contains(kind));
        person.fill("key", key);
        person.fill("label_en", english);
        person.fill("label_de", german);
        if (!help.isEmpty()) {
            person.fill("help_en", help);
            browser.findElement(By.id("required")).click();
        }
        WebElement html = browser.findElement(By.tagName("html"));
        person.button("Save").click();
        new WebDriverWait(browser, Person.PAGE_LIMIT).until(driver -> Person.replaced(html));
        new WebDriverWait(browser, Person.PAGE_LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    }

    private static void addChoiceQuestion() throws Exception {
        chooseQuestionType("Single choice");
        person.submit("Add question", "Question");
        person.fill("key", "place");
        person.fill("label_en", "Where did it happen?");
        person.fill("label_de", "Wo ist es passiert?");
        String[][] options = {{"Head office", "Hauptsitz"}, {"A branch", "Eine Filiale"}, {"At a supplier", "Bei einem Lieferanten"}};
        for (int i = 0; i < options.length; i++) {
            person.fillNamed("option_en_" + i, options[i][0]);
            person.fillNamed("option_de_" + i, options[i][1]);
        }
        person.screenshot("channel-question-editor.png");
        person.submit("Save", CHANNEL);
        assertTrue(person.text("[role=status]").contains("The questionnaire was saved."));
    }

    /**
     * Chooses the kind of the next question on the channel page, waiting out the page that is
     * still being replaced after the previous form (Chromium then reports stale nodes).
     */
    private static void chooseQuestionType(String kind) {
        new WebDriverWait(browser, Person.PAGE_LIMIT)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(WebDriverException.class)
                .until(driver -> {
                    new Select(driver.findElement(By.id("type"))).selectByVisibleText(kind);
                    return true;
                });
    }

}
