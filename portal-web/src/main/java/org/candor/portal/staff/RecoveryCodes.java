package org.candor.portal.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One-time recovery codes that stand in for the second factor when the phone is lost: ten
 * codes of 80 random bits each, shown once, stored as SHA-256 digests (a fast hash is enough at
 * this entropy), each usable once.
 */
public final class RecoveryCodes {

    /** How many codes a member receives at enrolment. */
    public static final int COUNT = 10;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    /** Fresh codes in the form {@code XXXX-XXXX-XXXX-XXXX}. */
    public static List<String> generate() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 16; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** Whether typed text has the shape of a recovery code (rather than a 6-digit TOTP code). */
    public static boolean looksLikeOne(String typed) {
        return typed != null && normalise(typed).length() == 16;
    }

    /** The digest stored for a code, forgiving case, spaces and dashes as typed. */
    public static String digest(String code) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalise(code).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static String normalise(String typed) {
        return typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT)
                .replace('O', '0').replace('I', '1').replace('L', '1');
    }
}
