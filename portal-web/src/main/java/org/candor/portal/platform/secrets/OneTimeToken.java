package org.candor.portal.platform.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret in a one-time link (first-run setup, staff invitation): 256 random bits,
 * URL-safe. Only its SHA-256 digest is stored, so a copy of the database gives no usable link.
 */
public final class OneTimeToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final String value;

    private OneTimeToken(String value) {
        this.value = value;
    }

    public static OneTimeToken generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new OneTimeToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** A token as it arrives in a link; anything not of the token's form is refused. */
    public static OneTimeToken parse(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("not a one-time token");
        }
        return new OneTimeToken(text);
    }

    /** The token as it goes into the link. */
    public String value() {
        return value;
    }

    /** What is stored: the hex SHA-256 digest of the token. */
    public String digest() {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "OneTimeToken[redacted]";
    }
}
