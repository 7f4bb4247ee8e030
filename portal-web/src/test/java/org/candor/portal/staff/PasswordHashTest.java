package org.candor.portal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    private static final char[] PASSWORD = "plum anchor velvet ninety".toCharArray();

    @Test
    void verifiesTheRightPasswordOnlyAndTellsNothingInToString() {
        PasswordHash hash = PasswordHash.of(PASSWORD);
        assertTrue(hash.matches(PASSWORD));
        assertFalse(hash.matches("plum anchor velvet ninetY".toCharArray()));
        assertFalse(hash.toString().contains(hash.encoded().substring(hash.encoded().lastIndexOf('$') + 1)));
    }

    @Test
    void storesAnArgon2idPhcStringThatReadsBackTheSame() {
        PasswordHash hash = PasswordHash.of(PASSWORD);
        String encoded = hash.encoded();
        assertTrue(encoded.startsWith("$argon2id$v=19$m=47104,t=1,p=1$"), encoded);
        PasswordHash read = PasswordHash.parse(encoded);
        assertEquals(encoded, read.encoded());
        assertTrue(read.matches(PASSWORD));
        assertFalse(read.needsRehash());
    }

    @Test
    void saltsEachHashSoEqualPasswordsLookDifferent() {
        assertNotEquals(PasswordHash.of(PASSWORD).encoded(), PasswordHash.of(PASSWORD).encoded());
    }

    @Test
    void recognisesWeakerParametersAndRejectsForeignFormats() {
        String weak = PasswordHash.of(PASSWORD).encoded().replace("m=47104", "m=4096");
        assertTrue(PasswordHash.parse(weak).needsRehash());
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("$2y$10$abcdefghijklmnopqrstuv"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("plain"));
    }

    @Test
    void matchesAKnownArgon2idVector() {
        // Made with the reference implementation of RFC 9106 (Debian package argon2):
        // echo -n password | argon2 somesaltsomesalt -id -m 12 -t 1 -p 1 -e
        PasswordHash reference = PasswordHash.parse(
                "$argon2id$v=19$m=4096,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$2gwotFrXd0+zAFJqh3DHaDnAxcUpU8hrA/whR9a0Ls0");
        assertTrue(reference.matches("password".toCharArray()));
    }
}
