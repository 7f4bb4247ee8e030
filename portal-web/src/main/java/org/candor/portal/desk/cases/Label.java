package org.candor.portal.desk.cases;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A label an investigator puts on a case to sort their work ("urgent", "finance", "needs-legal").
 * Labels are workflow metadata kept in clear, like the status: they must not carry report contents,
 * which is why they are short words only (letters, digits, '-', '_', at most {@value #MAX} characters),
 * folded to lower case.
 */
public record Label(String value) {

    /** Longest label. */
    public static final int MAX = 40;
    private static final Pattern FORM = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]{0," + (MAX - 1) + "}");

    public Label {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidCaseInput("cases.label.invalid");
        }
    }

    /** A label as typed: surrounding spaces and upper case are forgiven. */
    public static Label of(String typed) {
        return new Label(typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
