package org.candor.portal.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes reading an opened message document ({@value MessageContents#FORMAT}), which a whistleblower's browser
 * writes and seals (docs/design.md property 10, bad input fails clearly): any bytes give the message or an
 * {@link IllegalArgumentException}, the refusal the desk and the contact pages turn into "cannot be shown";
 * nothing else escapes, and what is read writes back to a document that reads as the same message.
 */
class MessageContentsFuzzTest {

    @FuzzTest
    void fromJson(byte[] opened) {
        MessageContents message;
        try {
            message = MessageContents.fromJson(opened);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertEquals(message, MessageContents.fromJson(message.toJson()));
    }
}
