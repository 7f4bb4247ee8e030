package org.candor.portal.governance.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Reads the values native queries return, whichever JDBC driver (H2, PostgreSQL) gave them. */
public final class Rows {

    private Rows() {
    }

    public static Optional<LocalDate> day(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof LocalDate d) {
            return Optional.of(d);
        }
        if (value instanceof java.sql.Date d) {
            return Optional.of(d.toLocalDate());
        }
        if (value instanceof Timestamp t) {
            return Optional.of(t.toLocalDateTime().toLocalDate());
        }
        return Optional.of(LocalDate.parse(value.toString().substring(0, 10)));
    }

    public static Optional<Instant> instant(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Instant i) {
            return Optional.of(i);
        }
        if (value instanceof OffsetDateTime o) {
            return Optional.of(o.toInstant());
        }
        if (value instanceof Timestamp t) {
            return Optional.of(t.toInstant());
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return Optional.of(z.toInstant());
        }
        return Optional.of(OffsetDateTime.parse(value.toString()).toInstant());
    }

    public static Optional<String> text(Object value) {
        return value == null ? Optional.empty() : Optional.of(value.toString().strip());
    }

    public static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    public static boolean bool(Object value) {
        return value instanceof Boolean b ? b : value != null && (value.toString().equals("true") || value.toString().equals("1"));
    }

    public static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
