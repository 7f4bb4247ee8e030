package org.candor.crypto;

import java.io.IOException;
import java.io.InputStream;

import org.candor.crypto.internal.Messages;

/**
 * The plaintext of a message being opened, as a stream: <strong>untrusted until its end</strong>. Keeps the
 * docs/design.md rule "decrypted data is released only after the integrity check passed" for streams that are too large
 * to hold back.
 *
 * <p>OpenPGP checks integrity at the end of a message (SEIPDv1: the MDC after the last byte). This stream
 * therefore hands plaintext on as it is decrypted, and at the end, <em>before</em> it would return end-of-stream,
 * it checks the message: if the check fails, or the message turns out truncated or damaged, {@code read} throws
 * {@link IntegrityCheckFailed} (and keeps throwing it) instead of returning {@code -1}. A caller that copies
 * the stream (for example with {@link InputStream#transferTo}) thus always gets an exception for a bad message;
 * what it wrote so far must be discarded (for an HTTP download: abort the response, never complete it).
 * {@link #isVerified()} turns true only once end-of-stream was returned.
 *
 * <p>Prefer {@link Opener#openTo} (the sink is committed only after the check) or {@link Opener#openAll} (small
 * messages) when the plaintext need not flow before the end.
 */
public final class OpenedStream extends InputStream {

    private final InputStream plaintext;
    private final String openedWith;

    OpenedStream(InputStream plaintext, String openedWith) {
        this.plaintext = plaintext;
        this.openedWith = openedWith;
    }

    @Override
    public int read() throws IOException {
        return plaintext.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return plaintext.read(b, off, len);
    }

    /** True once the whole message was read and its integrity check passed. */
    public boolean isVerified() {
        return Messages.isVerified(plaintext);
    }

    /** Fingerprint of the key that opened the message. */
    public String openedWith() {
        return openedWith;
    }

    @Override
    public void close() throws IOException {
        plaintext.close();
    }
}
