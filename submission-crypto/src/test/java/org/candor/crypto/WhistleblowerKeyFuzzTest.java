package org.candor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the locked case key a whistleblower's browser uploads with a report (docs/design.md properties 2 and 5): the
 * intake reads it with {@link WhistleblowerKey#fromStorage}, and the contact sign-in later unlocks it with the
 * secret derived from the reply code. Any bytes give a key or a {@link KeyRejected}; unlocking gives a key that
 * opens what is sealed to it, or {@link WrongPassphrase}; never anything else, and never unbounded work or
 * memory for the protection the uploader chose.
 */
class WhistleblowerKeyFuzzTest {

    private static final byte[] MESSAGE = "a reply from the investigator".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @FuzzTest
    void fromStorage(byte[] uploaded) throws IOException {
        WhistleblowerKey key;
        try {
            key = WhistleblowerKey.fromStorage(uploaded);
        } catch (KeyRejected rejected) {
            assertNotNull(rejected.reason());
            return;
        }
        byte[] sealed = Sealer.to(key.recipient()).seal(MESSAGE, Sealer.Content.TEXT);
        try (LockSecret secret = FuzzKeys.lockSecret(FuzzKeys.CODE_A); UnlockedKey unlocked = key.unlock(secret)) {
            assertArrayEquals(MESSAGE, Opener.with(unlocked).openAll(new ByteArrayInputStream(sealed), MESSAGE.length));
        } catch (WrongPassphrase wrong) {
            // not locked by this code's secret
        }
    }
}
