package org.candor.crypto;

import java.security.SecureRandom;
import java.util.Arrays;

import org.candor.crypto.internal.Hkdf;

/**
 * The server-held secret that keys the lookup handles: {@code handle = HMAC-SHA-256(pepper, preHandle)}. Keeps
 * docs/design.md property 3: a stolen database of handles does not let anyone test reply codes without the pepper.
 * Keep it outside the database (configuration secret); dedicate it to this use. Prints nothing of itself.
 */
public final class Pepper implements AutoCloseable {

    /** Bytes of a generated pepper; also the minimum accepted. */
    public static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private boolean closed;

    private Pepper(byte[] key) {
        this.key = key;
    }

    public static Pepper generate() {
        byte[] key = new byte[LENGTH];
        RANDOM.nextBytes(key);
        return new Pepper(key);
    }

    /** A pepper from configuration; at least 32 bytes. The array is copied. */
    public static Pepper fromBytes(byte[] key) {
        if (key.length < LENGTH) {
            throw new IllegalArgumentException("a pepper needs at least " + LENGTH + " random bytes");
        }
        return new Pepper(key.clone());
    }

    /** The pepper's bytes, to save in configuration once after {@link #generate()}. */
    public byte[] toBytes() {
        check();
        return key.clone();
    }

    /** The stored lookup handle for a pre-handle. */
    public LookupHandle handle(PreHandle preHandle) {
        check();
        return new LookupHandle(Hkdf.hmacSha256(key, preHandle.bytes()));
    }

    /** The stored lookup handle for a code typed in on the no-JavaScript path. */
    public LookupHandle handle(ReplyCode code) {
        return handle(ReplyCodeDerivation.preHandle(code));
    }

    private void check() {
        if (closed) {
            throw new IllegalStateException("the pepper was wiped");
        }
    }

    @Override
    public void close() {
        Arrays.fill(key, (byte) 0);
        closed = true;
    }

    @Override
    public String toString() {
        return "Pepper[hidden]";
    }
}
