package org.candor.portal.contact.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.candor.crypto.LookupHandle;
import org.candor.portal.appeal.Appeal;
import org.candor.portal.appeal.AppealDecision;
import org.candor.portal.casefile.CaseFile;
import org.candor.portal.casefile.CaseRecipient;
import org.candor.portal.casefile.ItemKind;
import org.candor.portal.casefile.Outcome;
import org.candor.portal.contact.Conversation;
import org.candor.portal.contact.StatusView;
import org.candor.portal.platform.web.Templates;
import org.junit.jupiter.api.Test;

/** The contact pages render in both languages, escape what people wrote, and leave no key untranslated. */
class ContactTemplatesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private final Templates templates = new Templates();

    private String render(String template, Map<String, Object> values, Locale language) {
        templates.start();
        Map<String, Object> model = new HashMap<>(values);
        model.putAll(org.candor.portal.platform.web.PageWriter.languageModel(language));
        model.put("path", "/contact");
        StringWriter out = new StringWriter();
        templates.render(template, model, language, out);
        String html = out.toString();
        assertFalse(html.matches("(?s).*>\\s*(contact|message|appeal)\\.[a-zA-Z.]+.*"), template + " shows a raw key:\n" + html);
        return html;
    }

    private static Conversation.Opened opened() {
        Conversation.FileLink file = new Conversation.FileLink(UUID.randomUUID(), "<img src=x>.pdf", 1024);
        return new Conversation.Opened(DAY, true,
                List.of(new Conversation.Answer("What happened?", List.of("<script>alert(1)</script>"), List.of(file))),
                List.of(new Conversation.Entry(ItemKind.INVESTIGATOR_REPLY, DAY.plusDays(1), true, "Thanks & more", List.of()),
                        new Conversation.Entry(ItemKind.WHISTLEBLOWER_MESSAGE, DAY.plusDays(2), true, "Here", List.of(file)),
                        new Conversation.Entry(ItemKind.OUTCOME_GROUNDS, DAY.plusDays(3), true, "We fixed it", List.of())));
    }

    @Test
    void conversationEscapesEverythingPeopleWroteInBothLanguages() {
        for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            String html = render("public/contact/conversation", Map.of("opened", opened(), "maxChars", 100000), language);
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            assertTrue(html.contains("&lt;img src=x&gt;.pdf"));
            assertTrue(html.contains("Thanks &amp; more"));
            assertTrue(html.contains("enctype=\"multipart/form-data\""));
            assertTrue(html.contains(language == Locale.GERMAN ? "Die Ermittelnden schrieben am" : "The investigators wrote on"));
        }
    }

    @Test
    void statusShowsEveryAppealStateInBothLanguages() {
        CaseFile caseFile = new CaseFile(UUID.randomUUID(), UUID.randomUUID(), LookupHandle.fromHex("ab".repeat(32)), false,
                DAY, "key", "FP", Set.of(new CaseRecipient(UUID.randomUUID(), "FP2")));
        caseFile.acknowledge(DAY.plusDays(1));
        caseFile.conclude(Outcome.REFERRED, DAY.plusDays(5));
        Appeal pending = new Appeal(caseFile.id(), DAY.plusDays(6));
        Appeal decided = new Appeal(caseFile.id(), DAY.plusDays(6));
        decided.decide(AppealDecision.PARTLY_UPHELD, DAY.plusDays(9));
        for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            for (StatusView view : List.of(
                    StatusView.of(caseFile, DAY.plusDays(6), Optional.empty()).withGrounds(opened()),
                    StatusView.of(caseFile, DAY.plusDays(7), Optional.of(pending)).withGrounds(opened()),
                    StatusView.of(caseFile, DAY.plusDays(9), Optional.of(decided)).withGrounds(opened()))) {
                String html = render("public/contact/status", Map.of("status", view, "maxChars", 100000), language);
                assertTrue(html.contains("We fixed it"));
            }
        }
    }

    @Test
    void statusPageSaysWhenTheGroundsCouldNotBeRead() {
        CaseFile caseFile = new CaseFile(UUID.randomUUID(), UUID.randomUUID(), LookupHandle.fromHex("cd".repeat(32)), false,
                DAY, "key", "FP", Set.of(new CaseRecipient(UUID.randomUUID(), "FP2")));
        caseFile.acknowledge(DAY.plusDays(1));
        caseFile.conclude(Outcome.REFERRED, DAY.plusDays(5));
        Conversation.Opened damaged = new Conversation.Opened(DAY, true, List.of(),
                List.of(new Conversation.Entry(ItemKind.OUTCOME_GROUNDS, DAY.plusDays(5), false, "", List.of())));
        StatusView view = StatusView.of(caseFile, DAY.plusDays(6), Optional.empty())
                .withGrounds(damaged);
        String html = render("public/contact/status", Map.of("status", view, "maxChars", 100000), Locale.ENGLISH);
        assertTrue(html.contains("This entry could not be read"), html);
    }

    @Test
    void signInPageAsksForTheCodeWithoutKeepingIt() {
        String html = render("public/contact/sign-in", Map.of("error", "x"), Locale.GERMAN);
        assertTrue(html.contains("name=\"code\""));
        assertTrue(html.contains("autocomplete=\"off\""));
        assertTrue(html.contains("Antwortcode"));
    }

    @Test
    void signInPageLoadsTheBrowserModuleUnlessThePlainFormIsAskedFor() {
        for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            String enhanced = render("public/contact/sign-in", Map.of(), language);
            assertTrue(enhanced.contains("<script type=\"module\" src=\"/static/contact.mjs\"></script>"));
            assertTrue(enhanced.contains(language == Locale.GERMAN ? "In Ihrem Browser entschlüsselt" : "Decrypted in your browser"));
            assertTrue(enhanced.contains("data-length=\"") && enhanced.contains("COUNT"), "the typo text the script fills in");
            assertFalse(enhanced.contains("??"), "every text of the browser view is translated");
            for (String prefix : List.of("browser", "browser-appeal")) {
                assertTrue(enhanced.contains("<textarea id=\"" + prefix + "-text\"") && enhanced.contains(
                        "<input id=\"" + prefix + "-files\" type=\"file\" multiple aria-describedby=\"" + prefix + "-files-hint\">"),
                        "the message and the appeal form each have their own fields for the script");
            }
            String plain = render("public/contact/sign-in", Map.of("plain", true), language);
            assertFalse(plain.contains("<script"), "the plain sign-in loads no script");
            assertTrue(plain.contains("action=\"/contact\""));
        }
    }

    @Test
    void theConversationOpenedOnTheServerSaysSo() {
        String html = render("public/contact/conversation", Map.of("opened", opened(), "maxChars", 100000), Locale.ENGLISH);
        assertTrue(html.contains("Opened on the server"));
    }
}
