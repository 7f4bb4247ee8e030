package org.candor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes opening (docs/design.md: crypto fails closed): any bytes either open to a plaintext whose integrity check
 * passed, or fail with a {@link CryptoException}; the streaming and the whole-message way agree; and whatever
 * Candor seals, to two keys, opens with one of them to exactly what was sealed.
 */
class OpenerFuzzTest {

    private static final int MOST = 1 << 20;
    private static final Opener OPENER = Opener.with(FuzzKeys.unlockA());
    private static final Sealer SEALER = Sealer.to(FuzzKeys.a().recipient(), FuzzKeys.b().recipient());

    @FuzzTest
    void open(byte[] input) throws IOException {
        byte[] whole = null;
        try {
            whole = OPENER.openAll(new ByteArrayInputStream(input), MOST);
        } catch (CryptoException refused) {
            // refused with a typed reason: the contract
        }
        try (OpenedStream stream = OPENER.open(new ByteArrayInputStream(input))) {
            byte[] streamed = stream.readNBytes(MOST + 1);
            if (streamed.length <= MOST) {
                assertTrue(stream.isVerified(), "end of stream without the integrity check");
                assertArrayEquals(whole, streamed, "openAll and the stream disagree");
            }
        } catch (CryptoException refused) {
            assertTrue(whole == null, "the stream refused what openAll accepted: " + refused);
        }

        Sealer.Content content = input.length % 2 == 0 ? Sealer.Content.TEXT : Sealer.Content.BINARY;
        byte[] sealed = SEALER.seal(input, content);
        assertArrayEquals(input, OPENER.openAll(new ByteArrayInputStream(sealed), input.length));
    }
}
