package org.candor.portal.staff;

import java.util.Locale;
import java.util.regex.Pattern;

/** A staff member's sign-in name: 3 to 64 lower-case letters, digits, dots, dashes or underscores. */
public record Username(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    public Username {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidStaffInput("staff.username.invalid");
        }
    }

    /** Reads a name as typed: surrounding spaces and upper case are forgiven. */
    public static Username parse(String typed) {
        return new Username(typed == null ? null : typed.strip().toLowerCase(Locale.ROOT));
    }
}
