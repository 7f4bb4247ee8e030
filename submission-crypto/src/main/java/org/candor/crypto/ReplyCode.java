package org.candor.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A whistleblower's reply code: 130 random bits written as 28 characters of Crockford's base-32 alphabet (26
 * random, 2 check), shown in seven groups of four, for example {@code 7K2M-Q9XD-...}. Keeps docs/design.md property 3:
 * at least 100 bits of entropy, easy to copy and to type back (grouped, case-insensitive, ambiguous letters mapped),
 * with a check that catches typos and says so.
 *
 * <p>Alphabet {@code 0123456789ABCDEFGHJKMNPQRSTVWXYZ} (no I, L, O, U). When parsing, spaces, dashes and
 * underscores are ignored, case does not matter, {@code O} reads as {@code 0} and {@code I}/{@code L} as
 * {@code 1}. Check: the 28 symbols, read as one base-32 number, are divisible by the prime 1021. Any single wrong
 * character changes that number by {@code d * 32^k} with {@code 0 < |d| < 32}, and any swap of two neighbours by
 * {@code (a - b) * 31 * 32^k}; neither is divisible by 1021, so every such typo is detected (other errors with
 * probability 1020/1021).
 *
 * <p>A reply code is a secret: {@link #toString()} does not show it, {@link #display()} does (to show it once),
 * and {@link #close()} wipes it. The server never stores it; it stores only a {@link LookupHandle}.
 */
public final class ReplyCode implements AutoCloseable {

    /** Crockford's base-32 alphabet. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** Random symbols in a code. */
    public static final int RANDOM_SYMBOLS = 26;
    /** Symbols in a code, check included. */
    public static final int LENGTH = RANDOM_SYMBOLS + 2;
    /** Bits of entropy of a generated code. */
    public static final int ENTROPY_BITS = RANDOM_SYMBOLS * 5;
    private static final int CHECK_PRIME = 1021;
    private static final int GROUP = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final char[] symbols;

    private ReplyCode(char[] symbols) {
        this.symbols = symbols;
    }

    /** A new random code. */
    public static ReplyCode generate() {
        char[] symbols = new char[LENGTH];
        int remainder = 0;
        for (int i = 0; i < RANDOM_SYMBOLS; i++) {
            int value = RANDOM.nextInt(32);
            symbols[i] = ALPHABET.charAt(value);
            remainder = (remainder * 32 + value) % CHECK_PRIME;
        }
        // choose the check value c (0..1020) so that (number * 1024 + c) is divisible by 1021
        int check = Math.floorMod(-(remainder * 1024), CHECK_PRIME);
        symbols[RANDOM_SYMBOLS] = ALPHABET.charAt(check / 32);
        symbols[RANDOM_SYMBOLS + 1] = ALPHABET.charAt(check % 32);
        return new ReplyCode(symbols);
    }

    /**
     * Reads a code as a person typed it.
     *
     * @throws ReplyCodeTypo if it has the wrong length, a character codes never contain, or fails the check; the
     *                       message says which (it never repeats the code)
     */
    public static ReplyCode parse(CharSequence typed) throws ReplyCodeTypo {
        char[] symbols = new char[LENGTH];
        int count = 0;
        int remainder = 0;
        try {
            for (int i = 0; i < typed.length(); i++) {
                char c = Character.toUpperCase(typed.charAt(i));
                if (c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n' || c == '\r' || c == '\u00a0') {
                    continue;
                }
                c = switch (c) {
                    case 'O' -> '0';
                    case 'I', 'L' -> '1';
                    default -> c;
                };
                int value = ALPHABET.indexOf(c);
                if (value < 0) {
                    throw new ReplyCodeTypo(c == 'U'
                            ? "reply codes never contain the letter U: please check character " + (count + 1)
                            : "reply codes contain only letters and digits: character " + (count + 1) + " is not one");
                }
                if (count < LENGTH) {
                    symbols[count] = ALPHABET.charAt(value);
                    remainder = (remainder * 32 + value) % CHECK_PRIME;
                }
                count++;
            }
            if (count != LENGTH) {
                throw new ReplyCodeTypo("a reply code has " + LENGTH + " characters; this one has " + count
                        + (count < LENGTH ? ": one or more are missing" : ": there are too many"));
            }
            if (remainder != 0) {
                throw new ReplyCodeTypo("the reply code has a typo: a character is wrong or two are swapped; please check it");
            }
            return new ReplyCode(symbols);
        } catch (ReplyCodeTypo e) {
            Arrays.fill(symbols, '\0');
            throw e;
        }
    }

    /** The code as shown to the whistleblower: seven groups of four, joined by dashes. */
    public String display() {
        StringBuilder out = new StringBuilder(LENGTH + LENGTH / GROUP);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % GROUP == 0) {
                out.append('-');
            }
            out.append(symbols[i]);
        }
        return out.toString();
    }

    /** The canonical form the derivation starts from: the 28 upper-case symbols, no separators, as ASCII bytes. */
    byte[] canonicalBytes() {
        byte[] bytes = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            bytes[i] = (byte) symbols[i];
        }
        return bytes;
    }

    /** Wipes the code from memory. */
    @Override
    public void close() {
        Arrays.fill(symbols, '\0');
    }

    /** Constant-time comparison of two codes. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ReplyCode that
                && java.security.MessageDigest.isEqual(canonicalBytes(), that.canonicalBytes());
    }

    @Override
    public int hashCode() {
        return 0; // not a hash key: a code is never kept in a collection
    }

    @Override
    public String toString() {
        return "ReplyCode[hidden]";
    }

    static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
