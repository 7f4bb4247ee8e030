package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Checks that pages fit a 320 px wide screen without sideways scrolling (WCAG 1.4.10, reflow), in
 * English and German, whose words are longer. The browser measures the page: its document is no
 * wider than its window. Page scripts may be off; the measurement runs from the driver.
 */
final class NarrowScreen {

    /** The narrowest screen WCAG asks a page to fit: 320 CSS pixels. */
    static final int WIDTH = 320;

    private NarrowScreen() {
    }

    /**
     * Opens each page at 320 px in English and in German and asserts it does not scroll sideways;
     * the screen and the language are as before afterwards (English, the browser's own size).
     */
    static void assertFits(ChromeDriver browser, List<String> pages) {
        // a desktop window has a minimum width; the screen is emulated, as the browser's device mode does
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", 800, "deviceScaleFactor", 1, "mobile", false));
        try {
            for (String language : List.of("de", "en")) {
                for (String page : pages) {
                    browser.get(page + (page.contains("?") ? "&" : "?") + "lang=" + language);
                    List<?> widths = (List<?>) browser.executeScript(
                            "return [document.documentElement.scrollWidth, window.innerWidth, document.documentElement.lang]");
                    long scroll = ((Number) widths.get(0)).longValue();
                    long inner = ((Number) widths.get(1)).longValue();
                    assertEquals(language, widths.get(2), page + " is shown in " + language);
                    assertTrue(inner <= WIDTH + 20, "the screen is narrow: " + inner);
                    assertTrue(scroll <= inner, page + " in " + language + " is " + scroll + " px wide at "
                            + inner + " px: it scrolls sideways");
                }
            }
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            if (!pages.isEmpty()) {
                browser.get(pages.get(0) + (pages.get(0).contains("?") ? "&" : "?") + "lang=en");
            }
        }
    }
}
