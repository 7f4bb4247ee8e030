package org.candor.portal.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes reading a channel's stored questionnaire document: whatever the text column holds, reading gives a
 * questionnaire that passed the editing rules, or fails loudly with an {@link IllegalStateException} (a document
 * that is not a questionnaire of a known format) or an {@link InvalidChannelInput} (one that no longer passes
 * validation), as {@link QuestionnaireJson} says; nothing else escapes, and a questionnaire read is stored back
 * as a document that reads as the same questionnaire.
 */
class QuestionnaireJsonFuzzTest {

    private final QuestionnaireJson json = new QuestionnaireJson();

    @FuzzTest
    void convertToEntityAttribute(byte[] stored) {
        Questionnaire questionnaire;
        try {
            questionnaire = json.convertToEntityAttribute(new String(stored, StandardCharsets.UTF_8));
        } catch (IllegalStateException | InvalidChannelInput refused) {
            return;
        }
        assertEquals(questionnaire, json.convertToEntityAttribute(json.convertToDatabaseColumn(questionnaire)));
    }
}
