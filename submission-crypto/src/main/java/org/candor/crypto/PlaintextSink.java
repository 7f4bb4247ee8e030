package org.candor.crypto;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where {@link Opener#openTo} writes plaintext that is not yet trusted, and that is told at the end whether to
 * keep it. Keeps the docs/design.md rule "decrypted data is released only after the integrity check passed": an
 * implementation must not release or act on what it received before {@link #commit()} (for example: buffer in
 * memory, or feed an index writer's uncommitted transaction), and must forget it on {@link #discard()}.
 */
public interface PlaintextSink {

    /** The stream the plaintext is written to; called once, before any plaintext. */
    OutputStream output() throws IOException;

    /** Called once, after the whole message was written and its integrity check passed. */
    void commit() throws IOException;

    /** Called once instead of {@link #commit()} when the message failed or reading broke: forget everything. */
    void discard();
}
