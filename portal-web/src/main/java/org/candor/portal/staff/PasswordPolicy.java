package org.candor.portal.staff;

import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a staff password is acceptable, after NIST SP 800-63B: long enough, not
 * absurdly long, not the user name, not one of the passwords everyone tries first. No rules
 * about character classes: they make passwords harder to remember, not harder to guess.
 */
public final class PasswordPolicy {

    /** Fewest characters accepted: staff passwords guard access to the portal's most sensitive pages. */
    public static final int MIN_LENGTH = 12;
    /** Most characters accepted: bounds the work of hashing. */
    public static final int MAX_LENGTH = 256;

    private static final Set<String> COMMON = Set.of(
            "password1234", "123456789012", "qwertyuiopas", "passwordpassword", "administrator",
            "letmeinletmein", "iloveyou1234", "welcome12345", "changeme1234", "candorcandor",
            "000000000000", "111111111111", "abcdefghijkl", "qwerty123456", "password123!");

    private PasswordPolicy() {
    }

    /** Throws {@link InvalidStaffInput} with the reason if the password is not acceptable. */
    public static void check(char[] password, char[] repeated, Username username) {
        if (password.length < MIN_LENGTH) {
            throw new InvalidStaffInput("staff.password.tooShort");
        }
        if (password.length > MAX_LENGTH) {
            throw new InvalidStaffInput("staff.password.tooLong");
        }
        if (!java.util.Arrays.equals(password, repeated)) {
            throw new InvalidStaffInput("staff.password.mismatch");
        }
        String lower = new String(password).toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.contains(username.value()) || lower.chars().distinct().count() < 5) {
            throw new InvalidStaffInput("staff.password.guessable");
        }
    }
}
