package org.candor.portal.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PageTemplatesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void publicTemplatesNeverIncludeStaffMarkup() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES.resolve("public"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String html = Files.readString(file);
                assertFalse(html.contains("staff/"), file + " refers to a staff template");
            }
        }
    }

    @Test
    void noTemplateHasInlineScriptOrStyle() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String html = Files.readString(file).toLowerCase(Locale.ROOT);
                String withoutOwnScripts = html.replaceAll(
                        "<script type=\"module\" src=\"/static/[a-z0-9.-]+\\.mjs\"></script>", "");
                assertFalse(withoutOwnScripts.contains("<script"),
                        file + " has a script element other than an empty one loading the portal's own module");
                assertFalse(html.contains("<style"), file + " has a style element");
                assertFalse(html.matches("(?s).*\\son[a-z]+=.*"), file + " has an event handler attribute");
                assertFalse(html.contains(" style="), file + " has a style attribute");
                assertFalse(html.contains("th:utext"), file + " writes unescaped text");
            }
        }
    }

    @Test
    void rendersTheLandingPageWithEscapedChannelTextInTheRequestedLanguage() {
        String html = landing(Locale.GERMAN);
        assertTrue(html.contains("<html lang=\"de\" dir=\"ltr\">"), html);
        assertTrue(html.contains("&lt;b&gt;Fraud&lt;/b&gt;"), "channel text is escaped");
        assertTrue(html.contains("Money &amp; goods"));
        assertTrue(html.contains("Wie Ihre Anonymität geschützt wird"));
    }

    @Test
    void arabicIsWrittenRightToLeftAndEveryLanguageLinkNamesItsLanguageInItself() {
        String html = landing(Locale.of("ar"));
        assertTrue(html.contains("<html lang=\"ar\" dir=\"rtl\">"), html);
        assertTrue(html.contains("hreflang=\"fr\" lang=\"fr\">Français</a>"), html);
        assertTrue(html.contains("hreflang=\"de\" lang=\"de\">Deutsch</a>"), html);
        assertTrue(html.contains("<details>"), "the language links fold into one line on a small screen");
    }

    private static String landing(Locale language) {
        Templates templates = new Templates();
        templates.start();
        StringWriter out = new StringWriter();
        Map<String, Object> model = new java.util.HashMap<>(PageWriter.languageModel(language));
        model.put("channels", List.of(new org.candor.portal.intake.web.LandingPage.ChannelCard(
                "fraud", "<b>Fraud</b>", "Money & goods")));
        model.put("path", "/");
        templates.render("public/landing", model, language, out);
        return out.toString();
    }

    @Test
    void pagesComeOnlyFromThePublicOrStaffTreeAndLinksNeverLeaveTheHost() {
        assertThrows(IllegalArgumentException.class, () -> Page.of("landing"));
        assertEquals("/evil.example/x", PageWriter.ownPath("//evil.example/x"));
        assertEquals("/", PageWriter.ownPath("/"));
    }

    @Test
    void languageLinksAreReadFromTheQueryStringOnly() {
        assertEquals("de", LanguageFilter.queryParameter("a=1&lang=de", "lang"));
        assertEquals(null, LanguageFilter.queryParameter("language=de", "lang"));
        assertEquals(null, LanguageFilter.queryParameter(null, "lang"));
    }
}
