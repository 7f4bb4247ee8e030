package org.candor.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the import of an investigator's existing secret key (docs/design.md property 4), the text pasted on the key
 * page: it either gives a key, re-locked for storage, whose public part is what {@link RecipientKey} reads from
 * the same text, or fails with {@link KeyRejected} or {@link WrongPassphrase}; never anything else, and never
 * an unbounded amount of work or memory for a key's passphrase protection.
 */
class InvestigatorKeyFuzzTest {

    @FuzzTest
    void importArmored(byte[] pasted) throws KeyRejected {
        String text = new String(pasted, StandardCharsets.UTF_8);
        InvestigatorKey key;
        try {
            key = InvestigatorKey.importArmored(text, FuzzKeys.PASSPHRASE);
        } catch (KeyRejected rejected) {
            assertNotNull(rejected.reason());
            return;
        } catch (WrongPassphrase wrong) {
            return;
        }
        assertEquals(RecipientKey.fromArmored(text).fingerprint(), key.fingerprint());
        assertEquals(key.fingerprint(), InvestigatorKey.fromStorage(key.toStorage()).fingerprint());
    }
}
