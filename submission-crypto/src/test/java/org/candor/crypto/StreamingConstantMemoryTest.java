package org.candor.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * Seals and opens a 256 MiB generated stream while this JVM's whole heap is 32 MiB (surefire execution
 * "constant-memory"): memory does not grow with the size of the message.
 */
class StreamingConstantMemoryTest {

    private static final long SIZE = 256L << 20;

    @Test
    void sealsAndOpens256MiBInA32MiBHeap() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        assertTrue(maxHeap < 64L << 20, "run with a small heap (the constant-memory execution); max is " + maxHeap);
        ReplyCode code = ReplyCode.generate();
        WhistleblowerKey key = WhistleblowerKey.generate(ReplyCodeDerivation.lockSecret(code));
        MessageDigest plainDigest = MessageDigest.getInstance("SHA-256");
        MessageDigest openedDigest = MessageDigest.getInstance("SHA-256");

        PipedInputStream ciphertextIn = new PipedInputStream(1 << 16);
        PipedOutputStream ciphertextOut = new PipedOutputStream(ciphertextIn);
        AtomicReference<Throwable> sealingFailure = new AtomicReference<>();
        Thread sealing = new Thread(() -> {
            try (OutputStream out = ciphertextOut;
                 OutputStream plaintext = Sealer.to(key.recipient()).open(out, Sealer.Content.BINARY)) {
                new Generated(SIZE, plainDigest).transferTo(plaintext);
            } catch (Throwable t) {
                sealingFailure.set(t);
            }
        });
        sealing.start();
        long opened = 0;
        try (UnlockedKey unlocked = key.unlock(ReplyCodeDerivation.lockSecret(code));
             OpenedStream in = Opener.with(unlocked).open(ciphertextIn)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                openedDigest.update(buffer, 0, n);
                opened += n;
            }
            assertTrue(in.isVerified());
        }
        sealing.join();
        assertEquals(null, sealingFailure.get());
        assertEquals(SIZE, opened);
        assertTrue(MessageDigest.isEqual(plainDigest.digest(), openedDigest.digest()));
    }

    /** A deterministic stream of {@code size} bytes, hashed as it is read. */
    private static final class Generated extends InputStream {
        private final MessageDigest digest;
        private long remaining;
        private long state = 0x9E3779B97F4A7C15L;

        Generated(long size, MessageDigest digest) {
            this.remaining = size;
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                state = state * 6364136223846793005L + 1442695040888963407L;
                b[off + i] = (byte) (state >>> 56);
            }
            digest.update(b, off, n);
            remaining -= n;
            return n;
        }
    }
}
