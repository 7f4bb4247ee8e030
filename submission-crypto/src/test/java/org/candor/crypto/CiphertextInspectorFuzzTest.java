package org.candor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the key-less inspection the intake runs on every uploaded ciphertext (docs/design.md property 2): whatever
 * bytes arrive, it accepts a message addressed to exactly the expected keys or refuses with a
 * {@link CryptoException}; nothing else escapes, and what it accepts it has read and copied byte for byte.
 */
class CiphertextInspectorFuzzTest {

    private static final CiphertextInspector INSPECTOR =
            CiphertextInspector.expecting(FuzzKeys.a().recipient(), FuzzKeys.b().recipient());

    @FuzzTest
    void inspect(byte[] upload) throws IOException {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        CiphertextInspector.Report report;
        try {
            report = INSPECTOR.inspectWhileCopying(new ByteArrayInputStream(upload), copy);
        } catch (CryptoException refused) {
            return;
        }
        assertEquals(Set.of(FuzzKeys.a().fingerprint(), FuzzKeys.b().fingerprint()), report.recipientFingerprints());
        assertTrue(report.seipdVersion() == 1 || report.seipdVersion() == 2, "SEIPD version " + report.seipdVersion());
        assertTrue(report.ciphertextBytes() <= upload.length);
        assertArrayEquals(Arrays.copyOf(upload, (int) report.ciphertextBytes()), copy.toByteArray(),
                "the copy is exactly what was read");
    }
}
