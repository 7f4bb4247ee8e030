package org.candor.deploy;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.candor.portal.channel.ChoiceOption;
import org.candor.portal.channel.FieldType;
import org.candor.portal.channel.LocalizedText;
import org.candor.portal.channel.QuestionField;
import org.candor.portal.channel.Questionnaire;
import org.candor.portal.channel.QuestionnaireJson;
import org.candor.portal.it.Seed;
import org.candor.portal.staff.PasswordHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Takes the screenshots of the README and docs/screenshots (run by {@code ./candor screenshots},
 * never by {@code ./candor test}: its name is no test's, and only the {@code screenshots} profile
 * of this module runs it).
 *
 * <p>It starts the bundle on a fresh data folder, puts in staff and three channels of a fictional
 * public utility, has its administrator set the organisation on the admin page, files some thirty
 * plausible reports through the public report form (sealed by the portal as any report is), works
 * on them at the desk as an investigator would, and photographs the pages people see. Nothing in
 * the content is a test string; every person and event is invented.
 */
class ScreenshotTour {

    private static final String ADMIN_PASSWORD = "harvest granite lemon pilot";
    private static final String MIRIAM_PASSWORD = "copper river north window";
    private static final String MIRIAM_PASSPHRASE = "miriam keeps the reports closed";
    private static final String STEFAN_PASSWORD = "amber fjord lantern tulip";
    private static final String STEFAN_PASSPHRASE = "stefan reads the appeals";

    @TempDir
    static Path work;

    private Path out;
    private RunningPortal portal;
    private final List<Person> people = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** One report as a whistleblower wrote it, and what the investigator does with it. */
    record Report(String channel, Map<String, String> answers, String plan, String label, String grounds) {
    }

    @Test
    void takeTheScreenshots() throws Exception {
        out = Path.of(System.getProperty("candor.screenshots", "target/screenshots-tour")).toAbsolutePath();
        Files.createDirectories(out);
        Path data = work.resolve("data");
        Seed seed = RunningPortal.seedBeforeStart(data, work.resolve("tmp"));
        Seed.Investigator miriam = seed.addInvestigator("m.keller", MIRIAM_PASSWORD, MIRIAM_PASSPHRASE.toCharArray());
        Seed.Investigator stefan = seed.addOversightMember("s.brandt", STEFAN_PASSWORD, STEFAN_PASSPHRASE.toCharArray());
        seedStaffAndChannels(RunningPortal.databaseUrl(data), miriam.id(), stefan.id());
        portal = RunningPortal.start(data, work.resolve("tmp"));
        try {
            tour();
        } finally {
            for (Person p : people) {
                p.quit();
            }
            portal.close();
        }
    }

    private void tour() throws Exception {
        // The administrator says who runs the portal.
        Person admin = person("admin", 1280, 900);
        admin.open(portal.url("/staff/sign-in?lang=en").toString(), "Staff sign-in");
        admin.signInAndEnrol("j.weber", ADMIN_PASSWORD, "Welcome, Jana Weber");
        admin.open(portal.url("/admin/organisation").toString(), "Your organisation");
        admin.fill("name", "Stadtwerke Musterstadt GmbH");
        admin.fill("contact", "Compliance Office, Hafenstraße 12, 12345 Musterstadt · compliance@stadtwerke-musterstadt.example");
        admin.fill("privacyNotice", PRIVACY_NOTICE);
        admin.submit("Save", "Your organisation");
        long organisationSaved = System.nanoTime();
        shot(admin, "14-admin-organisation.png");
        admin.open(portal.url("/admin/channels").toString(), "Channels");
        admin.click(By.linkText("Financial misconduct"), "Financial misconduct");
        scrollTo(admin, "#questions-heading");
        shot(admin, "15-admin-channel.png");

        // Thirty reports arrive through the public form, as many people would send them.
        List<Report> reports = Reports.all();
        List<String> codes = fileReports(reports);

        // The investigator works on them.
        Person miriam = person("miriam", 1280, 900);
        miriam.open(portal.url("/desk?lang=en").toString(), "Staff sign-in");
        miriam.signInAndEnrol("m.keller", MIRIAM_PASSWORD, "Desk");
        miriam.unlockKey(portal.url("/desk/key").toString(), MIRIAM_PASSPHRASE);
        Map<String, Report> byUrl = new LinkedHashMap<>();
        for (String url : caseUrls(miriam)) {
            miriam.browser().get(url);
            String answers = miriam.text("#answers");
            for (Report r : reports) {
                if (answers.contains(r.answers().get("what").substring(0, 60))) {
                    byUrl.put(url, r);
                }
            }
        }
        String appealCode = null;
        for (Map.Entry<String, Report> c : byUrl.entrySet()) {
            work(miriam, c.getKey(), c.getValue());
            if (c.getValue().plan().equals("appeal")) {
                appealCode = codes.get(reports.indexOf(c.getValue()));
            }
        }

        // One whistleblower asks for a review of the outcome.
        if (appealCode != null) {
            Person appellant = person("appellant", 1280, 900);
            appellant.open(portal.url("/contact?lang=en").toString(), "Come back with your reply code");
            appellant.fill("code", appealCode);
            appellant.submit("Sign in", "Your report and the conversation");
            appellant.click(By.linkText("Status and deadlines"), "Status and deadlines");
            appellant.fill("text", "The outcome says the overtime was paid correctly, but nobody spoke to the night shift, "
                    + "where the hours were cut. I ask that the records of the night shift are checked as well.");
            appellant.submit("Send the appeal", "Status and deadlines");
        }

        // The public pages, once the organisation shows on them.
        long waited = (System.nanoTime() - organisationSaved) / 1_000_000_000;
        if (waited < 35) {
            TimeUnit.SECONDS.sleep(35 - waited);
        }
        Person whistleblower = person("whistleblower", 1280, 900);
        whistleblower.open(portal.url("/?lang=en").toString(), "Report wrongdoing");
        shot(whistleblower, "01-landing.png");
        whistleblower.click(By.linkText("Financial misconduct"), "Financial misconduct");
        whistleblower.fill("what", BROWSER_REPORT);
        whistleblower.fill("where", "Procurement, Werkstraße depot");
        whistleblower.fill("since", "Since about March this year");
        whistleblower.click(By.cssSelector("input[name=ongoing][value=yes]"));
        shot(whistleblower, "02-report-form.png");
        Person phone = person("phone", 390, 844);
        phone.open(portal.url("/report/financial-misconduct?lang=en").toString(), "Financial misconduct");
        shot(phone, "02b-report-form-phone.png");
        TimeUnit.SECONDS.sleep(4); // a person takes longer than that to write a report; the portal insists on it
        whistleblower.submit("Send the report", "Your report was received");
        String code = whistleblower.text("#reply-code").replaceAll("\\s", "");
        shot(whistleblower, "03-reply-code.png");

        // The investigator acknowledges it, starts the assessment and asks a question.
        String caseUrl = newestCase(miriam, byUrl.keySet());
        String heading = miriam.browser().findElement(By.tagName("h1")).getText();
        miriam.submit("Acknowledge receipt", heading);
        miriam.submit("Start the assessment", heading);
        miriam.fill("reply-text", "Thank you for your report. We have started to look into it.\n\n"
                + "Could you tell us roughly how many orders were split this way, and whether the supplier's "
                + "invoices name the same contact person each time? Please do not take documents home or copy "
                + "them in a way that could identify you.");
        miriam.submit("Send the reply", heading);
        miriam.fill("label", "procurement");
        miriam.submit("Add label", heading);

        // The whistleblower comes back with the code, reads the question and answers.
        whistleblower.open(portal.url("/contact").toString(), "Come back with your reply code");
        whistleblower.fill("code", code);
        whistleblower.submit("Sign in", "Your report and the conversation");
        whistleblower.fill("text", "As far as I can see it was at least nine orders since March, each just under the "
                + "5,000 euro limit, so none needed a second signature. The invoices all come from the same small "
                + "firm and name the same contact. I have not copied anything.");
        whistleblower.submit("Send the message", "Your report and the conversation");
        scrollTo(whistleblower, "#messages-heading");
        shot(whistleblower, "04-contact-conversation.png");
        whistleblower.click(By.linkText("Status and deadlines"), "Status and deadlines");
        shot(whistleblower, "05-contact-status.png");

        // The desk.
        miriam.open(portal.url("/desk").toString(), "Desk");
        shot(miriam, "06-desk-home.png");
        miriam.open(portal.url("/desk/cases").toString(), "Your cases");
        shot(miriam, "07-desk-case-list.png");
        miriam.open(caseUrl, heading);
        shot(miriam, "08-desk-case.png");
        miriam.open(portal.url("/desk/search").toString(), "Search your cases");
        search(miriam, "invoice", 3);
        scrollTo(miriam, "#results-heading");
        shot(miriam, "09-desk-search.png");

        // The oversight verifies the audit log.
        Person stefan = person("stefan", 1280, 900);
        stefan.open(portal.url("/staff/sign-in?lang=en").toString(), "Staff sign-in");
        stefan.signInAndEnrol("s.brandt", STEFAN_PASSWORD, "Welcome, Dr. Stefan Brandt");
        stefan.open(portal.url("/oversight/audit/verify").toString(), "Verify the audit log");
        stefan.submit("Verify the whole log now", "Verify the audit log");
        shot(stefan, "10-oversight-audit-verification.png");

        // The public transparency page, and the portal in German and Arabic.
        Person visitor = person("visitor", 1280, 900);
        visitor.open(portal.url("/transparency?lang=en").toString(), "Transparency");
        shot(visitor, "11-transparency.png");
        visitor.open(portal.url("/?lang=de").toString(), "Missstände melden");
        shot(visitor, "12-landing-german.png");
        visitor.open(portal.url("/report/safety-environment?lang=ar").toString(), "السلامة والبيئة");
        shot(visitor, "13-report-form-arabic.png");
    }

    // --- the reports ----------------------------------------------------------------------------

    /** Fetches every form first, waits as long as people take to write, then sends them; returns the reply codes. */
    private List<String> fileReports(List<Report> reports) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (Report r : reports) {
            String form = get("/report/" + r.channel() + "?lang=en");
            Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(form);
            if (!token.find()) {
                throw new IllegalStateException("no form token on /report/" + r.channel());
            }
            tokens.add(token.group(1));
        }
        TimeUnit.SECONDS.sleep(5);
        List<String> codes = new ArrayList<>();
        Pattern group = Pattern.compile("<span class=\"group\">([0-9A-Z]{4})-?</span>");
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("token", tokens.get(i));
            fields.putAll(r.answers());
            HttpResponse<String> answer = postMultipart("/report/" + r.channel() + "?lang=en", fields);
            Matcher m = group.matcher(answer.body());
            StringBuilder code = new StringBuilder();
            while (m.find()) {
                code.append(code.isEmpty() ? "" : "-").append(m.group(1));
            }
            if (answer.statusCode() != 200 || code.isEmpty()) {
                throw new IllegalStateException("report " + i + " was not received (" + answer.statusCode() + "):\n" + answer.body());
            }
            codes.add(code.toString());
        }
        return codes;
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(portal.url(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> postMultipart(String path, Map<String, String> fields) throws Exception {
        String boundary = "----candor" + UUID.randomUUID().toString().replace("-", "");
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(f.getKey()).append("\"\r\n\r\n")
                    .append(f.getValue()).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        HttpRequest request = HttpRequest.newBuilder(portal.url(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    // --- the desk -------------------------------------------------------------------------------

    private List<String> caseUrls(Person who) {
        who.open(portal.url("/desk/cases").toString(), "Your cases");
        return who.browser().findElements(By.cssSelector("#case-list tbody tr a[href^='/desk/cases/']")).stream()
                .map(a -> a.getDomProperty("href")).distinct().toList();
    }

    private String newestCase(Person who, java.util.Set<String> known) {
        for (String url : caseUrls(who)) {
            if (!known.contains(url)) {
                who.browser().get(url);
                return url;
            }
        }
        throw new IllegalStateException("the report sent in the browser is not in the case list");
    }

    private void work(Person who, String url, Report r) {
        who.browser().get(url);
        String heading = who.browser().findElement(By.tagName("h1")).getText();
        List<String> steps = switch (r.plan()) {
            case "received" -> List.of();
            case "acknowledged" -> List.of("Acknowledge receipt");
            case "assessment" -> List.of("Acknowledge receipt", "Start the assessment");
            default -> List.of("Acknowledge receipt", "Start the assessment", "Start the investigation");
        };
        for (String step : steps) {
            who.submit(step, heading);
        }
        if (r.label() != null) {
            for (String label : r.label().split(",")) {
                who.fill("label", label);
                who.submit("Add label", heading);
            }
        }
        if (r.grounds() != null) {
            String[] outcome = r.grounds().split("\\|", 2);
            WebElement radio = who.browser().findElement(By.id("outcome-" + outcome[0]));
            if (!radio.isDisplayed()) {
                who.click(By.cssSelector("#conclude > summary")); // concluding is folded away until asked for
            }
            who.await(driver -> radio.isDisplayed() ? Boolean.TRUE : null);
            who.click(By.cssSelector("label[for=outcome-" + outcome[0] + "]"));
            who.fill("grounds", outcome[1]);
            who.submit("Conclude the case", heading);
        }
    }

    private void search(Person who, String query, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (true) {
            who.fill("q", query);
            who.submit("Search", "Search your cases");
            if (who.browser().findElements(By.cssSelector("#hits > li")).size() >= atLeast || System.nanoTime() > deadline) {
                return;
            }
            TimeUnit.SECONDS.sleep(1);
        }
    }

    // --- browsers and shots ---------------------------------------------------------------------

    private Person person(String name, int width, int height) throws IOException {
        Path profile = work.resolve("browsers").resolve(name);
        Files.createDirectories(Browser.downloads(profile));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("CANDOR_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--hide-scrollbars", "--lang=en-GB", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile.resolve("profile"),
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost");
        options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        options.setUnhandledPromptBehaviour(org.openqa.selenium.UnexpectedAlertBehaviour.ACCEPT);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getenv().getOrDefault("CANDOR_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .withEnvironment(Map.of("HOME", profile.toString()))
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        // The window's size includes what headless Chromium keeps for its own frame: set the page's area exactly.
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
        Person person = new Person(browser, Browser.downloads(profile));
        people.add(person);
        return person;
    }

    private void shot(Person who, String name) throws IOException {
        Files.write(out.resolve(name), ((TakesScreenshot) who.browser()).getScreenshotAs(OutputType.BYTES));
        System.out.println("screenshot: " + out.resolve(name));
    }

    /** Scrolls a page just loaded (at its top) so that the element is near the top of the window, as a reader would. */
    private static void scrollTo(Person who, String css) {
        WebElement element = who.browser().findElement(By.cssSelector(css));
        new org.openqa.selenium.interactions.Actions(who.browser())
                .scrollByAmount(0, Math.max(0, element.getLocation().getY() - 24)).perform();
    }

    // --- what the portal holds before it starts -------------------------------------------------

    private static void seedStaffAndChannels(String url, UUID miriam, UUID stefan) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            UUID admin = UUID.randomUUID();
            update(c, "insert into staff_member (id, username, display_name, password_hash, enabled, created_on) "
                    + "values (?, ?, ?, ?, true, ?)", admin, "j.weber", "Jana Weber",
                    PasswordHash.of(ADMIN_PASSWORD.toCharArray()).encoded(), LocalDate.now());
            update(c, "insert into staff_role (staff_id, role) values (?, 'ADMINISTRATOR')", admin);
            update(c, "update staff_member set display_name = ? where id = ?", "Miriam Keller", miriam);
            update(c, "update staff_member set display_name = ? where id = ?", "Dr. Stefan Brandt", stefan);
            int position = 1;
            for (Channels.Channel channel : Channels.all()) {
                UUID id = UUID.randomUUID();
                update(c, "insert into channel (id, slug, published, position, created_on, uploads_allowed, max_file_bytes, "
                        + "max_files, max_total_bytes, questionnaire, published_in_transparency) "
                        + "values (?, ?, true, ?, ?, true, ?, 10, ?, ?, true)",
                        id, channel.slug(), position++, LocalDate.now(), 20L * 1024 * 1024, 100L * 1024 * 1024,
                        new QuestionnaireJson().convertToDatabaseColumn(channel.questionnaire()));
                update(c, "insert into channel_text (channel_id, language, name, description) values (?, 'en', ?, ?)",
                        id, channel.nameEn(), channel.descriptionEn());
                update(c, "insert into channel_text (channel_id, language, name, description) values (?, 'de', ?, ?)",
                        id, channel.nameDe(), channel.descriptionDe());
                update(c, "insert into channel_text (channel_id, language, name, description) values (?, 'ar', ?, ?)",
                        id, channel.nameAr(), channel.descriptionAr());
                update(c, "insert into channel_recipient (channel_id, staff_id) values (?, ?)", id, miriam.toString());
            }
        }
    }

    private static void update(Connection c, String sql, Object... values) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    static LocalizedText text(String en, String de, String ar) {
        return LocalizedText.required(Map.of(Locale.ENGLISH, en, Locale.GERMAN, de, Locale.of("ar"), ar), 1000, "label");
    }

    private static final String PRIVACY_NOTICE = """
            Stadtwerke Musterstadt GmbH runs this portal so that employees, suppliers and customers can report \
            wrongdoing safely, as the Whistleblower Protection Act requires.

            We do not record your IP address, and you do not need to give your name. Reports are encrypted on \
            arrival and can be read only by the two people of the Compliance Office who handle them. A report \
            and everything that belongs to it is deleted one year after the case is concluded, unless a law \
            requires us to keep it longer.

            Questions about this notice: our data protection officer, datenschutz@stadtwerke-musterstadt.example.""";

    private static final String BROWSER_REPORT = """
            Since spring, orders for workshop supplies at the Werkstraße depot have been split into several \
            smaller orders, each just below the 5,000 euro limit above which a second signature is needed. \
            All of them go to the same small supplier, which was not on the list of approved suppliers \
            until this year.

            The prices on these invoices are clearly higher than what we paid before for the same items. \
            I noticed because I check the deliveries against the delivery notes, and several deliveries \
            were smaller than invoiced.""";
}
