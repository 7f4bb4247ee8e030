package org.candor.portal.organisation;

import java.util.Arrays;
import java.util.Optional;

/**
 * A logo an administrator uploads: PNG, JPEG or WebP, recognised by its first bytes (never by the
 * name or the type the browser declares), at most {@value #MAX_BYTES} bytes. SVG is refused: it
 * can carry script, and the logo is served from the portal's own origin on every public page.
 */
public final class Logo {

    /** Most bytes of a logo. */
    public static final int MAX_BYTES = 256 * 1024;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    private Logo() {
    }

    /** The media type of an image this portal serves as a logo, or empty for anything else. */
    public static Optional<String> typeOf(byte[] image) {
        if (image.length > MAX_BYTES) {
            return Optional.empty();
        }
        if (startsWith(image, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(image, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (image.length >= 12 && startsWith(image, "RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                && Arrays.equals(image, 8, 12, "WEBP".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, 4)) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] image, byte[] magic) {
        return image.length >= magic.length && Arrays.equals(image, 0, magic.length, magic, 0, magic.length);
    }
}
