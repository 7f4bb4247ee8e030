package org.candor.portal.governance.transparency.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.candor.portal.governance.retention.RetentionNotice;
import org.candor.portal.governance.transparency.Downloads;
import org.candor.portal.governance.transparency.SvgChart;
import org.candor.portal.platform.web.Templates;
import org.junit.jupiter.api.Test;

/** The governance templates render in both languages with every text translated, and the inline chart is accessible. */
class GovernanceTemplatesTest {

    private final Templates templates = new Templates();

    private String render(String template, Map<String, Object> values, Locale language) {
        templates.start();
        Map<String, Object> model = new HashMap<>(values);
        model.putAll(org.candor.portal.platform.web.PageWriter.languageModel(language));
        model.put("path", "/transparency");
        StringWriter out = new StringWriter();
        templates.render(template, model, language, out);
        String html = out.toString();
        assertFalse(html.matches("(?s).*[>\"]\\s*(transparency|retention|governance)\\.[a-zA-Z.-]+.*"),
                template + " shows a raw key:\n" + html);
        return html;
    }

    @Test
    void theTransparencyPageDrawsAnAccessibleChartBesideItsTableInBothLanguages() {
        SvgChart.Chart chart = SvgChart.layout("chart-1", "Reports <received>", "Bars per quarter",
                List.of(new SvgChart.Bar("2026-Q1", Optional.of(12.0), ""), new SvgChart.Bar("2026-Q2", Optional.empty(), "<5")));
        List<String> cells = Downloads.columns().stream().map(c -> "7").toList();
        TransparencyPages.Section section = new TransparencyPages.Section("fraud", "Fraud & <more>", chart,
                List.of(new TransparencyPages.RowView("2026", true, cells)));
        for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            String html = render("public/transparency", Map.of("sections", List.of(section), "headings", Downloads.columns(),
                    "columns", Downloads.columns()), language);
            assertTrue(html.contains("role=\"img\""));
            assertTrue(html.contains("aria-labelledby=\"chart-1-title chart-1-desc\""), html);
            assertTrue(html.contains("<title id=\"chart-1-title\">Reports &lt;received&gt;</title>"), html);
            assertTrue(html.contains("Fraud &amp; &lt;more&gt;"));
            assertTrue(html.contains("href=\"/transparency.csv\""));
            assertFalse(html.contains("id=\"audit-head\""), "no head section while the log is empty");
            String head = "candor-audit-head-v1\nseq: 7\nhash: " + "ab".repeat(32) + "\n";
            String withHead = render("public/transparency", Map.of("sections", List.of(section), "headings", Downloads.columns(),
                    "columns", Downloads.columns(), "auditHead", head), language);
            assertTrue(withHead.contains("<pre id=\"audit-head\">" + head + "</pre>"), withHead);
            assertTrue(withHead.contains("href=\"/transparency/audit-head.txt\""));
            assertFalse(withHead.contains("transparency.auditHead"), "every text translated");
        }
    }

    @Test
    void theRetentionNoticeRendersEachKindWithoutRawKeys() {
        for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            for (RetentionNotice notice : List.of(
                    new RetentionNotice(RetentionNotice.Kind.SCHEDULED, 365, Optional.of(LocalDate.of(2027, 1, 2))),
                    new RetentionNotice(RetentionNotice.Kind.UNTIL_INACTIVE, 365, Optional.empty()),
                    new RetentionNotice(RetentionNotice.Kind.KEPT_LONGER, 365, Optional.empty()))) {
                String html = render("public/transparency-notice", Map.of("retention", notice), language);
                assertTrue(html.contains("id=\"retention-notice\""));
                if (notice.kind() == RetentionNotice.Kind.SCHEDULED) {
                    String day = language == Locale.ENGLISH ? "January 2, 2027" : "2. Januar 2027";
                    assertTrue(html.contains(day), "the day, written as the reader writes it: " + html);
                }
            }
        }
    }
}
