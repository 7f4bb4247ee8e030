package org.candor.portal.intake;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes a whistleblower's file name safe to keep (sealed) and to show later: only the last path
 * segment, no control or bidirectional-override characters, at most 200 characters. The name
 * is never used as a path on the server.
 */
final class FileNames {

    private static final int MAX_LENGTH = 200;
    private static final Pattern TYPE = Pattern.compile("[a-z0-9!#$&^_.+-]{1,64}/[a-z0-9!#$&^_.+-]{1,64}");

    private FileNames() {
    }

    static String clean(String raw) {
        String name = raw;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        StringBuilder out = new StringBuilder();
        name.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .filter(c -> Character.getType(c) != Character.FORMAT) // bidi overrides, zero-width joiners
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

    /** A declared content type if it looks like one; otherwise a neutral one. */
    static String cleanType(String declared) {
        if (declared == null) {
            return "application/octet-stream";
        }
        String type = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return TYPE.matcher(type).matches() ? type : "application/octet-stream";
    }
}
