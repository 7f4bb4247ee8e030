package org.candor.portal.staff;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static final Username ADA = new Username("ada.l");

    private static String refusal(String password, String repeated) {
        return assertThrows(InvalidStaffInput.class,
                () -> PasswordPolicy.check(password.toCharArray(), repeated.toCharArray(), ADA)).messageKey();
    }

    @Test
    void acceptsALongPassphraseWithoutCharacterClassRules() {
        assertDoesNotThrow(() -> PasswordPolicy.check("plum anchor velvet ninety".toCharArray(),
                "plum anchor velvet ninety".toCharArray(), ADA));
    }

    @Test
    void refusesShortLongMismatchedAndGuessablePasswords() {
        assertEquals("staff.password.tooShort", refusal("Sh0rt!pass", "Sh0rt!pass"));
        assertEquals("staff.password.tooLong", refusal("x".repeat(257), "x".repeat(257)));
        assertEquals("staff.password.mismatch", refusal("plum anchor velvet ninety", "plum anchor velvet"));
        assertEquals("staff.password.guessable", refusal("Password1234", "Password1234"));
        assertEquals("staff.password.guessable", refusal("my name is ada.l!", "my name is ada.l!"));
        assertEquals("staff.password.guessable", refusal("abababababababab", "abababababababab"));
    }

    @Test
    void usernamesAreNormalisedAndValidated() {
        assertEquals("ada.l", Username.parse("  Ada.L ").value());
        assertEquals("staff.username.invalid",
                assertThrows(InvalidStaffInput.class, () -> Username.parse("a")).messageKey());
        assertThrows(InvalidStaffInput.class, () -> Username.parse("ada lovelace"));
        assertThrows(InvalidStaffInput.class, () -> Username.parse("-ada"));
        assertThrows(InvalidStaffInput.class, () -> new DisplayName("Ada\u0000"));
        assertThrows(InvalidStaffInput.class, () -> new DisplayName("   "));
    }
}
