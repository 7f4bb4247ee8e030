package org.candor.portal.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.candor.portal.casefile.CaseStatus;
import org.candor.portal.casefile.Deadlines;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Checks migration V10 on a database: cases stored at schema version 9 (before the column existed)
 * get the next deadline that {@link Deadlines#next} gives, on H2 and on PostgreSQL alike.
 */
final class NextDeadlineBackfill {

    /** A case as stored at version 9: its status and the dates the deadline depends on. */
    private record Stored(CaseStatus status, LocalDate received, LocalDate acknowledged) {
        Optional<LocalDate> expected() {
            return new Deadlines(received, Optional.ofNullable(acknowledged)).next(status);
        }
    }

    private NextDeadlineBackfill() {
    }

    /**
     * Migrates to version 9, stores cases of every status (month ends, a leap day, a year end and an
     * open case without acknowledgement day among them), migrates to the end and compares.
     */
    static void check(FluentConfiguration flyway, DataSource database) throws Exception {
        flyway.target("9").load().migrate();
        Map<UUID, Stored> stored = new LinkedHashMap<>();
        UUID staff = UUID.randomUUID();
        UUID channel = UUID.randomUUID();
        try (Connection c = database.getConnection()) {
            run(c, "insert into staff_member (id, username, display_name, password_hash, enabled, created_on)"
                    + " values (?, 'backfill', 'Backfill', 'x', true, ?)", staff, LocalDate.of(2023, 1, 1));
            run(c, "insert into channel (id, slug, published, position, created_on) values (?, 'backfill', true, 0, ?)",
                    channel, LocalDate.of(2023, 1, 1));
            for (Stored kase : new Stored[] {
                    new Stored(CaseStatus.RECEIVED, LocalDate.of(2026, 12, 28), null),
                    new Stored(CaseStatus.RECEIVED, LocalDate.of(2028, 2, 25), null),
                    new Stored(CaseStatus.ACKNOWLEDGED, LocalDate.of(2026, 1, 25), LocalDate.of(2026, 1, 31)),
                    new Stored(CaseStatus.IN_ASSESSMENT, LocalDate.of(2027, 11, 20), LocalDate.of(2027, 11, 30)),
                    new Stored(CaseStatus.IN_INVESTIGATION, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 2)),
                    new Stored(CaseStatus.IN_INVESTIGATION, LocalDate.of(2026, 1, 24), null),
                    new Stored(CaseStatus.CONCLUDED, LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 4))}) {
                UUID id = UUID.randomUUID();
                run(c, "insert into case_file (id, channel_id, lookup_handle, sealed_in_browser, status, received_on,"
                        + " acknowledged_on, last_activity_on, whistleblower_key, whistleblower_fingerprint)"
                        + " values (?, ?, ?, false, ?, ?, ?, ?, 'k', 'f')", id, channel, id.toString(),
                        kase.status().name(), kase.received(), kase.acknowledged(), kase.received());
                run(c, "insert into case_recipient (case_id, staff_id, fingerprint) values (?, ?, 'f')", id, staff);
                stored.put(id, kase);
            }
        }
        flyway.target("latest").load().migrate();
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement("select next_deadline_on from case_file where id = ?")) {
            for (Map.Entry<UUID, Stored> kase : stored.entrySet()) {
                s.setObject(1, kase.getKey());
                try (ResultSet row = s.executeQuery()) {
                    row.next();
                    assertEquals(kase.getValue().expected(), Optional.ofNullable(row.getObject(1, LocalDate.class)),
                            kase.getValue().toString());
                }
            }
        }
    }

    private static void run(Connection c, String sql, Object... parameters) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }
}
