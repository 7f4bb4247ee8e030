package org.candor.deploy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The authenticator app on a staff member's phone, written independently of the portal's own
 * code (RFC 6238: HMAC-SHA-1, six digits, 30-second steps), fed with the key typed from the
 * enrolment page. It remembers the last step it answered with, because the portal refuses a
 * code of a step already used: a person whose sign-ins follow each other within seconds waits
 * for the next code, as they would with a phone.
 */
final class Authenticator {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final byte[] secret;
    private long lastStep = Long.MIN_VALUE;

    /** The app after the person typed the key shown in groups on the enrolment page. */
    Authenticator(String typedKey) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : typedKey.replace(" ", "").toUpperCase(Locale.ROOT).toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not a base32 key: " + typedKey);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        secret = out.toByteArray();
    }

    /**
     * A code the portal has not seen yet from this app: the current step's code, or the next
     * step's (the portal accepts one step of clock drift), or, when both were used, the code of
     * the step after them once the clock reaches it.
     */
    String freshCode() throws InterruptedException {
        long now = step(Instant.now());
        if (lastStep > now) {
            // Both this step and the next were used: the phone shows a new code within 30 s.
            Thread.sleep(Math.max(0, lastStep * 30_000 - System.currentTimeMillis()) + 200);
            now = step(Instant.now());
        }
        long chosen = Math.max(now, lastStep + 1);
        lastStep = chosen;
        return code(chosen);
    }

    /** Six digits that are the code of no step the portal would accept now. */
    String wrongCode() {
        long now = step(Instant.now());
        for (String candidate : new String[] {"000000", "111111", "222222"}) {
            if (!candidate.equals(code(now - 1)) && !candidate.equals(code(now)) && !candidate.equals(code(now + 1))) {
                return candidate;
            }
        }
        throw new AssertionError("unreachable: three fixed codes cannot all be current");
    }

    /** The code of the step used last, as someone who replays an observed code would type it. */
    String lastCode() {
        return code(lastStep);
    }

    private static long step(Instant at) {
        return at.getEpochSecond() / 30;
    }

    private String code(long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-1 is part of every Java platform", e);
        }
    }
}
