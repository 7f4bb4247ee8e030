package org.candor.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.candor.crypto.internal.Hkdf;

/**
 * Derives, from a reply code, the two independent values the protocol needs: the {@link PreHandle} (turned into
 * the stored {@link LookupHandle} by the server's {@link Pepper}) and the {@link LockSecret} (locks the
 * whistleblower key; never stored). Keeps docs/design.md property 3 and 5.
 *
 * <p>Both are HKDF-SHA-256 over the code's canonical form (28 upper-case ASCII symbols, no separators), with salt
 * {@value #SALT} and the info strings {@value #PRE_HANDLE_INFO} and {@value #LOCK_SECRET_INFO}, 32 bytes each.
 * A browser computes both with WebCrypto alone ({@code deriveBits} with HKDF); the no-JavaScript path computes the
 * same on the server, in memory. A fast derivation is enough: the code has 130 random bits, so no amount of
 * stretching would change what guessing costs, while a memory-hard function would make sign-in a denial-of-service
 * lever. The exact recipe and a test vector are in docs/protocol.md.
 */
public final class ReplyCodeDerivation {

    /** HKDF salt (UTF-8/ASCII bytes). */
    public static final String SALT = "candor/reply-code/v1";
    /** HKDF info for the pre-handle. */
    public static final String PRE_HANDLE_INFO = "candor/pre-handle/v1";
    /** HKDF info for the lock secret. */
    public static final String LOCK_SECRET_INFO = "candor/lock-secret/v1";

    private ReplyCodeDerivation() {
    }

    public static PreHandle preHandle(ReplyCode code) {
        return new PreHandle(derive(code, PRE_HANDLE_INFO, PreHandle.LENGTH));
    }

    public static LockSecret lockSecret(ReplyCode code) {
        byte[] secret = derive(code, LOCK_SECRET_INFO, LockSecret.LENGTH);
        try {
            return new LockSecret(secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static byte[] derive(ReplyCode code, String info, int length) {
        byte[] input = code.canonicalBytes();
        try {
            return Hkdf.derive(input, SALT.getBytes(StandardCharsets.US_ASCII), info.getBytes(StandardCharsets.US_ASCII), length);
        } finally {
            Arrays.fill(input, (byte) 0);
        }
    }
}
