package org.candor.portal.platform.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the values a native query or a JDBC result set returns, whichever driver gave them: H2
 * and PostgreSQL hand back the same column as different Java types (a {@code uuid} as
 * {@link UUID} or as text, a {@code date} as {@link LocalDate} or {@link java.sql.Date}, a
 * timestamp as {@link OffsetDateTime}, {@link Timestamp} or {@link Instant}). A {@code null}
 * column is an empty {@link Optional}, a zero or {@code false}, as each method says.
 */
public final class JdbcValues {

    private JdbcValues() {
    }

    /** A {@code uuid} column (or one holding a UUID as text); never null. */
    public static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(String.valueOf(value).strip());
    }

    /** A nullable {@code uuid} column. */
    public static Optional<UUID> optionalUuid(Object value) {
        return value == null ? Optional.empty() : Optional.of(uuid(value));
    }

    /** A {@code date} column; a timestamp counts by its day in the JVM's time zone, as JDBC reads it. */
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
        if (value instanceof java.util.Date d) {
            return Optional.of(new java.sql.Date(d.getTime()).toLocalDate());
        }
        return Optional.of(LocalDate.parse(value.toString().substring(0, 10)));
    }

    /** A {@code timestamp with time zone} column. */
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
        if (value instanceof ZonedDateTime z) {
            return Optional.of(z.toInstant());
        }
        return Optional.of(OffsetDateTime.parse(value.toString()).toInstant());
    }

    /** A text column, without leading and trailing blanks (a {@code char(n)} comes padded). */
    public static Optional<String> text(Object value) {
        return value == null ? Optional.empty() : Optional.of(value.toString().strip());
    }

    /** A {@code boolean} column; {@code null} is false. */
    public static boolean bool(Object value) {
        return value instanceof Boolean b ? b : value != null && (value.toString().equals("true") || value.toString().equals("1"));
    }

    /** A number column (a count, an integer); {@code null} is 0. */
    public static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** A binary column ({@code bytea}, {@code varbinary}, or a driver's {@link java.sql.Blob}); {@code null} is empty. */
    public static Optional<byte[]> bytes(Object value) {
        if (value instanceof java.sql.Blob blob) {
            try {
                return Optional.of(blob.getBytes(1, Math.toIntExact(blob.length())));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("a binary column could not be read", e);
            }
        }
        return value == null ? Optional.empty() : Optional.of((byte[]) value);
    }
}
