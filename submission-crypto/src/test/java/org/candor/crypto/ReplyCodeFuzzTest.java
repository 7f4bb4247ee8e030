package org.candor.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes reading a reply code as a person typed it (docs/design.md property 3): any text gives a code or a
 * {@link ReplyCodeTypo}; an accepted code shows as seven groups of four that read back as the same code.
 */
class ReplyCodeFuzzTest {

    @FuzzTest
    void parse(byte[] typed) {
        String text = new String(typed, StandardCharsets.UTF_8);
        ReplyCode code;
        try {
            code = ReplyCode.parse(text);
        } catch (ReplyCodeTypo typo) {
            return; // refused with a message that says what is wrong: the contract
        }
        try (code) {
            String shown = code.display();
            assertTrue(shown.matches("([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}"), "display form");
            try (ReplyCode again = ReplyCode.parse(shown)) {
                assertEquals(code, again);
                assertEquals(shown, again.display());
            } catch (ReplyCodeTypo typo) {
                throw new AssertionError("the display form of an accepted code is refused", typo);
            }
        }
    }
}
