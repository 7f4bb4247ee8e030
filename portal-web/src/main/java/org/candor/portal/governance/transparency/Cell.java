package org.candor.portal.governance.transparency;

import java.util.Optional;

/**
 * One published figure: a value, or the reason it is not shown. A suppressed cell carries no
 * value at all, so nothing downstream (page, CSV, JSON) can leak it by mistake.
 */
public record Cell(Optional<Double> value, Status status) {

    /** Whether and why a figure is shown. */
    public enum Status {
        /** Shown as it is. */
        SHOWN("shown"),
        /** A count below the threshold, or a median or share resting on one: "fewer than 5". */
        FEWER_THAN_5("fewer-than-5"),
        /** Hidden so that a small figure cannot be worked out from the others. */
        WITHHELD("withheld");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        /** As written in downloads. */
        public String code() {
            return code;
        }
    }

    public Cell {
        if (status == Status.SHOWN && value.isEmpty() || status != Status.SHOWN && value.isPresent()) {
            throw new IllegalArgumentException("a shown cell has a value, a suppressed one none");
        }
    }

    public static Cell shown(double value) {
        return new Cell(Optional.of(value), Status.SHOWN);
    }

    public static Cell suppressed(Status why) {
        return new Cell(Optional.empty(), why);
    }

    public boolean isShown() {
        return status == Status.SHOWN;
    }

    /** The value as text: a whole number without decimals, otherwise one decimal; empty if suppressed. */
    public String number() {
        return value.map(v -> v == Math.rint(v) ? String.valueOf(v.longValue()) : String.format(java.util.Locale.ROOT, "%.1f", v))
                .orElse("");
    }
}
