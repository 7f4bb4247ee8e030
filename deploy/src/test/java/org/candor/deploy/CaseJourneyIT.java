package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.candor.portal.it.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * A report's whole life in real browsers against the runnable bundle, as the people involved
 * live it, each in their own Chromium with JavaScript switched off (every page must work
 * without it): a whistleblower reports with a file and keeps the reply code; an investigator
 * signs in with password and authenticator code, unlocks their key, opens and acknowledges the
 * case, replies with a file, reads the whistleblower's answer and its file, and moves the case
 * through assessment and investigation to a conclusion with grounds; after every step the
 * whistleblower's status page shows it. The whistleblower appeals; an oversight member unlocks
 * their key, reads the appeal beside the case's timeline and decides it; the whistleblower reads
 * the decision and signs out, after which the old session shows nothing. Then the desk search:
 * the investigator finds their case by a word of the report, with the word highlighted, and
 * opens it; a word of a colleague's case on another channel finds nothing, though the colleague
 * finds it.
 *
 * <p>The bundle starts twice: once to make its schema, then, after the staff and channels are
 * put into its H2 database, for the whole journey.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseJourneyIT {

    private static final String INES_PASSWORD = "harbour lantern quiver oak";
    private static final String INES_PASSPHRASE = "ines unlocks her cases";
    private static final String OTTO_PASSWORD = "gravel window osprey tune";
    private static final String OTTO_PASSPHRASE = "otto unlocks his cases";
    private static final String OLGA_PASSWORD = "copper meadow violin sage";
    private static final String OLGA_PASSPHRASE = "olga reads the appeals";

    /** Words that occur in one report only, so that a search finds exactly that report. */
    private static final String REPORT_WORD = "quinceledger";
    private static final String OTHER_CHANNEL_WORD = "zephyrvalve";

    private static final byte[] LEDGER = "date,amount\n2026-03-01,19999\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MEMO = "Please send the bank statements of March.\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SCAN = "invoice 4711: 19,999 EUR, paid twice\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path work;

    private static RunningPortal portal;
    private static Person whistleblower;
    private static Person ines;
    private static Person colleague;
    private static Seed.Investigator inesRecord;
    private static String replyCode;
    private static String caseUrl;
    private static String caseId;
    private static long startedNanos;

    @BeforeAll
    static void start() throws Exception {
        startedNanos = System.nanoTime();
        Path data = work.resolve("data");
        Seed seed = RunningPortal.seedBeforeStart(data, work.resolve("tmp"));
        inesRecord = seed.addInvestigator("ines", INES_PASSWORD, INES_PASSPHRASE.toCharArray());
        Seed.Investigator otto = seed.addInvestigator("otto", OTTO_PASSWORD, OTTO_PASSPHRASE.toCharArray());
        seed.addOversightMember("olga", OLGA_PASSWORD, OLGA_PASSPHRASE.toCharArray());
        seed.addPublishedChannel("fraud", Seed.sampleQuestionnaire(1024 * 1024), true, 1024 * 1024, inesRecord.id());
        seed.addPublishedChannel("safety", Seed.sampleQuestionnaire(1024 * 1024), true, 1024 * 1024, otto.id());
        portal = RunningPortal.start(data, work.resolve("tmp"));
        whistleblower = person("whistleblower");
        ines = person("ines");
        colleague = person("colleague");
    }

    @AfterAll
    static void stop() throws Exception {
        for (Person p : new Person[] {whistleblower, ines, colleague}) {
            if (p != null) {
                p.quit();
            }
        }
        if (portal != null) {
            portal.close();
        }
        System.out.printf("CaseJourneyIT took %d s; the portal took %d s to start for the journey%n",
                (System.nanoTime() - startedNanos) / 1_000_000_000, portal == null ? -1 : portal.startupMillis() / 1000);
    }

    private static Person person(String name) throws Exception {
        return Person.withoutJavaScript(work, name);
    }

    @Test
    @Order(1)
    void aWhistleblowerWithoutJavaScriptReportsWithAFileAndGetsAReplyCode() throws Exception {
        replyCode = report("Fraud fraud", "The " + REPORT_WORD + " shows the same invoice paid twice.", "ledger.csv", LEDGER);
        assertTrue(replyCode.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){6}"), "a reply code in groups: " + replyCode);
        String page = whistleblower.text("main");
        assertTrue(page.contains("encrypted on arrival at the server"), "the page says honestly where it was encrypted: " + page);
        assertEquals(LocalDate.now(ZoneOffset.UTC).plusDays(7).format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH)),
                whistleblower.text("#acknowledge-by"),
                "the acknowledgement is due within seven days");
        whistleblower.screenshot("journey-report-received.png");

        // A colleague's channel receives a report the investigator of the first channel may not read.
        report("Fraud safety", "The " + OTHER_CHANNEL_WORD + " in hall 3 leaks.", "photo.txt", "leak".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @Order(2)
    void theInvestigatorSignsInWithASecondFactorUnlocksTheKeyOpensTheCaseAndAcknowledgesIt() throws Exception {
        ines.open(portal.url("/desk").toString(), "Staff sign-in");
        ines.signInAndEnrol("ines", INES_PASSWORD, "Desk");
        assertTrue(ines.text("main").contains("Your key is locked."), ines.text("main"));

        ines.open(portal.url("/desk/key").toString(), "Your key");
        ines.fill("unlockPassphrase", OTTO_PASSPHRASE);
        ines.submit("Unlock for this session", "Your key");
        assertEquals("This passphrase does not unlock your key.", ines.alert().orElse("(no alert)"), "a wrong passphrase");
        assertEquals("Locked", ines.text("#key-state"));
        ines.unlockKey(portal.url("/desk/key").toString(), INES_PASSPHRASE);

        ines.open(portal.url("/desk/cases").toString(), "Your cases");
        List<WebElement> rows = ines.browser().findElements(By.cssSelector("#case-list tbody tr"));
        assertEquals(1, rows.size(), "only the case of her own channel is listed: " + ines.text("main"));
        assertTrue(rows.get(0).getText().contains("Received"), rows.get(0).getText());
        String shortId = rows.get(0).findElement(By.tagName("a")).getText();
        ines.click(rows.get(0).findElement(By.tagName("a")), "Case " + shortId);
        caseUrl = ines.browser().getCurrentUrl().replaceFirst("[?#].*", "");
        Matcher id = Pattern.compile("/desk/cases/([0-9a-f-]{36})$").matcher(caseUrl);
        assertTrue(id.find(), caseUrl);
        caseId = id.group(1);
        assertTrue(ines.text("#answers").contains("The " + REPORT_WORD + " shows the same invoice paid twice."),
                "the report opens with her key: " + ines.text("#answers"));
        assertTrue(ines.texts("#attachments a").contains("ledger.csv"), ines.texts("#attachments a").toString());
        assertArrayEquals(LEDGER, ines.download(By.linkText("ledger.csv"), "ledger.csv"), "the report's file, decrypted");

        moveCase("Acknowledge receipt", "Acknowledged");
        ines.screenshot("journey-desk-acknowledged.png");
    }

    @Test
    @Order(3)
    void theWhistleblowerSignsInWithTheCodeTypedLooselyAndSeesTheAcknowledgementAndDeadlines() throws Exception {
        whistleblower.open(portal.url("/contact").toString(), "Come back with your reply code");
        whistleblower.fill("code", "abcd");
        whistleblower.submit("Sign in", "Come back with your reply code");
        assertEquals("Please check the code: a reply code has 28 letters and digits, this one has 4.",
                whistleblower.text("#sign-in-error"));
        String canonical = replyCode.replace("-", "");
        String swapped = canonical.substring(0, 5) + canonical.charAt(6) + canonical.charAt(5) + canonical.substring(7);
        if (!swapped.equals(canonical)) {
            whistleblower.fill("code", swapped);
            whistleblower.submit("Sign in", "Come back with your reply code");
            assertEquals("Please check the code: a character seems mistyped or two are swapped.",
                    whistleblower.text("#sign-in-error"), "two swapped characters are caught as a typo");
            assertEquals(swapped, whistleblower.valueOf("code"), "the typed code stays in the field, to be mended");
        }

        // Lower case, groups split by spaces, one dash where a group was not ended.
        String loose = replyCode.toLowerCase(Locale.ROOT).replace("-", " ");
        loose = loose.substring(0, 2) + "-" + loose.substring(2);
        whistleblower.fill("code", loose);
        whistleblower.submit("Sign in", "Your report and the conversation");
        assertTrue(whistleblower.text("main").contains("The " + REPORT_WORD + " shows the same invoice paid twice."),
                "the whistleblower reads their own report");
        assertTrue(whistleblower.texts("a[href^='/contact/files/']").contains("ledger.csv"));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        whistleblowerSees("Your report was acknowledged and will be assessed.", List.of("received", "acknowledged"));
        assertTrue(whistleblower.text("main").contains("Acknowledgement due by " + longDay(today.plusDays(7))),
                whistleblower.text("main"));
        assertEquals("Met", whistleblower.text("#acknowledgement"), "acknowledged in time");
        assertTrue(whistleblower.text("main").contains("Feedback on the outcome due by " + longDay(today.plusMonths(3))),
                "feedback is due three months after the acknowledgement: " + whistleblower.text("main"));
        assertEquals("Not yet due", whistleblower.text("#feedback"));
        assertTrue(whistleblower.text("#appeal-state").startsWith("You can ask for a review once your report is concluded"),
                whistleblower.text("#appeal-state"));
        whistleblower.screenshot("journey-status-acknowledged.png");
    }

    @Test
    @Order(4)
    void theInvestigatorRepliesWithAFileWhichTheWhistleblowerReadsAndDownloads() throws Exception {
        ines.open(caseUrl, caseHeading());
        ines.submit("Send the reply", caseHeading());
        assertEquals("Please write a message or add a file.", ines.alert().orElse("(no alert)"), "an empty reply is refused");

        ines.fill("reply-text", "Thank you.\n\nCould you send the invoice scan?");
        ines.attach("reply-files", file("memo.txt", MEMO));
        ines.submit("Send the reply", caseHeading());
        assertTrue(ines.text("main").contains("Could you send the invoice scan?"), "the reply is in the case");
        assertTrue(ines.texts("main article a").contains("memo.txt"), ines.texts("main article a").toString());

        whistleblower.click(By.linkText("Conversation"), "Your report and the conversation");
        List<String> messages = whistleblower.texts("ol.messages > li");
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("The investigators wrote on"), messages.get(0));
        assertTrue(messages.get(0).contains("Thank you.\n\nCould you send the invoice scan?"), messages.get(0));
        assertArrayEquals(MEMO, whistleblower.download(By.linkText("memo.txt"), "memo.txt"),
                "the reply's file downloads decrypted, as it was sent");
    }

    @Test
    @Order(5)
    void theWhistleblowerAnswersWithAMessageAndAFileThatTheInvestigatorReads() throws Exception {
        assertEquals("Thank you.\n\nCould you send the invoice scan?", whistleblower.text("ol.messages > li .message-text"),
                "the investigator's reply keeps its paragraphs");
        whistleblower.submit("Send the message", "Your report and the conversation");
        assertEquals("Please write a message or add a file.", whistleblower.alert().orElse("(no alert)"),
                "an empty message is refused");

        whistleblower.fill("text", "Here is the scan. The second payment went to a new account.");
        whistleblower.attach("files", file("scan.txt", SCAN));
        whistleblower.submit("Send the message", "Your report and the conversation");
        assertEquals("Your message was encrypted and sent.", whistleblower.text("#notice"));
        List<String> messages = whistleblower.texts("ol.messages > li");
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.get(1).startsWith("You wrote on"), messages.get(1));
        assertTrue(messages.get(1).contains("scan.txt"), messages.get(1));
        whistleblower.screenshot("journey-conversation.png");

        ines.open(portal.url("/desk/cases").toString(), "Your cases");
        String row = ines.text("#case-" + caseId);
        assertTrue(row.contains("New from the whistleblower"), "the list marks the answer: " + row);
        assertTrue(row.contains("You"), "and says the investigator is next: " + row);
        ines.screenshot("journey-desk-list-unread.png");
        NarrowScreen.assertFits(ines.browser(), List.of(portal.url("/desk").toString(),
                portal.url("/desk/cases").toString(), caseUrl, caseUrl + "/access", portal.url("/desk/search").toString(),
                portal.url("/desk/key").toString()));

        ines.open(caseUrl, caseHeading());
        assertTrue(ines.text("main").contains("Here is the scan. The second payment went to a new account."),
                "the investigator reads the answer");
        ines.open(portal.url("/desk/cases").toString(), "Your cases");
        assertFalse(ines.text("#case-" + caseId).contains("New from the whistleblower"), "read, the mark is gone");
        ines.open(caseUrl, caseHeading());
        assertArrayEquals(SCAN, ines.download(By.linkText("scan.txt"), "scan.txt"), "and its file, decrypted");
    }

    @Test
    @Order(6)
    void eachStepOfTheInvestigationShowsOnTheWhistleblowersStatusPage() throws Exception {
        ines.open(caseUrl, caseHeading());
        moveCase("Start the assessment", "In assessment");
        whistleblowerSees("Your report is being assessed.", List.of("received", "acknowledged", "assessment started"));

        moveCase("Start the investigation", "In investigation");
        whistleblowerSees("Your report is being investigated.",
                List.of("received", "acknowledged", "assessment started", "investigation started"));

        ines.click(By.cssSelector("#conclude > summary")); // concluding is final: its form is folded away until asked for
        ines.click(By.id("outcome-SUBSTANTIATED"));
        ines.fill("grounds", "   ");
        ines.submit("Conclude the case", caseHeading());
        assertEquals("Write the grounds: the whistleblower is owed them.", ines.alert().orElse("(no alert)"),
                "a conclusion without grounds is refused");
        assertEquals("In investigation", ines.text("#case-status"));

        ines.click(By.id("outcome-SUBSTANTIATED"));
        ines.fill("grounds", "The invoice was paid twice; the money was recovered and the payment rules changed.");
        ines.submit("Conclude the case", caseHeading());
        assertEquals("Concluded", ines.text("#case-status"));
        assertEquals("Substantiated", ines.text("#case-outcome"));
        ines.screenshot("journey-desk-concluded.png");

        whistleblowerSees("The handling of your report is concluded.",
                List.of("received", "acknowledged", "assessment started", "investigation started", "concluded"));
        assertEquals("Your report was found to be substantiated.", whistleblower.text("#outcome"));
        assertEquals("The invoice was paid twice; the money was recovered and the payment rules changed.",
                whistleblower.text("#outcome-grounds"));
        assertEquals("Met", whistleblower.text("#feedback"), "the outcome came in time");
    }

    @Test
    @Order(7)
    void theWhistleblowerAppealsWithReasonsAndSeesItPending() throws Exception {
        assertTrue(whistleblower.text("#appeal-state").startsWith("If you think the outcome or the handling"),
                whistleblower.text("#appeal-state"));
        whistleblower.fill("text", "Nobody asked the accountant who approved the second payment.");
        whistleblower.submit("Send the appeal", "Status and deadlines");
        String state = whistleblower.text("#appeal-state");
        assertEquals("Your appeal of " + longDay(LocalDate.now(ZoneOffset.UTC)) + " is waiting for the oversight's decision.", state);
        assertFalse(whistleblower.shows("#appeal form"), "no second appeal can be sent");
        whistleblower.screenshot("journey-appeal-pending.png");
    }

    @Test
    @Order(8)
    void oversightUnlocksItsKeyReadsTheAppealBesideTheTimelineAndDecides() throws Exception {
        colleague.open(portal.url("/staff/sign-in").toString(), "Staff sign-in");
        colleague.signInAndEnrol("olga", OLGA_PASSWORD, "Welcome, olga");
        colleague.click(By.linkText("Appeals"), "Appeals");
        WebElement row = colleague.browser().findElement(By.id("appeal-" + caseId));
        assertTrue(row.getText().contains("Pending"), row.getText());
        colleague.click(row.findElement(By.tagName("a")), appealHeading());
        List<String> timeline = colleague.texts("#timeline li");
        for (String change : List.of("RECEIVED → ACKNOWLEDGED", "ACKNOWLEDGED → IN_ASSESSMENT",
                "IN_ASSESSMENT → IN_INVESTIGATION", "IN_INVESTIGATION → CONCLUDED")) {
            assertTrue(timeline.stream().anyMatch(step -> step.contains(change)), change + " in " + timeline);
        }
        assertEquals("Substantiated", colleague.text("#case-outcome"));
        assertTrue(colleague.shows("#key-locked"), "the reasons stay closed while her key is locked");
        assertFalse(colleague.text("main").contains("Nobody asked the accountant"));

        colleague.click(By.linkText("Unlock your key"), "Your key");
        colleague.unlockKey(portal.url("/desk/key").toString(), OLGA_PASSPHRASE);
        colleague.open(portal.url("/oversight/appeals/" + caseId).toString(), appealHeading());
        String page = colleague.text("main");
        assertTrue(page.contains("Nobody asked the accountant who approved the second payment."), "the reasons open: " + page);
        assertFalse(page.contains(REPORT_WORD), "oversight never reads the report");
        assertFalse(page.contains("invoice scan"), "nor the conversation");

        colleague.click(By.id("decision-PARTLY_UPHELD"));
        colleague.fill("grounds", "The accountant must be heard before the case is closed for good.");
        colleague.submit("Record the decision", appealHeading());
        assertEquals("Decided", colleague.text("#appeal-state"));
        assertEquals("Partly upheld", colleague.text("#appeal-decision"));
        colleague.screenshot("journey-appeal-decided.png");
        colleague.signOutOfStaff();
    }

    @Test
    @Order(9)
    void theWhistleblowerReadsTheDecisionSignsOutAndTheOldSessionShowsNothing() throws Exception {
        whistleblower.click(By.linkText("Status and deadlines"), "Status and deadlines");
        assertEquals("The oversight decided on your appeal on " + longDay(LocalDate.now(ZoneOffset.UTC)) + ".",
                whistleblower.text("#appeal-state"));
        assertEquals("Your appeal was partly upheld.", whistleblower.text("#decision"));
        assertEquals("The accountant must be heard before the case is closed for good.",
                whistleblower.text("#decision-grounds"));
        whistleblower.screenshot("journey-appeal-decision.png");

        Set<Cookie> session = whistleblower.browser().manage().getCookies();
        assertFalse(session.isEmpty(), "a session cookie is held while signed in");
        whistleblower.click(By.xpath("//form[@action='/contact/sign-out']//button"), "Come back with your reply code");
        assertTrue(whistleblower.text("[role=status]").startsWith("You are signed out."));

        // Someone who kept the old cookie (a shared computer, a copied profile) tries it again.
        whistleblower.browser().manage().deleteAllCookies();
        for (Cookie old : session) {
            whistleblower.browser().manage().addCookie(new Cookie.Builder(old.getName(), old.getValue())
                    .path(old.getPath()).isHttpOnly(old.isHttpOnly()).sameSite(old.getSameSite()).build());
        }
        whistleblower.open(portal.url("/contact/conversation").toString(), "Come back with your reply code");
        assertEquals("Your session has ended. Please enter your reply code again.", whistleblower.text("[role=status]"));
        assertFalse(whistleblower.text("main").contains(REPORT_WORD), "nothing of the report is shown");
        whistleblower.open(portal.url("/contact/status").toString(), "Come back with your reply code");
    }

    @Test
    @Order(10)
    void theInvestigatorFindsTheCaseByAWordOfTheReportWithTheWordHighlightedAndOpensIt() throws Exception {
        ines.open(portal.url("/desk").toString(), "Desk");
        ines.click(By.linkText("Search your cases"), "Search your cases");
        List<WebElement> hits = search(ines, REPORT_WORD, 1);
        WebElement hit = hits.get(0);
        assertEquals("hit-" + caseId, hit.getAttribute("id"), "the hit is her case");
        List<String> marked = hit.findElements(By.cssSelector("blockquote.snippet mark")).stream().map(WebElement::getText).toList();
        assertTrue(marked.stream().anyMatch(REPORT_WORD::equalsIgnoreCase), "the word is highlighted: " + hit.getText());
        assertTrue(hit.findElement(By.cssSelector("blockquote.snippet")).getText().contains("invoice paid twice"),
                "the snippet shows where it matched: " + hit.getText());
        ines.screenshot("journey-search-hit.png");

        ines.click(hit.findElement(By.tagName("a")), caseHeading());
        assertTrue(ines.text("#answers").contains("The " + REPORT_WORD + " shows the same invoice paid twice."));
    }

    @Test
    @Order(11)
    void aWordOfACaseOnAChannelTheInvestigatorDoesNotReceiveFindsNothingThoughItsInvestigatorFindsIt() throws Exception {
        colleague.open(portal.url("/desk").toString(), "Staff sign-in");
        colleague.signInAndEnrol("otto", OTTO_PASSWORD, "Desk");
        colleague.unlockKey(portal.url("/desk/key").toString(), OTTO_PASSPHRASE);
        colleague.open(portal.url("/desk/search").toString(), "Search your cases");
        List<WebElement> his = search(colleague, OTHER_CHANNEL_WORD, 1);
        assertTrue(his.get(0).getText().contains("safety"), "the word is in the index, in his case: " + his.get(0).getText());

        ines.open(portal.url("/desk/search").toString(), "Search your cases");
        search(ines, OTHER_CHANNEL_WORD, 0);
        assertEquals("No case found", ines.text("#results-heading"));
        assertEquals("No case of yours matches.", ines.text("#no-hits"));
        assertFalse(ines.text("main").contains("safety"), "not even the other channel shows, as a hit or a facet");
        colleague.signOutOfStaff();
    }

    // --- what the people do -------------------------------------------------------------------

    /** The whistleblower reports on the channel named, from the start page; returns the reply code shown. */
    private static String report(String channel, String what, String fileName, byte[] content) throws Exception {
        whistleblower.open(portal.url("/?lang=en").toString(), "Report wrongdoing");
        whistleblower.click(By.linkText(channel), channel);
        assertFalse(whistleblower.browser().findElement(By.id("sealed")).isDisplayed(),
                "without JavaScript the page offers no encryption in the browser");
        whistleblower.fill("what", what);
        whistleblower.fill("where", "Head office, accounts payable");
        whistleblower.click(By.cssSelector("input[name=when][value=yes]"));
        whistleblower.attach("evidence", file(fileName, content));
        TimeUnit.SECONDS.sleep(3); // the portal refuses forms sent faster than a person fills them in
        whistleblower.submit("Send the report", "Your report was received");
        return whistleblower.text("#reply-code");
    }

    /** The investigator presses the button that moves the case on; the case page shows the new status. */
    private static void moveCase(String button, String status) {
        ines.submit(button, caseHeading());
        assertEquals(status, ines.text("#case-status"), "after \u201c" + button + "\u201d");
    }

    /** The whistleblower opens the status page: the status in words and the timeline's steps, in order. */
    private static void whistleblowerSees(String status, List<String> steps) {
        whistleblower.click(By.linkText("Status and deadlines"), "Status and deadlines");
        assertEquals(status, whistleblower.text("#status"));
        List<String> timeline = whistleblower.texts("ol.timeline li").stream()
                .map(step -> step.replaceFirst("^[A-Z][a-z]+ \\d{1,2}, \\d{4}: ", "")).toList(); // "December 8, 2026: received"
        assertEquals(steps, timeline, "the timeline of the status page");
    }

    /**
     * Searches until the expected number of hits is shown: the index takes in a new case within
     * seconds, so a search right after an arrival may run before it. The limit is generous
     * because a build machine shared by several builds can be many times slower than usual.
     * Returns the hits.
     */
    private static List<WebElement> search(Person who, String query, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (true) {
            who.fill("q", query);
            who.submit("Search", "Search your cases");
            List<WebElement> hits = who.browser().findElements(By.cssSelector("#hits > li"));
            if (hits.size() == expected && (expected > 0 || who.shows("#no-hits"))) {
                return hits;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("searching \u201c" + query + "\u201d shows " + hits.size() + " hits, not " + expected
                        + ":\n" + who.text("main") + "\nwhat the portal said about its index:\n" + portal.output().lines()
                        .filter(line -> line.toLowerCase(Locale.ROOT).contains("search")).toList());
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String caseHeading() {
        return "Case " + caseId.substring(0, 8);
    }

    private static String appealHeading() {
        return "Appeal on case " + caseId.substring(0, 8);
    }

    private static Path file(String name, byte[] content) throws Exception {
        Path folder = Files.createDirectories(work.resolve("files").resolve(Integer.toString(content.length)));
        return Files.write(folder.resolve(name), content);
    }

    /** A day as the whistleblower's pages write it in English ("December 7, 2026"). */
    static String longDay(LocalDate day) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(java.util.Locale.ENGLISH).format(day);
    }
}
