package org.candor.crypto;

import java.util.List;

import org.bouncycastle.openpgp.PGPPrivateKey;

/**
 * The decryption part of an investigator or whistleblower key, unlocked in memory for a session; hand it to an
 * {@link Opener}. Keeps docs/design.md property 4 ("unlocked in memory for a session"): it is never serialised, prints
 * only its fingerprint, and {@link #close()} drops the unlocked key so that it cannot be used again.
 *
 * <p>Closing releases the references; the Java heap cannot be wiped reliably (Bouncy Castle keeps key material in
 * immutable objects), so keep unlocked keys short-lived and close them when the session ends.
 */
public final class UnlockedKey implements AutoCloseable {

    private final String fingerprint;
    private volatile List<PGPPrivateKey> keys;

    UnlockedKey(String fingerprint, List<PGPPrivateKey> keys) {
        this.fingerprint = fingerprint;
        this.keys = List.copyOf(keys);
    }

    /** Fingerprint of the key this was unlocked from. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return keys == null;
    }

    List<PGPPrivateKey> privateKeys() {
        List<PGPPrivateKey> current = keys;
        if (current == null) {
            throw new IllegalStateException("the key " + fingerprint + " was closed (locked again)");
        }
        return current;
    }

    @Override
    public void close() {
        keys = null;
    }

    @Override
    public String toString() {
        return "UnlockedKey[" + fingerprint + (isClosed() ? ", closed]" : "]");
    }
}
