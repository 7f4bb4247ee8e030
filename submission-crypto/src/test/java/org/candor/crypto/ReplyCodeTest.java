package org.candor.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ReplyCodeTest {

    /** The published test vector of docs/protocol.md. */
    static final String VECTOR_CODE = "CAND-R0TE-STVE-CT0R-1234-5678-9069";

    @Test
    void generatedCodesHaveAtLeast128BitsAndSevenGroupsOfFour() throws ReplyCodeTypo {
        assertTrue(ReplyCode.ENTROPY_BITS >= 128);
        try (ReplyCode code = ReplyCode.generate()) {
            String shown = code.display();
            assertTrue(shown.matches("([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}"), shown);
            assertEquals(code, ReplyCode.parse(shown));
        }
    }

    @Test
    void generatedCodesDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(ReplyCode.generate().display()));
        }
    }

    @Test
    void parsingIgnoresCaseSpacesAndDashesAndMapsAmbiguousLetters() throws ReplyCodeTypo {
        ReplyCode canonical = ReplyCode.parse(VECTOR_CODE);
        assertEquals(canonical, ReplyCode.parse("cand r0te stve ct0r 1234 5678 9069"));
        assertEquals(canonical, ReplyCode.parse("  CANDROTE-STVECTOR-12345678-9O69 "));
        assertEquals(canonical, ReplyCode.parse("candr0testvect0r123456789069"));
        assertEquals(canonical, ReplyCode.parse("cand-rote-stve-ctor-l234-5678-9o69"));
        assertEquals(canonical, ReplyCode.parse("CANDROTESTVECTORI23456789O69"));
    }

    @Test
    void detectsEverySingleCharacterTypoAndSaysSo() throws ReplyCodeTypo {
        String code = ReplyCode.parse(VECTOR_CODE).display().replace("-", "");
        for (int position = 0; position < code.length(); position++) {
            for (char c : ReplyCode.ALPHABET.toCharArray()) {
                if (c == code.charAt(position)) {
                    continue;
                }
                String typo = code.substring(0, position) + c + code.substring(position + 1);
                ReplyCodeTypo error = assertThrows(ReplyCodeTypo.class, () -> ReplyCode.parse(typo), typo);
                assertTrue(error.getMessage().contains("typo"), error.getMessage());
            }
        }
    }

    @Test
    void detectsEverySwapOfNeighbouringCharacters() throws ReplyCodeTypo {
        for (int round = 0; round < 50; round++) {
            String code = ReplyCode.generate().display().replace("-", "");
            for (int i = 0; i + 1 < code.length(); i++) {
                if (code.charAt(i) == code.charAt(i + 1)) {
                    continue;
                }
                String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
                assertThrows(ReplyCodeTypo.class, () -> ReplyCode.parse(swapped));
            }
        }
    }

    @Test
    void saysWhenCharactersAreMissingOrForeign() {
        String shortCode = VECTOR_CODE.substring(0, VECTOR_CODE.length() - 1);
        assertTrue(assertThrows(ReplyCodeTypo.class, () -> ReplyCode.parse(shortCode)).getMessage().contains("27"));
        assertTrue(assertThrows(ReplyCodeTypo.class, () -> ReplyCode.parse(VECTOR_CODE.replace('C', 'U')))
                .getMessage().contains("U"));
        assertThrows(ReplyCodeTypo.class, () -> ReplyCode.parse(VECTOR_CODE.replace('C', '*')));
        assertThrows(ReplyCodeTypo.class, () -> ReplyCode.parse(VECTOR_CODE + "7"));
    }

    @Test
    void neverPrintsTheCode() throws ReplyCodeTypo {
        ReplyCode code = ReplyCode.parse(VECTOR_CODE);
        assertFalse(code.toString().contains("CAND"));
        ReplyCodeTypo error = assertThrows(ReplyCodeTypo.class, () -> ReplyCode.parse("CANDR0TESTVECT0R123456789068"));
        assertFalse(error.getMessage().contains("CAND"));
    }

    @Test
    void derivationMatchesThePublishedTestVector() throws ReplyCodeTypo {
        try (ReplyCode code = ReplyCode.parse(VECTOR_CODE)) {
            PreHandle preHandle = ReplyCodeDerivation.preHandle(code);
            assertEquals("UtUElChEMoX2pJvRJ4aMYkWomBYsZl5HdgSvt5ilJss", preHandle.toBase64Url());
            try (LockSecret lock = ReplyCodeDerivation.lockSecret(code)) {
                assertEquals("b6f173ec03d65a58e762f20e11c5605f60a03bbe9ab3fdfd7f47966ddf2b725c", new String(lock.passphrase()));
            }
            byte[] pepperBytes = new byte[32];
            for (int i = 0; i < 32; i++) {
                pepperBytes[i] = (byte) i;
            }
            try (Pepper pepper = Pepper.fromBytes(pepperBytes)) {
                LookupHandle handle = pepper.handle(preHandle);
                assertEquals("a26476c67ff0c8874748024048bd71cd4887dbd4eb8843c0546dbdfa009b46fb", handle.toHex());
                assertEquals(handle, pepper.handle(code), "the no-JavaScript path computes the same handle");
                assertTrue(handle.matches(LookupHandle.fromHex(handle.toHex())));
            }
        }
    }

    @Test
    void preHandleAndLockSecretAreIndependentAndHandlesDependOnThePepper() {
        ReplyCode code = ReplyCode.generate();
        PreHandle preHandle = ReplyCodeDerivation.preHandle(code);
        assertNotEquals(preHandle.toBase64Url(), java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(java.util.HexFormat.of().parseHex(new String(ReplyCodeDerivation.lockSecret(code).passphrase()))));
        assertEquals(preHandle, PreHandle.fromBase64Url(preHandle.toBase64Url()));
        assertFalse(Pepper.generate().handle(preHandle).matches(Pepper.generate().handle(preHandle)));
        assertFalse(Pepper.generate().toString().matches(".*[0-9a-f]{16}.*"));
    }

    @Test
    void aWhistleblowerKeyUnlocksOnlyWithTheSecretOfItsCode() throws Exception {
        ReplyCode code = ReplyCode.generate();
        WhistleblowerKey key = WhistleblowerKey.generate(ReplyCodeDerivation.lockSecret(code));
        WhistleblowerKey stored = WhistleblowerKey.fromStorage(key.toStorage());
        assertEquals(key.fingerprint(), stored.fingerprint());
        try (UnlockedKey unlocked = stored.unlock(ReplyCodeDerivation.lockSecret(ReplyCode.parse(code.display())))) {
            assertEquals(key.fingerprint(), unlocked.fingerprint());
        }
        assertThrows(WrongPassphrase.class, () -> key.unlock(ReplyCodeDerivation.lockSecret(ReplyCode.generate())));
        assertTrue(key.toLockedArmored().contains("BEGIN PGP PRIVATE KEY BLOCK"));
    }
}
