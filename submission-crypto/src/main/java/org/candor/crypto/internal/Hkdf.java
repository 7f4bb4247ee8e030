package org.candor.crypto.internal;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF-SHA-256 (RFC 5869) and HMAC-SHA-256 on the JDK, exactly as WebCrypto computes them, so a browser can derive
 * the same values (docs/design.md property 3). Kept here rather than on Bouncy Castle so the reply-code path depends
 * on nothing but the JDK.
 */
public final class Hkdf {

    private Hkdf() {
    }

    public static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
        }
    }

    /** HKDF-SHA-256 extract-then-expand; {@code length} at most 255 * 32. */
    public static byte[] derive(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length) {
        if (length <= 0 || length > 255 * 32) {
            throw new IllegalArgumentException("bad HKDF length " + length);
        }
        byte[] pseudoRandomKey = hmacSha256(salt.length == 0 ? new byte[32] : salt, inputKeyMaterial);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
            byte[] out = new byte[length];
            byte[] previous = new byte[0];
            int filled = 0;
            for (int counter = 1; filled < length; counter++) {
                mac.update(previous);
                mac.update(info);
                mac.update((byte) counter);
                previous = mac.doFinal();
                int n = Math.min(previous.length, length - filled);
                System.arraycopy(previous, 0, out, filled, n);
                filled += n;
            }
            java.util.Arrays.fill(pseudoRandomKey, (byte) 0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
        }
    }
}
