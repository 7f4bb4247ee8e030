package org.candor.portal.channel;

import static org.candor.portal.channel.Fixtures.both;
import static org.candor.portal.channel.Fixtures.shortText;
import static org.candor.portal.channel.Fixtures.singleChoice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuestionnaireTest {

    private final Questionnaire questionnaire = new Questionnaire(List.of(
            shortText("subject", true),
            QuestionField.text("story", FieldType.LONG_TEXT, both("What happened?", "Was ist passiert?"),
                    LocalizedText.NONE, true, 100),
            singleChoice("where", false),
            QuestionField.choice("who", FieldType.MULTIPLE_CHOICE, both("Who?", "Wer?"), LocalizedText.NONE, false,
                    List.of(new ChoiceOption("boss", both("Boss", "Chef")),
                            new ChoiceOption("peer", both("Peer", "Kollege")),
                            new ChoiceOption("other", both("Other", "Andere")))),
            QuestionField.date("when", both("When?", "Wann?"), LocalizedText.NONE, false),
            QuestionField.file("proof", both("Proof", "Beleg"), LocalizedText.NONE, false, 2, 5 * UploadLimits.MIB)));

    @Test
    void refusesTwoFieldsWithTheSameKey() {
        InvalidChannelInput e = assertThrows(InvalidChannelInput.class,
                () -> questionnaire.with(shortText("story", false)));
        assertEquals("channel.field.key.duplicate", e.problem().key());
        assertEquals(List.of("story"), e.problem().arguments());
    }

    @Test
    void movesRemovesAndReplacesFieldsWithoutChangingTheOriginal() {
        Questionnaire moved = questionnaire.moving("story", -1);
        assertEquals("story", moved.fields().get(0).key());
        assertEquals("subject", questionnaire.fields().get(0).key(), "the original is unchanged");
        assertEquals(moved, moved.moving("story", -1), "moving the first field up changes nothing");
        assertEquals(questionnaire, questionnaire.moving("proof", 1));
        assertFalse(questionnaire.without("when").field("when").isPresent());
        Questionnaire renamed = questionnaire.replacing("subject", shortText("title", true));
        assertEquals("title", renamed.fields().get(0).key());
        assertEquals("channel.field.unknown",
                assertThrows(InvalidChannelInput.class, () -> questionnaire.without("nope")).problem().key());
        assertEquals("channel.field.key.duplicate", assertThrows(InvalidChannelInput.class,
                () -> questionnaire.replacing("subject", shortText("story", true))).problem().key());
    }

    @Test
    void refusesMoreThanFortyFields() {
        Questionnaire full = Questionnaire.EMPTY;
        for (int i = 0; i < Questionnaire.MAX_FIELDS; i++) {
            full = full.with(shortText("q" + i, false));
        }
        Questionnaire last = full;
        assertEquals("channel.questionnaire.tooManyFields",
                assertThrows(InvalidChannelInput.class, () -> last.with(shortText("more", false))).problem().key());
    }

    @Test
    void acceptsCompleteAnswersInQuestionnaireOrderAndIgnoresUnknownFields() {
        AnswerCheck check = questionnaire.check(new SubmittedAnswers(Map.of(
                "who", List.of("boss", "peer"),
                "subject", List.of("Invoices"),
                "story", List.of("Line one\nline two"),
                "when", List.of("2026-02-28"),
                "where", List.of(""),
                "injected", List.of("<script>")), Map.of("proof", List.of(10L, 20L))));
        assertTrue(check.isValid(), check.toString());
        assertEquals(List.of("subject", "story", "who", "when"), List.copyOf(check.accepted().keySet()));
        assertFalse(check.accepted().containsKey("injected"));
    }

    @Test
    void namesEachFieldsProblemSoTheFormCanComeBackWithMessages() {
        AnswerCheck check = questionnaire.check(new SubmittedAnswers(Map.of(
                "subject", List.of("two\nlines"),
                "story", List.of("x".repeat(101)),
                "where", List.of("office", "plant"),
                "who", List.of("boss", "boss"),
                "when", List.of("31.02.2026")), Map.of("proof", List.of(1L, 2L, 3L * UploadLimits.MIB * 10))));
        assertFalse(check.isValid());
        assertEquals("channel.answer.singleLine", check.problemsOf("subject").get(0).key());
        assertEquals(Problem.of("channel.answer.tooLong", 100, 101), check.problemsOf("story").get(0));
        assertEquals("channel.answer.oneValueOnly", check.problemsOf("where").get(0).key());
        assertEquals("channel.answer.repeatedOption", check.problemsOf("who").get(0).key());
        assertEquals("channel.answer.date.invalid", check.problemsOf("when").get(0).key());
        assertEquals(List.of("channel.answer.files.tooMany", "channel.answer.file.tooLarge"),
                check.problemsOf("proof").stream().map(Problem::key).toList());
        assertTrue(check.accepted().isEmpty());
    }

    @Test
    void requiresRequiredAnswersAndKnownOptions() {
        Questionnaire strict = new Questionnaire(List.of(shortText("subject", true), singleChoice("where", true),
                QuestionField.file("proof", both("Proof", "Beleg"), LocalizedText.NONE, true, 1, UploadLimits.MIB)));
        AnswerCheck check = strict.check(SubmittedAnswers.of(Map.of("subject", List.of("   "),
                "where", List.of("moon"))));
        assertEquals("channel.answer.required", check.problemsOf("subject").get(0).key());
        assertEquals("channel.answer.unknownOption", check.problemsOf("where").get(0).key());
        assertEquals("channel.answer.file.required", check.problemsOf("proof").get(0).key());
    }

    @Test
    void refusesControlCharactersInLongText() {
        AnswerCheck check = questionnaire.check(SubmittedAnswers.of(Map.of(
                "subject", List.of("ok"), "story", List.of("bell\u0007"))));
        assertEquals("channel.answer.control", check.problemsOf("story").get(0).key());
    }

    @Test
    void neverPrintsAnswers() {
        SubmittedAnswers answers = SubmittedAnswers.of(Map.of("subject", List.of("canary-7781")));
        assertFalse(answers.toString().contains("canary-7781"));
        assertFalse(questionnaire.check(answers).toString().contains("canary-7781"));
    }
}
