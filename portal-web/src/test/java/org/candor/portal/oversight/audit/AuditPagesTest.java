package org.candor.portal.oversight.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.candor.portal.audit.AuditAction;
import org.candor.portal.audit.AuditHead;
import org.candor.portal.platform.web.Templates;
import org.junit.jupiter.api.Test;

/** The oversight audit pages rendered without a server, and the parsing of their forms. */
class AuditPagesTest {

    private static final AuditHead HEAD = new AuditHead(12, "ab".repeat(32));

    @Test
    void theLogPageShowsEntriesEscapedAndEveryTextComesFromTheBundles() {
        for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            Map<String, Object> model = base(language);
            model.put("rows", List.of(new AuditPages.Row(12, "2026-03-01 09:30:00 UTC", "ada", "Role granted",
                    "staff 0b9d6a52", "role: <script>x</script>")));
            model.put("listing", new AuditReview.Listing(List.of(), 120, 2, 3));
            model.put("actions", List.of(new AuditPages.Choice("ROLE_GRANTED", "Role granted", true)));
            model.put("actor", "ada");
            model.put("from", "2026-03-01");
            model.put("to", "");
            model.put("previous", "/oversight/audit?page=1");
            model.put("next", "/oversight/audit?page=3");
            String html = render("staff/oversight/audit", model, language);
            assertTrue(html.contains("&lt;script&gt;x&lt;/script&gt;"), "details are escaped");
            assertTrue(html.contains("<option value=\"ROLE_GRANTED\" selected=\"selected\">"), html);
            assertTrue(html.contains("href=\"/oversight/audit?page=3\""));
            assertTrue(html.contains(HEAD.hash()));
            assertFalse(html.matches("(?s).*[>\"]audit\\.[a-zA-Z.]+[<\"].*"), "a text is missing from the bundles");
        }
        assertTrue(render("staff/oversight/audit", withRows(Locale.GERMAN), Locale.GERMAN).contains("Prüfprotokoll"));
    }

    @Test
    void theVerifyPageShowsTheVerdictTheHeadAndThePublicKey() {
        Map<String, Object> intact = base(Locale.ENGLISH);
        intact.putAll(Map.of("keyId", "06e3fd8fda29bb60ab59557de61edb0a", "publicKey", "-----BEGIN PUBLIC KEY-----\nMCow\n",
                "headSeq", "", "headHash", "", "verified", true, "intact", true, "checked", 12L, "verdictHead", HEAD));
        String html = render("staff/oversight/audit-verify", intact, Locale.ENGLISH);
        assertTrue(html.contains("The audit log is intact."), html);
        assertTrue(html.contains("12 entries checked; the last is entry 12"), html);
        assertTrue(html.contains("06e3fd8fda29bb60ab59557de61edb0a"));
        assertTrue(html.contains("-----BEGIN PUBLIC KEY-----"));

        Map<String, Object> broken = new HashMap<>(intact);
        broken.putAll(Map.of("intact", false, "checked", 4L, "firstBroken", 5L,
                "problem", "Entry 5 was altered: its contents no longer match its hash."));
        String german = render("staff/oversight/audit-verify", broken, Locale.GERMAN);
        assertTrue(german.contains("Das Prüfprotokoll ist bei Eintrag 5 beschädigt."), german);
        assertFalse(german.contains("unversehrt.</strong>"));
    }

    @Test
    void readsFiltersAsTypedAndRefusesWhatItCannotRead() {
        AuditFilter filter = AuditFilter.parse("ROLE_GRANTED", "  Ada ", "2026-03-01", "2026-03-02");
        assertEquals(AuditAction.ROLE_GRANTED, filter.action());
        assertEquals("ada", filter.actor());
        assertEquals(LocalDate.of(2026, 3, 2), filter.to());
        assertEquals(AuditFilter.none(), AuditFilter.parse("", " ", null, ""));
        assertEquals("audit.filter.invalidAction", assertThrows(AuditFilter.InvalidFilter.class,
                () -> AuditFilter.parse("DROP_TABLE", null, null, null)).messageKey());
        assertEquals("audit.filter.invalidDate", assertThrows(AuditFilter.InvalidFilter.class,
                () -> AuditFilter.parse(null, null, "1.3.2026", null)).messageKey());
        assertEquals("audit.filter.invalidRange", assertThrows(AuditFilter.InvalidFilter.class,
                () -> AuditFilter.parse(null, null, "2026-03-02", "2026-03-01")).messageKey());
        assertEquals("audit.filter.invalidActor", assertThrows(AuditFilter.InvalidFilter.class,
                () -> AuditFilter.parse(null, "x".repeat(65), null, null)).messageKey());
    }

    @Test
    void pageLinksKeepTheFiltersAndNotedHeadsAreOptional() {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        query.put("action", "ROLE_GRANTED");
        query.put("actor", "a&b");
        query.put("from", "");
        assertEquals("/oversight/audit?action=ROLE_GRANTED&actor=a%26b&page=3", AuditPages.link(query, 3));
        assertEquals(1, AuditPages.pageNumber("-4"));
        assertEquals(1, AuditPages.pageNumber("x"));
        assertEquals(Optional.empty(), AuditPages.notedHead("", " "));
        assertEquals(Optional.of(HEAD), AuditPages.notedHead("12", "AB".repeat(32)));
        assertThrows(IllegalArgumentException.class, () -> AuditPages.notedHead("12", "short"));
        assertThrows(IllegalArgumentException.class, () -> AuditPages.notedHead("twelve", "ab".repeat(32)));
    }

    private static Map<String, Object> withRows(Locale language) {
        Map<String, Object> model = base(language);
        model.putAll(Map.of("rows", List.of(), "listing", new AuditReview.Listing(List.of(), 0, 1, 1), "actions", List.of(),
                "actor", "", "from", "", "to", "", "previous", "", "next", ""));
        return model;
    }

    private static Map<String, Object> base(Locale language) {
        Map<String, Object> model = new HashMap<>();
        model.putAll(org.candor.portal.platform.web.PageWriter.languageModel(language));
        model.put("path", "/oversight/audit");
        model.put("head", HEAD);
        return model;
    }

    private static String render(String template, Map<String, Object> model, Locale language) {
        Templates templates = new Templates();
        templates.start(); // the container starts it; here by hand
        StringWriter out = new StringWriter();
        templates.render(template, model, language, out);
        return out.toString();
    }
}
