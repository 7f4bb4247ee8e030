package org.candor.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the import of public keys, armored or binary, as an administrator pastes or uploads them (docs/design.md
 * property 4): any bytes give a key that Candor can really seal to, or a {@link KeyRejected} with its reason;
 * an accepted key survives its own armor unchanged.
 */
class RecipientKeyFuzzTest {

    @FuzzTest
    void fromBytes(byte[] offered) throws IOException {
        RecipientKey key;
        try {
            key = RecipientKey.fromBytes(offered);
        } catch (KeyRejected rejected) {
            assertNotNull(rejected.reason());
            return;
        }
        RecipientKey again = RecipientKey.fromArmored(key.toArmored());
        assertEquals(key.fingerprint(), again.fingerprint());
        assertEquals(key.toArmored(), again.toArmored());
        byte[] sealed = Sealer.to(key).seal(new byte[] {1, 2, 3}, Sealer.Content.BINARY);
        CiphertextInspector.Report report = CiphertextInspector.expecting(key).inspect(new ByteArrayInputStream(sealed));
        assertEquals(java.util.Set.of(key.fingerprint()), report.recipientFingerprints());
    }
}
