package org.candor.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What the server stores to find a case from a reply code: HMAC-SHA-256 of the {@link PreHandle} under the
 * server's {@link Pepper}. Keeps docs/design.md property 3: deterministic (so the case can be found), and useless for
 * testing codes without the pepper. Stored as 64 lower-case hex digits; compared in constant time.
 */
public final class LookupHandle {

    static final int LENGTH = 32;
    private final byte[] bytes;

    LookupHandle(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a lookup handle has " + LENGTH + " bytes");
        }
        this.bytes = bytes.clone();
    }

    /** Reads a stored handle. */
    public static LookupHandle fromHex(String hex) {
        byte[] decoded;
        try {
            decoded = HexFormat.of().parseHex(hex.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a lookup handle is 64 hex digits");
        }
        return new LookupHandle(decoded);
    }

    public String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** Constant-time comparison with another handle. */
    public boolean matches(LookupHandle other) {
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LookupHandle that && matches(that);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "LookupHandle[" + toHex() + "]";
    }
}
