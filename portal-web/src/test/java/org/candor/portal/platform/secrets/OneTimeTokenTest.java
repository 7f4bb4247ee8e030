package org.candor.portal.admin.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SetupTokenTest {

    @Test
    void isLongRandomAndUrlSafe() {
        SetupToken a = SetupToken.generate();
        SetupToken b = SetupToken.generate();
        assertNotEquals(a.value(), b.value());
        assertEquals(43, a.value().length(), "256 bits in base64url");
        assertEquals(a.value(), SetupToken.parse(a.value()).value());
    }

    @Test
    void storesADigestAndNeverPrintsItself() {
        SetupToken token = SetupToken.generate();
        assertEquals(64, token.digest().length());
        assertFalse(token.digest().contains(token.value()));
        assertFalse(token.toString().contains(token.value()));
    }

    @Test
    void refusesAnythingNotShapedLikeAToken() {
        assertThrows(IllegalArgumentException.class, () -> SetupToken.parse("short"));
        assertThrows(IllegalArgumentException.class, () -> SetupToken.parse("x".repeat(42) + "/"));
        assertThrows(IllegalArgumentException.class, () -> SetupToken.parse(null));
    }
}
