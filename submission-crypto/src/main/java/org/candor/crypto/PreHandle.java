package org.candor.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * The 32-byte value a browser (or the server, on the no-JavaScript path) derives from a reply code and sends to
 * the server, which turns it into the stored {@link LookupHandle} with its {@link Pepper}. Keeps docs/design.md
 * property 3: the code itself never needs to reach the server, and the pre-handle alone unlocks nothing (the lock
 * secret is derived separately). On the wire: base64url without padding (43 characters).
 */
public final class PreHandle {

    static final int LENGTH = 32;
    private final byte[] bytes;

    PreHandle(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a pre-handle has " + LENGTH + " bytes");
        }
        this.bytes = bytes.clone();
    }

    /** Reads a pre-handle sent by a browser (base64url, padding optional). */
    public static PreHandle fromBase64Url(String encoded) {
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a pre-handle is 43 characters of base64url");
        }
        if (decoded.length != LENGTH) {
            throw new IllegalArgumentException("a pre-handle is 43 characters of base64url");
        }
        return new PreHandle(decoded);
    }

    public String toBase64Url() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PreHandle that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "PreHandle[hidden]";
    }
}
