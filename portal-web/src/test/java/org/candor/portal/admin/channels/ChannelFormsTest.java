package org.candor.portal.admin.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.candor.portal.channel.FieldType;
import org.candor.portal.channel.InvalidChannelInput;
import org.candor.portal.channel.Problem;
import org.candor.portal.channel.QuestionField;
import org.candor.portal.channel.UploadLimits;
import org.candor.portal.platform.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The admin forms turn what was typed into channel values, or into the problem to show. */
class ChannelFormsTest {

    private static MultivaluedMap<String, String> form(String... pairs) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static Problem refused(Executable action) {
        return assertThrows(InvalidChannelInput.class, action).problem();
    }

    @Test
    void aTickedCategoryMarksASingleChoiceAndIsRefusedOnAnyOtherKind() {
        QuestionField kind = FieldForm.from("SINGLE_CHOICE", form("key", "kind", "label_en", "Kind of wrongdoing",
                "option_key_0", "fraud", "option_en_0", "Fraud", "option_key_1", "safety", "option_en_1", "Safety",
                "category", "on")).field();
        assertTrue(kind.category());
        assertTrue(FieldForm.of(kind).category(), "the form shows the box ticked again");
        assertTrue(FieldForm.of(kind).canBeCategory());
        assertEquals(false, FieldForm.from("SINGLE_CHOICE", form("key", "kind", "label_en", "Kind",
                "option_en_0", "Fraud", "option_en_1", "Safety")).field().category(), "unticked, not the category");
        Problem problem = refused(FieldForm.from("SHORT_TEXT", form("key", "subject", "label_en", "Subject",
                "maxLength", "200", "category", "on"))::field);
        assertEquals(Problem.of("channel.field.category.singleChoiceOnly"), problem);
        assertTrue(ProblemText.of(problem, Locale.ENGLISH).contains("Only a single-choice question"));
        assertEquals(false, FieldForm.blank(FieldType.MULTIPLE_CHOICE).canBeCategory());
        assertEquals(false, FieldForm.blank(FieldType.LONG_TEXT).canBeCategory());
    }

    @Test
    void aGermanDescriptionWithoutANameIsRefusedWithTheLanguageNamedInTheReadersLanguage() {
        TextsForm typed = TextsForm.from(form("slug", "fraud", "name_en", "Fraud", "name_de", "  ",
                "description_en", "Money", "description_de", "Geld"));
        Problem problem = refused(typed::texts);
        assertEquals(Problem.of("channel.name.missing", Locale.GERMAN), problem);
        assertEquals("The name is missing in German.", ProblemText.of(problem, Locale.ENGLISH));
        assertEquals("Fraud", typed.name("en"), "what was typed is kept for the form");
    }

    @Test
    void onlyEnglishIsRequiredAndAnEmptyTranslationIsLeftOut() {
        assertEquals(Problem.of("channel.name.missing", Locale.ENGLISH),
                refused(TextsForm.from(form("slug", "fraud", "name_de", "Betrug"))::texts));
        var texts = TextsForm.from(form("slug", "fraud", "name_en", "Fraud", "description_en", "Money",
                "name_fr", "Fraude")).texts();
        assertEquals(java.util.Set.of(Locale.ENGLISH, Locale.FRENCH), texts.keySet());
    }

    @Test
    void limitsThatAreNotNumbersNegativeOrAbsurdAreRefused() {
        assertEquals(Problem.of("channel.number.invalid", Problem.of("channel.limits.retentionDays")),
                refused(() -> LimitsForm.from(form("retentionDays", "a year")).retention()));
        assertEquals("„Fälle aufbewahren (Tage)“ muss eine ganze Zahl sein.", ProblemText.of(
                refused(() -> LimitsForm.from(form("retentionDays", "")).retention()), Locale.GERMAN));
        assertEquals("channel.retention.range",
                refused(() -> LimitsForm.from(form("retentionDays", "5000")).retention()).key());
        assertEquals("channel.uploads.maxFileSize.range", refused(() -> LimitsForm.from(form("uploadsAllowed", "on",
                "maxFileMib", "-1", "maxFiles", "3", "maxTotalMib", "10")).uploadLimits()).key());
        assertEquals("channel.number.invalid", refused(() -> LimitsForm.from(form("maxFileMib",
                "99999999999999999999", "maxFiles", "3", "maxTotalMib", "10")).uploadLimits()).key());
        UploadLimits limits = LimitsForm.from(form("uploadsAllowed", "on", "maxFileMib", "20", "maxFiles", "3",
                "maxTotalMib", "50")).uploadLimits();
        assertEquals(new UploadLimits(true, 20 * UploadLimits.MIB, 3, 50 * UploadLimits.MIB), limits);
    }

    @Test
    void aChoiceWithOneFilledOptionRowIsRefused() {
        FieldForm typed = FieldForm.from("SINGLE_CHOICE", form("key", "where", "label_en", "Where?", "label_de", "Wo?",
                "option_key_0", "", "option_en_0", "Office", "option_de_0", "Büro",
                "option_key_1", "", "option_en_1", "", "option_de_1", ""));
        assertEquals("channel.field.options.tooFew", refused(typed::field).key());
        assertEquals("Office", typed.options().get(0).label("en"));
        assertEquals(4, typed.options().size(), "the form comes back with empty rows to fill in");
    }

    @Test
    void optionKeysAreMadeFromEnglishLabelsWhenLeftEmpty() {
        QuestionField field = FieldForm.from("MULTIPLE_CHOICE", form("key", "who", "label_en", "Who?", "label_de", "Wer?",
                "required", "on",
                "option_en_0", "Head of Département", "option_de_0", "Abteilungsleitung",
                "option_en_1", "A peer", "option_de_1", "Kollegin oder Kollege")).field();
        assertEquals(List.of("head-of-departement", "a-peer"), field.options().stream().map(o -> o.key()).toList());
        assertTrue(field.required());
        assertEquals(FieldType.MULTIPLE_CHOICE, field.type());
    }

    @Test
    void aQuestionWithoutItsEnglishLabelIsRefusedAndOneWithoutItsGermanLabelIsTaken() {
        assertEquals(Problem.of("channel.field.label.missing", Locale.ENGLISH), refused(() -> FieldForm.from("SHORT_TEXT",
                form("key", "subject", "label_de", "Betreff", "maxLength", "100")).field()));
        assertEquals("Subject", FieldForm.from("SHORT_TEXT", form("key", "subject", "label_en", "Subject", "maxLength", "100"))
                .field().labelIn(Locale.GERMAN));
    }

    @Test
    void anUnknownQuestionKindIsRefused() {
        assertEquals("channel.field.type.invalid", refused(() -> FieldForm.from("SCRIPT", form()).field()).key());
    }

    @Test
    void everyMessageKeyTheChannelCodeUsesIsInTheBundles() throws IOException {
        Pattern literal = Pattern.compile("\"(channel\\.[A-Za-z.]+)\"");
        Set<String> missing = new TreeSet<>();
        for (String dir : List.of("src/main/java/org/candor/portal/channel", "src/main/java/org/candor/portal/admin/channels")) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path file : files.toList()) {
                    Matcher m = literal.matcher(Files.readString(file));
                    while (m.find()) {
                        String key = m.group(1);
                        boolean stem = key.endsWith(".") || known(key + ".tooLong");
                        if (!known(key) && !stem) {
                            missing.add(key);
                        }
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
        for (String reason : List.of("MALFORMED", "NOT_A_SECRET_KEY", "NO_ENCRYPTION_KEY", "EXPIRED", "REVOKED",
                "TOO_WEAK", "UNSUPPORTED")) {
            assertTrue(!Messages.get(Locale.GERMAN, "channel.recipient.key." + reason, "x").startsWith("channel."), reason);
        }
        for (FieldType type : FieldType.values()) {
            assertTrue(!Messages.get(Locale.GERMAN, "channel.type." + type).startsWith("channel."), type.name());
        }
    }

    private static boolean known(String key) {
        return !Messages.get(Locale.ENGLISH, key).equals(key);
    }
}
