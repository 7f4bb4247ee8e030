package org.candor.crypto;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 32-byte secret, derived from a reply code, that locks the case's {@link WhistleblowerKey}. Keeps docs/design.md
 * property 5: it is never stored or sent to the server by a browser; it exists in memory only while a
 * whistleblower presents the code. It is used as the key's OpenPGP passphrase in lower-case hex (64 characters),
 * so that OpenPGP.js can unlock the same key in the browser.
 */
public final class LockSecret implements AutoCloseable {

    static final int LENGTH = 32;
    private final byte[] bytes;
    private boolean closed;

    LockSecret(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a lock secret has " + LENGTH + " bytes");
        }
        this.bytes = bytes.clone();
    }

    /** The OpenPGP passphrase: lower-case hex of the 32 bytes. A fresh array, for the caller to wipe. */
    char[] passphrase() {
        if (closed) {
            throw new IllegalStateException("the lock secret was wiped");
        }
        return HexFormat.of().formatHex(bytes).toCharArray();
    }

    /** Constant-time comparison. */
    @Override
    public boolean equals(Object other) {
        return other instanceof LockSecret that && java.security.MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 0;
    }

    /** Wipes the secret. */
    @Override
    public void close() {
        Arrays.fill(bytes, (byte) 0);
        closed = true;
    }

    @Override
    public String toString() {
        return "LockSecret[hidden]";
    }
}
