package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.candor.portal.it.Browserless;
import org.candor.portal.it.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The public transparency page in Chromium with JavaScript off, on a history whose answers are
 * known: twenty reports received this quarter on a published channel, fifteen acknowledged in time,
 * all concluded and since deleted under retention. The page shows the figures; the CSV says the
 * same; no count below five is shown.
 */
class TransparencyIT {

    @TempDir
    static Path work;

    private static RunningPortal portal;
    private static Person person;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Path data = work.resolve("data");
        Seed seed = RunningPortal.seedBeforeStart(data, work.resolve("tmp"));
        String h2 = RunningPortal.databaseUrl(data);
        Seed.Investigator ines = seed.addInvestigator("ines", "a long sign-in password", "passphrase ines".toCharArray());
        UUID channel = seed.addPublishedChannel("fraud", Seed.sampleQuestionnaire(1024 * 1024), false, 1024 * 1024, ines.id());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate quarter = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        try (Connection c = DriverManager.getConnection(h2)) {
            try (PreparedStatement s = c.prepareStatement("update channel set published_in_transparency = true where id = ?")) {
                s.setObject(1, channel);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("insert into case_stats (id, channel_id, received_quarter, "
                    + "days_to_acknowledge, acknowledged_in_time, days_to_feedback, feedback_in_time, outcome, "
                    + "deleted_quarter) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < 20; i++) {
                    s.setObject(1, UUID.randomUUID());
                    s.setObject(2, channel);
                    s.setObject(3, quarter);
                    s.setInt(4, i < 15 ? 3 : 10);
                    s.setBoolean(5, i < 15);
                    s.setInt(6, 40);
                    s.setBoolean(7, true);
                    s.setString(8, i < 10 ? "SUBSTANTIATED" : "UNSUBSTANTIATED");
                    s.setObject(9, quarter);
                    s.executeUpdate();
                }
            }
        }
        portal = RunningPortal.start(data, work.resolve("tmp"));
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
    void theTransparencyPageAndItsCsvShowTheSameFiguresWithoutJavaScriptAndNoSmallCount() throws Exception {
        browser.get(portal.url("/?lang=en").toString());
        browser.findElement(By.cssSelector("footer a[href='/transparency']")).click();
        person.await(ExpectedConditions.presenceOfElementLocated(By.id("figures-fraud")));
        WebElement received = browser.findElements(By.cssSelector("#figures-fraud tr.quarter td[data-column=received]"))
                .getFirst();
        assertEquals("20", received.getText(), "twenty reports received this quarter");
        String quarterLabel = received.getAttribute("data-period");
        assertTrue(cell(quarterLabel, "acknowledgedWithin7DaysPercent").startsWith("75"), "fifteen of twenty in time");
        assertEquals("10", cell(quarterLabel, "outcomeSubstantiated"));
        assertTrue(browser.findElement(By.cssSelector("svg[role=img] title")).getAttribute("textContent").contains("fraud"),
                "the chart has an accessible name");

        HttpResponse<String> csv = new Browserless(portal.url("/").toURL()).get("/transparency.csv");
        assertEquals(200, csv.statusCode());
        List<String> lines = csv.body().lines().toList();
        List<String> header = Arrays.asList(lines.get(0).split(","));
        String row = lines.stream().filter(l -> l.startsWith(quarterLabel + ",fraud,")).findFirst().orElseThrow();
        List<String> cells = Arrays.asList(row.split(","));
        assertEquals("20", cells.get(header.indexOf("received")));
        assertTrue(cells.get(header.indexOf("acknowledgedWithin7DaysPercent")).startsWith("75"));
        assertEquals("10", cells.get(header.indexOf("outcomeSubstantiated")));
        for (String line : lines.subList(1, lines.size())) {
            List<String> values = Arrays.asList(line.split(","));
            for (String column : List.of("received", "acknowledgedWithin7Days", "notAcknowledgedWithin7Days",
                    "outcomeSubstantiated", "outcomeUnsubstantiated", "deletedUnderRetention")) {
                int index = header.indexOf(column);
                if (index >= 0 && values.get(index).matches("[1-4]")) {
                    throw new AssertionError("a count below five is published: " + line);
                }
            }
        }
    }

    private static String cell(String period, String column) {
        return browser.findElement(By.cssSelector("#figures-fraud td[data-column='" + column + "'][data-period='" + period
                + "']")).getText();
    }
}
