package org.candor.portal.platform.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OneTimeTokenTest {

    @Test
    void isLongRandomAndUrlSafe() {
        OneTimeToken a = OneTimeToken.generate();
        OneTimeToken b = OneTimeToken.generate();
        assertNotEquals(a.value(), b.value());
        assertEquals(43, a.value().length(), "256 bits in base64url");
        assertEquals(a.value(), OneTimeToken.parse(a.value()).value());
    }

    @Test
    void storesADigestAndNeverPrintsItself() {
        OneTimeToken token = OneTimeToken.generate();
        assertEquals(64, token.digest().length());
        assertFalse(token.digest().contains(token.value()));
        assertFalse(token.toString().contains(token.value()));
    }

    @Test
    void refusesAnythingNotShapedLikeAToken() {
        assertThrows(IllegalArgumentException.class, () -> OneTimeToken.parse("short"));
        assertThrows(IllegalArgumentException.class, () -> OneTimeToken.parse("x".repeat(42) + "/"));
        assertThrows(IllegalArgumentException.class, () -> OneTimeToken.parse(null));
    }
}
