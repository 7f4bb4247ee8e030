package org.candor.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.candor.crypto.Opener;
import org.candor.crypto.ReplyCode;
import org.candor.crypto.ReplyCodeDerivation;
import org.candor.crypto.Sealer;
import org.candor.crypto.UnlockedKey;
import org.candor.crypto.WhistleblowerKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sealed messages are padded to PADMÉ sizes inside the encryption (docs/protocol.md, "Padding"; docs/design.md
 * property 6): a stored ciphertext's size no longer names the exact plaintext size, the padding costs at most
 * 12 % of the content from 512 bytes up (at most 50 bytes below), and opening gives back exactly what was sealed.
 */
class PaddingTest {

    private static ReplyCode code;
    private static WhistleblowerKey key;

    @BeforeAll
    static void key() {
        code = ReplyCode.generate();
        key = WhistleblowerKey.generate(ReplyCodeDerivation.lockSecret(code));
    }

    @Test
    void twoHundredDifferentFileSizesGiveOnlyAFewCiphertextSizes() throws Exception {
        Set<Integer> sizes = new HashSet<>();
        Random random = new Random(7);
        try (UnlockedKey unlocked = key.unlock(ReplyCodeDerivation.lockSecret(code))) {
            for (int plain = 50_000; plain < 60_000; plain += 50) {
                byte[] content = new byte[plain];
                random.nextBytes(content);
                byte[] sealed = Sealer.to(key.recipient()).seal(content, Sealer.Content.BINARY);
                sizes.add(sealed.length);
                if (plain % 1000 == 0) {
                    try (InputStream in = new ByteArrayInputStream(sealed)) {
                        assertArrayEquals(content, Opener.with(unlocked).openAll(in, 1 << 20));
                    }
                }
            }
        }
        assertTrue(sizes.size() <= 8, "200 plaintext sizes gave " + sizes.size() + " ciphertext sizes: " + sizes);
    }

    @Test
    void compressedTextIsPaddedToo() throws Exception {
        Set<Integer> sizes = new HashSet<>();
        for (int words = 2000; words < 2400; words += 4) {
            String text = "word ".repeat(words) + Integer.toHexString(new Random(words).nextInt()).repeat(words / 10);
            sizes.add(Sealer.to(key.recipient()).seal(text.getBytes(), Sealer.Content.TEXT).length);
        }
        assertTrue(sizes.size() < 20, "100 texts gave " + sizes.size() + " ciphertext sizes");
    }

    @Test
    void thePaddingPacketReachesAPadmeSizeAndCostsAtMostTwelvePercent() {
        double worst = 0;
        long worstAt = 0;
        double worstFromOneMiB = 0;
        for (long content = 1; content < 64L * 1024 * 1024; content += 1 + content / 97) {
            byte[] padding = Messages.paddingPacket(content);
            long total = content + padding.length;
            assertEquals(Messages.padme(total), total, "a PADMÉ size at " + content);
            assertEquals(0xd5, padding[0] & 0xff, "a padding packet (tag 21, new format)");
            assertTrue(padding.length >= Messages.MIN_PADDING_PACKET, "at least the smallest packet at " + content);
            if (content < 512) {
                assertTrue(padding.length <= 50, padding.length + " bytes of padding for " + content);
                continue;
            }
            double overhead = (double) padding.length / content;
            if (overhead > worst) {
                worst = overhead;
                worstAt = content;
            }
            if (content >= 1 << 20) {
                worstFromOneMiB = Math.max(worstFromOneMiB, overhead);
            }
        }
        assertTrue(worst <= 0.12, "padding of " + worst + " at " + worstAt + " bytes");
        System.out.printf("largest padding overhead from 512 B to 64 MiB: %.2f %% at %d bytes; from 1 MiB: %.2f %%%n",
                worst * 100, worstAt, worstFromOneMiB * 100);
    }
}
