package org.candor.portal.desk.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a snippet from the search library (HTML-escaped text with {@code <mark>} around
 * matches) into plain parts, so the page renders each with {@code th:text} (escaped again by
 * Thymeleaf) inside a {@code <mark>} element or not, and never inserts markup from a snippet.
 */
public final class Snippets {

    /** A run of snippet text, matched or not. */
    public record Part(String text, boolean marked) {
    }

    private static final String OPEN = "<mark>";
    private static final String CLOSE = "</mark>";

    private Snippets() {
    }

    /** The parts of one snippet, in order. */
    public static List<Part> parts(String escapedSnippet) {
        List<Part> parts = new ArrayList<>();
        String s = escapedSnippet;
        int at = 0;
        while (at < s.length()) {
            int open = s.indexOf(OPEN, at);
            if (open < 0) {
                add(parts, s.substring(at), false);
                break;
            }
            add(parts, s.substring(at, open), false);
            int close = s.indexOf(CLOSE, open + OPEN.length());
            if (close < 0) {
                add(parts, s.substring(open + OPEN.length()), true);
                break;
            }
            add(parts, s.substring(open + OPEN.length(), close), true);
            at = close + CLOSE.length();
        }
        return parts;
    }

    private static void add(List<Part> parts, String escaped, boolean marked) {
        if (!escaped.isEmpty()) {
            parts.add(new Part(unescape(escaped), marked));
        }
    }

    /** Undoes the library's HTML escaping: named entities it writes and numeric references. */
    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            if (semi > i && semi - i <= 10) {
                String entity = s.substring(i + 1, semi);
                String decoded = switch (entity) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    default -> numeric(entity);
                };
                if (decoded != null) {
                    out.append(decoded);
                    i = semi + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String numeric(String entity) {
        try {
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                return Character.toString(Integer.parseInt(entity.substring(2), 16));
            }
            if (entity.startsWith("#")) {
                return Character.toString(Integer.parseInt(entity.substring(1)));
            }
        } catch (IllegalArgumentException notANumber) {
            // left as it is
        }
        return null;
    }
}
