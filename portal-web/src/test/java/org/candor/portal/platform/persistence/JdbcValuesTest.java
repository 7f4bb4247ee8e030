package org.candor.portal.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JdbcValuesTest {

    private static final UUID ID = UUID.fromString("6f1c8a52-1d3e-4b7a-9c0d-2e4f6a8b0c1d");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 14);

    @Test
    void readsAUuidAsEitherDriverGivesIt() {
        assertEquals(ID, JdbcValues.uuid(ID));
        assertEquals(ID, JdbcValues.uuid(ID.toString()));
        assertEquals(ID, JdbcValues.uuid(ID + "  "));
        assertEquals(Optional.empty(), JdbcValues.optionalUuid(null));
        assertEquals(Optional.of(ID), JdbcValues.optionalUuid(ID.toString()));
    }

    @Test
    void readsADayFromEveryTypeADriverUses() {
        assertEquals(Optional.of(DAY), JdbcValues.day(DAY));
        assertEquals(Optional.of(DAY), JdbcValues.day(java.sql.Date.valueOf(DAY)));
        assertEquals(Optional.of(DAY), JdbcValues.day(Timestamp.valueOf(DAY.atTime(13, 5))));
        assertEquals(Optional.of(DAY), JdbcValues.day(new java.util.Date(java.sql.Date.valueOf(DAY).getTime())));
        assertEquals(Optional.of(DAY), JdbcValues.day("2026-03-14"));
        assertEquals(Optional.empty(), JdbcValues.day(null));
    }

    @Test
    void readsAnInstantFromEveryTypeADriverUses() {
        Instant at = Instant.parse("2026-03-14T10:15:30Z");
        assertEquals(Optional.of(at), JdbcValues.instant(at));
        assertEquals(Optional.of(at), JdbcValues.instant(at.atOffset(ZoneOffset.ofHours(2))));
        assertEquals(Optional.of(at), JdbcValues.instant(at.atZone(ZoneOffset.UTC)));
        assertEquals(Optional.of(at), JdbcValues.instant(Timestamp.from(at)));
        assertEquals(Optional.of(at), JdbcValues.instant("2026-03-14T12:15:30+02:00"));
        assertEquals(Optional.empty(), JdbcValues.instant(null));
        assertEquals(OffsetDateTime.of(LocalDateTime.of(2026, 3, 14, 10, 15, 30), ZoneOffset.UTC).toInstant(),
                JdbcValues.instant(Timestamp.from(at)).orElseThrow());
    }

    @Test
    void readsNullableTextFlagsAndNumbers() {
        assertEquals(Optional.of("CLOSED"), JdbcValues.text("CLOSED   "));
        assertEquals(Optional.empty(), JdbcValues.text(null));
        assertTrue(JdbcValues.bool(Boolean.TRUE));
        assertTrue(JdbcValues.bool("1"));
        assertFalse(JdbcValues.bool(null));
        assertFalse(JdbcValues.bool(0));
        assertEquals(0, JdbcValues.number(null));
        assertEquals(42, JdbcValues.number(42L));
        assertEquals(42, JdbcValues.number(42));
    }
}
