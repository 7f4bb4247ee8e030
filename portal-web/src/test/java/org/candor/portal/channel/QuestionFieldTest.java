package org.candor.portal.channel;

import static org.candor.portal.channel.Fixtures.both;
import static org.candor.portal.channel.Fixtures.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class QuestionFieldTest {

    private static Problem refused(Executable action) {
        return assertThrows(InvalidChannelInput.class, action).problem();
    }

    @Test
    void refusesAKeyThatIsNotAStableIdentifier() {
        for (String key : new String[] {"", "What", "1st", "a-b", "a b", "x".repeat(41), null}) {
            assertEquals("channel.field.key.invalid", refused(() -> Fixtures.shortText(key, true)).key(), key);
        }
    }

    @Test
    void refusesALabelMissingInEnglishButNotOneMissingInATranslation() {
        Problem problem = refused(() -> LocalizedText.required(texts(" ", "Wo?"), 300, "channel.field.label"));
        assertEquals("channel.field.label.missing", problem.key());
        assertEquals(List.of(Locale.ENGLISH), problem.arguments());
        LocalizedText english = LocalizedText.required(texts("Where?", " "), 300, "channel.field.label");
        assertEquals("Where?", english.in(Locale.GERMAN), "a missing translation shows the English text");
        assertTrue(english.missingIn().contains(Locale.GERMAN));
        assertFalse(english.missingIn().contains(Locale.ENGLISH));
        assertEquals(List.of(), LocalizedText.NONE.missingIn(), "a help text nobody wrote lacks no translation");
    }

    @Test
    void refusesLabelsWithControlCharactersOrTooLong() {
        assertEquals("channel.field.label.control",
                refused(() -> LocalizedText.required(texts("a\u0000b", "c"), 300, "channel.field.label")).key());
        assertEquals("channel.field.label.tooLong",
                refused(() -> LocalizedText.required(texts("a".repeat(301), "c"), 300, "channel.field.label")).key());
        assertEquals("line one\nline two", LocalizedText.optional(texts("line one\nline two", ""), 1000,
                "channel.field.help", true).in(Locale.GERMAN), "help may have lines and falls back to English");
    }

    @Test
    void refusesAChoiceWithFewerThanTwoOptions() {
        Problem problem = refused(() -> QuestionField.choice("where", FieldType.SINGLE_CHOICE, both("Where?", "Wo?"),
                LocalizedText.NONE, true, List.of(new ChoiceOption("office", both("Office", "Büro")))));
        assertEquals("channel.field.options.tooFew", problem.key());
    }

    @Test
    void refusesOptionsWithTheSameKeyOrTheSameLabel() {
        assertEquals("channel.field.options.duplicateKey", refused(() -> QuestionField.choice("where",
                FieldType.MULTIPLE_CHOICE, both("Where?", "Wo?"), LocalizedText.NONE, true,
                List.of(new ChoiceOption("a", both("One", "Eins")), new ChoiceOption("a", both("Two", "Zwei"))))).key());
        Problem sameLabel = refused(() -> QuestionField.choice("where", FieldType.SINGLE_CHOICE, both("Where?", "Wo?"),
                LocalizedText.NONE, true,
                List.of(new ChoiceOption("a", both("One", "Eins")), new ChoiceOption("b", both("Two", "eins")))));
        assertEquals("channel.field.options.duplicateLabel", sameLabel.key());
        assertEquals(Locale.GERMAN, sameLabel.arguments().get(1));
    }

    @Test
    void refusesAnOptionWithoutAnEnglishLabelAndMarksOneWithoutATranslation() {
        assertEquals("channel.option.label.missing", refused(() -> QuestionField.choice("where",
                FieldType.SINGLE_CHOICE, both("Where?", "Wo?"), LocalizedText.NONE, true,
                List.of(new ChoiceOption("a", both("One", "Eins")),
                        new ChoiceOption("b", new LocalizedText(java.util.Map.of("de", "Zwei")))))).key());
        QuestionField partly = QuestionField.choice("where", FieldType.SINGLE_CHOICE, both("Where?", "Wo?"),
                LocalizedText.NONE, true, List.of(new ChoiceOption("a", both("One", "Eins")),
                        new ChoiceOption("b", new LocalizedText(java.util.Map.of("en", "Two")))));
        assertTrue(partly.untranslatedIn(Locale.GERMAN), "an option without its German label");
        assertFalse(partly.untranslatedIn(Locale.ENGLISH));
    }

    @Test
    void refusesNegativeOrAbsurdLimits() {
        assertEquals("channel.field.maxLength.range", refused(() -> QuestionField.text("name", FieldType.SHORT_TEXT,
                both("Name", "Name"), LocalizedText.NONE, true, -1)).key());
        assertEquals("channel.field.maxLength.range", refused(() -> QuestionField.text("name", FieldType.SHORT_TEXT,
                both("Name", "Name"), LocalizedText.NONE, true, 1001)).key());
        assertEquals("channel.field.maxLength.range", refused(() -> QuestionField.text("story", FieldType.LONG_TEXT,
                both("Story", "Bericht"), LocalizedText.NONE, true, 100_001)).key());
        assertEquals("channel.field.maxFiles.range", refused(() -> QuestionField.file("proof", both("Proof", "Beleg"),
                LocalizedText.NONE, false, 0, UploadLimits.MIB)).key());
        assertEquals("channel.field.maxFileSize.range", refused(() -> QuestionField.file("proof", both("Proof", "Beleg"),
                LocalizedText.NONE, false, 3, -5)).key());
        assertEquals("channel.field.maxFileSize.range", refused(() -> QuestionField.file("proof", both("Proof", "Beleg"),
                LocalizedText.NONE, false, 3, Long.MAX_VALUE)).key());
    }

    @Test
    void dropsConstraintsThatDoNotBelongToTheKind() {
        QuestionField date = new QuestionField("when", FieldType.DATE, both("When?", "Wann?"), null, false, 99,
                List.of(new ChoiceOption("x", both("X", "X"))), 4, 5);
        assertEquals(0, date.maxLength());
        assertTrue(date.options().isEmpty());
        assertEquals(0, date.maxFiles());
        assertEquals("", date.helpIn(Locale.GERMAN));
        assertEquals("Wann?", date.labelIn(Locale.GERMAN));
    }

    @Test
    void refusesRetentionOutOfRangeAndAbsurdUploadLimits() {
        assertEquals("channel.retention.range", refused(() -> new Retention(29)).key());
        assertEquals("channel.retention.range", refused(() -> new Retention(3651)).key());
        assertEquals(30, new Retention(30).days());
        assertEquals("channel.uploads.maxFileSize.range",
                refused(() -> new UploadLimits(true, -1, 3, UploadLimits.MIB)).key());
        assertEquals("channel.uploads.maxFiles.range",
                refused(() -> new UploadLimits(true, UploadLimits.MIB, 0, UploadLimits.MIB)).key());
        assertEquals("channel.uploads.maxFiles.range",
                refused(() -> new UploadLimits(true, UploadLimits.MIB, 10_000, UploadLimits.MIB)).key());
        assertEquals("channel.uploads.maxTotal.range",
                refused(() -> new UploadLimits(true, UploadLimits.MIB, 3, 1L << 50)).key());
        assertEquals("channel.uploads.maxTotal.belowFile",
                refused(() -> new UploadLimits(true, 10 * UploadLimits.MIB, 3, UploadLimits.MIB)).key());
    }
}
