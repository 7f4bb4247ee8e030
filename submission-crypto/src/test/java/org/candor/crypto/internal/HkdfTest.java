package org.candor.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * HKDF-SHA-256 against the test vectors of RFC 5869, appendix A (cases 1 to 3), and HMAC-SHA-256
 * against RFC 4231: the browser derives the same values with WebCrypto, so agreeing with the
 * standard, not only with ourselves, is what keeps both sides compatible.
 */
class HkdfTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void matchesRfc5869BasicCase() {
        byte[] okm = Hkdf.derive(
                HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                HEX.parseHex("000102030405060708090a0b0c"),
                HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"),
                42);
        assertArrayEquals(HEX.parseHex(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"), okm);
    }

    @Test
    void matchesRfc5869LongInputsCase() {
        byte[] okm = Hkdf.derive(
                range(0x00, 80), range(0x60, 80), range(0xb0, 80), 82);
        assertArrayEquals(HEX.parseHex(
                "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                        + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                        + "cc30c58179ec3e87c14c01d5c1f3434f1d87"), okm);
    }

    @Test
    void matchesRfc5869EmptySaltAndInfoCase() {
        byte[] okm = Hkdf.derive(
                HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), new byte[0], new byte[0], 42);
        assertArrayEquals(HEX.parseHex(
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"), okm);
    }

    @Test
    void matchesRfc4231HmacCase() {
        byte[] mac = Hkdf.hmacSha256("Jefe".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertArrayEquals(HEX.parseHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"), mac);
    }

    @Test
    void refusesLengthsTheStandardDoesNotAllow() {
        assertThrows(IllegalArgumentException.class, () -> Hkdf.derive(new byte[32], new byte[0], new byte[0], 0));
        assertThrows(IllegalArgumentException.class, () -> Hkdf.derive(new byte[32], new byte[0], new byte[0], 255 * 32 + 1));
    }

    private static byte[] range(int first, int count) {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) (first + i);
        }
        return bytes;
    }
}
