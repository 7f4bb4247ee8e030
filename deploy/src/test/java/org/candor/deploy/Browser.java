package org.candor.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, as Tor Browser's "Safest" level would run it: JavaScript off,
 * a fresh profile, no background traffic, and every host but this machine unresolvable.
 */
final class Browser {

    private Browser() {
    }

    /** A browser with JavaScript switched off that records every network request it makes. */
    static ChromeDriver withoutJavaScript(Path profile) {
        return withoutJavaScript(profile, null);
    }

    /** The same, announcing itself with the user agent given (for canary tests). */
    static ChromeDriver withoutJavaScript(Path profile, String userAgent) {
        return start(profile, userAgent, false);
    }

    /**
     * Chromium with JavaScript on (Tor Browser's "Safer" level runs scripts of the portal itself;
     * the portal's CSP forbids WebAssembly anyway), otherwise as {@link #withoutJavaScript}.
     */
    static ChromeDriver withJavaScript(Path profile, String userAgent) {
        return start(profile, userAgent, true);
    }

    /** Saves what the browser shows as target/screenshots/NAME, for a person to look at after the run. */
    static void screenshot(WebDriver browser, String name) throws IOException {
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** Where this browser saves the files a person downloads. */
    static Path downloads(Path profile) {
        return profile.resolve("downloads");
    }

    private static ChromeDriver start(Path profile, String userAgent, boolean javaScript) {
        ChromeOptions options = new ChromeOptions();
        if (userAgent != null) {
            options.addArguments("--user-agent=" + userAgent);
        }
        options.setBinary(System.getenv().getOrDefault("CANDOR_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1100,1300",
                "--user-data-dir=" + profile.resolve("profile"),
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost");
        options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", javaScript ? 1 : 2,
                "download.default_directory", downloads(profile).toString(), "download.prompt_for_download", false));
        // The reply code's page asks before it is left (beforeunload); a test that moves on answers
        // "leave", as a person who kept the code would. Tests of the question itself look at the page.
        options.setUnhandledPromptBehaviour(org.openqa.selenium.UnexpectedAlertBehaviour.ACCEPT);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getenv().getOrDefault("CANDOR_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .withEnvironment(Map.of("HOME", profile.toString()))
                .build();
        return new ChromeDriver(service, options);
    }

    /** Chooses a language as a person does: opens the page's language list, then follows the language's link. */
    static void chooseLanguage(org.openqa.selenium.WebDriver browser, String code) {
        browser.findElement(org.openqa.selenium.By.cssSelector("nav.languages summary")).click();
        browser.findElement(org.openqa.selenium.By.cssSelector("nav.languages a[hreflang=" + code + "]")).click();
    }
}
