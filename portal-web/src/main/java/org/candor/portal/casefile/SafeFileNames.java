package org.candor.portal.casefile;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes a file name that came with a message safe to keep (sealed) and to offer for download:
 * only the last path segment, no control or bidirectional-override characters, no leading dots,
 * at most 200 characters. A name is never used as a path on the server. Also makes the
 * {@code Content-Disposition} header of a download, which never lets a name break out of it.
 */
public final class SafeFileNames {

    private static final int MAX_LENGTH = 200;
    private static final Pattern TYPE = Pattern.compile("[a-z0-9!#$&^_.+-]{1,64}/[a-z0-9!#$&^_.+-]{1,64}");

    private SafeFileNames() {
    }

    /** The name to keep; empty only when none was given (a file input left empty). */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String name = raw;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        StringBuilder out = new StringBuilder();
        name.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .filter(c -> Character.getType(c) != Character.FORMAT)
                .forEach(out::appendCodePoint);
        String cleaned = out.toString().strip();
        while (cleaned.startsWith(".")) {
            cleaned = cleaned.substring(1);
        }
        if (cleaned.length() > MAX_LENGTH) {
            int dot = cleaned.lastIndexOf('.');
            String extension = dot > 0 && cleaned.length() - dot <= 16 ? cleaned.substring(dot) : "";
            cleaned = cleaned.substring(0, MAX_LENGTH - extension.length()) + extension;
        }
        return cleaned.isEmpty() && !raw.isEmpty() ? "file" : cleaned;
    }

    /** A declared content type if it looks like one; otherwise a neutral one. Display only. */
    public static String cleanType(String declared) {
        if (declared == null) {
            return "application/octet-stream";
        }
        String type = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return TYPE.matcher(type).matches() ? type : "application/octet-stream";
    }

    /**
     * The Content-Disposition of a download: always {@code attachment}, an ASCII fallback name
     * (letters, digits, dot, dash, underscore only) and the exact name in RFC 5987 form.
     */
    public static String contentDisposition(String name) {
        String cleaned = clean(name);
        if (cleaned.isEmpty()) {
            cleaned = "file";
        }
        StringBuilder ascii = new StringBuilder();
        for (char c : cleaned.toCharArray()) {
            ascii.append(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_') ? c : '_');
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : cleaned.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_')) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
