package org.candor.portal.blobstore;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The name of a blob: 128 random bits in hex, which says nothing about what the blob holds. */
public record BlobId(String value) {

    private static final Pattern FORM = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public BlobId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a blob id");
        }
    }

    static BlobId random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new BlobId(HexFormat.of().formatHex(bytes));
    }
}
