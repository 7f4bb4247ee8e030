package org.candor.portal.admin.setup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret of a first-run setup link: 256 random bits, URL-safe. Only its SHA-256 digest is
 * stored; the token itself is printed on the console once and never written elsewhere.
 */
public final class SetupToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final String value;

    private SetupToken(String value) {
        this.value = value;
    }

    static SetupToken generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new SetupToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** A token as it arrives in a link; anything not of the token's form is refused. */
    static SetupToken parse(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("not a setup token");
        }
        return new SetupToken(text);
    }

    /** The token as it goes into the link. */
    String value() {
        return value;
    }

    /** What is stored: the hex SHA-256 digest of the token. */
    String digest() {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "SetupToken[redacted]";
    }
}
