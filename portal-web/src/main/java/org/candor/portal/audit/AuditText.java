package org.candor.portal.audit;

import java.util.regex.Pattern;

/** The checks every short text of an audit entry passes: bounded, no control characters. */
final class AuditText {

    /** Names of kinds and detail keys: lower case, digits, dots, dashes, underscores. */
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{0,31}");

    private AuditText() {
    }

    /** A name of a kind or key: 1 to 32 characters of {@link #NAME}. */
    static String name(String what, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new InvalidAuditEvent(what + " must be 1 to 32 characters: a-z, 0-9, '.', '-', '_', starting with a letter");
        }
        return value;
    }

    /** A short value: 1 to {@code max} characters, no line breaks or other control characters. */
    static String value(String what, String value, int max) {
        if (value == null || value.isEmpty() || value.length() > max) {
            throw new InvalidAuditEvent(what + " must have 1 to " + max + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl) || value.indexOf('\u2028') >= 0 || value.indexOf('\u2029') >= 0) {
            throw new InvalidAuditEvent(what + " must not contain line breaks or control characters");
        }
        return value;
    }
}
