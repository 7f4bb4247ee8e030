package org.candor.portal.channel;

import static org.candor.portal.channel.Fixtures.both;
import static org.candor.portal.channel.Fixtures.shortText;
import static org.candor.portal.channel.Fixtures.singleChoice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one single-choice question a channel may mark as its category, whose answer is kept in clear. */
class QuestionnaireCategoryTest {

    private final QuestionnaireJson json = new QuestionnaireJson();

    private static QuestionField kind() {
        return QuestionField.choice("kind", FieldType.SINGLE_CHOICE, both("Kind of wrongdoing", "Art des Fehlverhaltens"),
                LocalizedText.NONE, false,
                List.of(new ChoiceOption("fraud", both("Fraud", "Betrug")),
                        new ChoiceOption("safety", both("Safety", "Sicherheit")),
                        new ChoiceOption("other", both("Other", "Anderes")))).asCategory(true);
    }

    private final Questionnaire questionnaire = new Questionnaire(List.of(shortText("subject", true), kind(),
            singleChoice("where", false)));

    @Test
    void onlyASingleChoiceQuestionCanBeTheCategory() {
        QuestionField multiple = QuestionField.choice("who", FieldType.MULTIPLE_CHOICE, both("Who?", "Wer?"),
                LocalizedText.NONE, false, List.of(new ChoiceOption("a", both("A", "A")), new ChoiceOption("b", both("B", "B"))));
        for (QuestionField notSingle : List.of(shortText("subject", true),
                QuestionField.text("story", FieldType.LONG_TEXT, both("Story", "Geschichte"), LocalizedText.NONE, true, 100),
                multiple, QuestionField.date("when", both("When?", "Wann?"), LocalizedText.NONE, false))) {
            assertEquals("channel.field.category.singleChoiceOnly",
                    assertThrows(InvalidChannelInput.class, () -> notSingle.asCategory(true)).problem().key(),
                    notSingle.type().name());
        }
        assertTrue(singleChoice("where", false).asCategory(true).category());
        assertFalse(singleChoice("where", false).category(), "a question is not the category unless marked");
    }

    @Test
    void aQuestionnaireHasAtMostOneCategory() {
        assertEquals(Optional.of("kind"), questionnaire.category().map(QuestionField::key));
        InvalidChannelInput twice = assertThrows(InvalidChannelInput.class,
                () -> questionnaire.replacing("where", singleChoice("where", false).asCategory(true)));
        assertEquals("channel.questionnaire.oneCategory", twice.problem().key());
        assertEquals("channel.questionnaire.oneCategory", assertThrows(InvalidChannelInput.class,
                () -> questionnaire.with(singleChoice("place", false).asCategory(true))).problem().key());
        Questionnaire moved = questionnaire.replacing("kind", kind().asCategory(false))
                .replacing("where", singleChoice("where", false).asCategory(true));
        assertEquals(Optional.of("where"), moved.category().map(QuestionField::key), "unmark one, then mark another");
        assertEquals(Optional.empty(), questionnaire.without("kind").category());
    }

    @Test
    void theCategoryIsTheChosenOptionsKeyFromCheckedAnswers() {
        AnswerCheck check = questionnaire.check(SubmittedAnswers.of(Map.of(
                "subject", List.of("Invoices"), "kind", List.of("safety"), "where", List.of("plant"))));
        assertTrue(check.isValid());
        assertEquals(Optional.of("safety"), questionnaire.categoryOf(check.accepted()));
        AnswerCheck unanswered = questionnaire.check(SubmittedAnswers.of(Map.of("subject", List.of("Invoices"))));
        assertEquals(Optional.empty(), questionnaire.categoryOf(unanswered.accepted()));
        Questionnaire without = questionnaire.replacing("kind", kind().asCategory(false));
        assertEquals(Optional.empty(), without.categoryOf(check.accepted()), "no category question, no category");
    }

    @Test
    void acceptsOnlyAnOptionKeyOfTheCategoryQuestionAsASentCategory() {
        assertTrue(questionnaire.isCategoryOption("fraud"));
        assertFalse(questionnaire.isCategoryOption("Fraud"), "a label is not a key");
        assertFalse(questionnaire.isCategoryOption("plant"), "an option of another question");
        assertFalse(questionnaire.isCategoryOption("My boss took money"));
        assertFalse(questionnaire.isCategoryOption(""));
        assertFalse(questionnaire.replacing("kind", kind().asCategory(false)).isCategoryOption("fraud"));
    }

    @Test
    void namesACategoryInTheReadersLanguage() {
        assertEquals("Sicherheit", questionnaire.categoryLabel("safety", Locale.GERMAN));
        assertEquals("Safety", questionnaire.categoryLabel("safety", Locale.ENGLISH));
        assertEquals("gone", questionnaire.categoryLabel("gone", Locale.ENGLISH), "an option removed since shows its key");
    }

    @Test
    void keepsTheCategoryThroughJson() {
        String stored = json.convertToDatabaseColumn(questionnaire);
        Questionnaire read = json.convertToEntityAttribute(stored);
        assertEquals(questionnaire, read);
        assertEquals(Optional.of("kind"), read.category().map(QuestionField::key));
        assertFalse(read.field("where").orElseThrow().category());
    }

    @Test
    void readsAQuestionnaireStoredBeforeCategoriesAsHavingNone() {
        String before = """
                {"format":1,"fields":[{"key":"kind","type":"SINGLE_CHOICE","label":{"de":"Art","en":"Kind"},"help":{},\
                "required":true,"maxLength":0,"options":[{"key":"fraud","label":{"de":"Betrug","en":"Fraud"}},\
                {"key":"other","label":{"de":"Anderes","en":"Other"}}],"maxFiles":0,"maxFileBytes":0}]}""";
        Questionnaire read = json.convertToEntityAttribute(before);
        assertEquals(1, read.fields().size());
        assertEquals(Optional.empty(), read.category());
        assertFalse(read.field("kind").orElseThrow().category());
        assertTrue(read.field("kind").orElseThrow().required(), "the rest reads as before");
    }

    @Test
    void refusesAStoredCategoryOnAFreeTextQuestion() {
        String forged = """
                {"format":1,"fields":[{"key":"story","type":"LONG_TEXT","label":{"de":"Was","en":"What"},"help":{},\
                "required":true,"maxLength":100,"options":[],"maxFiles":0,"maxFileBytes":0,"category":true}]}""";
        assertThrows(InvalidChannelInput.class, () -> json.convertToEntityAttribute(forged));
    }
}
