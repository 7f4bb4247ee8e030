package org.candor.portal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The staff second factor against the test vectors of RFC 6238, appendix B (HMAC-SHA-1, the
 * algorithm authenticator apps default to): an authenticator app computes these, so agreeing
 * with the standard is what lets staff sign in. Candor shows six digits, the last six of the
 * RFC's eight.
 */
class TotpTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130",
    })
    void matchesRfc6238(long epochSecond, String eightDigits) {
        assertEquals(eightDigits.substring(2), Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(epochSecond))));
    }

    @Test
    void acceptsTheCodeOfTheStepBeforeAndAfterButNoFurther() {
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.step(now);
        assertEquals(step - 1, Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now).orElseThrow());
        assertEquals(step + 1, Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now).orElseThrow());
        assertTrue(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now).isEmpty());
        assertTrue(Totp.matchingStep(RFC_SECRET, "12345", now).isEmpty());
    }

    @Test
    void encodesTheSecretInRfc4648Base32ForAuthenticatorApps() {
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.base32(RFC_SECRET));
    }
}
