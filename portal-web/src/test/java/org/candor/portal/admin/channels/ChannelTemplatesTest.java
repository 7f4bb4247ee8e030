package org.candor.portal.admin.channels;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.ChannelText;
import org.candor.portal.channel.FieldType;
import org.candor.portal.platform.web.Page;
import org.candor.portal.platform.web.Templates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The channel pages render in both languages, escape what administrators typed, and keep refused input. */
class ChannelTemplatesTest {

    private static Templates templates;
    private final Channel channel = new Channel("fraud", 1, LocalDate.of(2026, 1, 1), Map.of(
            Locale.ENGLISH, new ChannelText("<b>Fraud</b>", "Money"),
            Locale.GERMAN, new ChannelText("Betrug", "Geld")));

    @BeforeAll
    static void start() throws ReflectiveOperationException {
        templates = new Templates();
        // The container calls this @PostConstruct method; it is not public, so the test does the same by reflection.
        java.lang.reflect.Method start = Templates.class.getDeclaredMethod("start");
        start.setAccessible(true);
        start.invoke(templates);
    }

    private static String render(Page page, Locale language) {
        Map<String, Object> model = new HashMap<>(page.model());
        model.putAll(org.candor.portal.platform.web.PageWriter.languageModel(language));
        model.put("path", "/admin/channels");
        StringWriter out = new StringWriter();
        templates.render(page.template(), model, language, out);
        return out.toString();
    }

    @Test
    void listShowsAWarningForAPublishedChannelThatCannotReceiveReports() {
        String html = render(Page.of("staff/admin/channels").with("channels", List.of(
                new ChannelPages.Row(UUID.randomUUID(), "fraud", "<b>Fraud</b>", true, 2, 0,
                        List.of("None of the recipients has a usable key.")))), Locale.ENGLISH);
        assertTrue(html.contains("&lt;b&gt;Fraud&lt;/b&gt;"));
        assertTrue(html.contains("class=\"warning\""));
        assertTrue(html.contains("0 of 2 can receive reports"));
    }

    @Test
    void overviewListsEachRecipientsProblemAndOffersPlainFormsForEveryStep() {
        String html = render(Page.of("staff/admin/channel")
                .with("channel", channel).with("name", "Fraud").with("description", "Money")
                .with("fields", List.of(new ChannelPages.FieldRow("story", "channel.type.LONG_TEXT", "What happened?",
                        true, true, false), new ChannelPages.FieldRow("when", "channel.type.DATE", "When?", false, false, true)))
                .with("types", List.of("SHORT_TEXT", "FILE"))
                .with("recipients", List.of(new ChannelPages.RecipientRow("Ines", "ines", false, "Ines has no key yet.",
                        "Ask Ines to sign in.")))
                .with("problems", List.of("None of the recipients has a usable key."))
                .with("refused", true)
                .with("retentionDays", 365).with("uploadsAllowed", false).with("maxFileMib", 100L)
                .with("maxFiles", 10).with("maxTotalMib", 500L)
                .with("untranslated", List.of("French: the name or description")), Locale.ENGLISH);
        assertTrue(html.contains("Readers of these languages see the English text"), html);
        assertTrue(html.contains("<li>French: the name or description</li>"), html);
        assertTrue(html.contains("This channel cannot be published yet."));
        assertTrue(html.contains("Ines has no key yet."));
        assertTrue(html.contains("Ask Ines to sign in."));
        assertTrue(html.contains("action=\"/admin/channels/" + channel.id() + "/fields/story/down\""));
        assertFalse(html.contains("/fields/story/up\""), "the first question cannot move up");
        assertTrue(html.contains("action=\"/admin/channels/" + channel.id() + "/publish\""));
        assertTrue(html.contains("Long text"));
    }

    @Test
    void refusedFormsComeBackWithWhatWasTyped() {
        String html = render(Page.of("staff/admin/channel-new")
                .with("form", new TextsForm("fraud", Map.of("en", "Fraud \"quoted\""), Map.of()))
                .with("error", "The name is missing in German."), Locale.GERMAN);
        assertTrue(html.contains("value=\"Fraud &quot;quoted&quot;\""));
        assertTrue(html.contains("The name is missing in German."));
        assertTrue(html.contains("name=\"name_de\""));
        assertTrue(html.contains("Kanal anlegen"));
    }

    @Test
    void questionFormRendersEveryKind() {
        for (FieldType type : FieldType.values()) {
            String html = render(Page.of("staff/admin/channel-field").with("channel", channel)
                    .with("form", FieldForm.blank(type)), Locale.GERMAN);
            assertTrue(html.contains("name=\"label_de\""), type.name());
            assertTrue(html.contains("name=\"option_key_0\"") == type.name().endsWith("CHOICE"), type.name());
            assertTrue(html.contains("name=\"maxFiles\"") == (type == FieldType.FILE), type.name());
            assertTrue(html.contains("name=\"category\"") == (type == FieldType.SINGLE_CHOICE),
                    "only a single choice can be the category: " + type.name());
        }
        String single = render(Page.of("staff/admin/channel-field").with("channel", channel)
                .with("form", FieldForm.blank(FieldType.SINGLE_CHOICE)), Locale.ENGLISH);
        assertTrue(single.contains("stored unencrypted on the case"), "the choice says what it costs");
        assertTrue(single.contains("aria-describedby=\"category-hint\""));
    }

    @Test
    void limitsTextsAndRecipientsFormsRender() {
        assertTrue(render(Page.of("staff/admin/channel-limits").with("channel", channel)
                .with("form", LimitsForm.of(channel)), Locale.ENGLISH).contains("value=\"365\""));
        assertTrue(render(Page.of("staff/admin/channel-texts").with("channel", channel)
                .with("form", TextsForm.of(channel)), Locale.ENGLISH).contains("Betrug"));
        UUID ines = UUID.randomUUID();
        String recipients = render(Page.of("staff/admin/channel-recipients").with("channel", channel)
                .with("choices", List.of(new ChannelPages.Choice(ines, "Ines", "ines", true))), Locale.ENGLISH);
        assertTrue(recipients.contains("value=\"" + ines + "\""));
        assertTrue(recipients.contains("checked"));
    }
}
