package org.candor.portal.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migrations that PostgreSQL runs in the integration tests also run on the embedded H2. */
class MigrationsOnH2Test {

    @TempDir
    Path dataDir;

    @Test
    void migrateAnEmptyH2DatabaseAndLeaveSetupOpen() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dataDir.resolve("candor"));
        h2.setUser("candor");
        var result = Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        assertEquals(result.migrationsExecuted, result.migrations.size());

        try (Connection c = h2.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select completed from setup_state where id = 1")) {
            rows.next();
            assertEquals(false, rows.getBoolean(1));
        }
        assertEquals(0, Flyway.configure().dataSource(h2).load().migrate().migrationsExecuted,
                "a second start applies nothing");
    }

    @Test
    void theNextDeadlineOfCasesStoredBeforeItsColumnIsFilledInByTheDeadlineRule() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dataDir.resolve("backfill"));
        h2.setUser("candor");
        NextDeadlineBackfill.check(Flyway.configure().dataSource(h2).locations("classpath:db/migration"), h2);
    }

    @Test
    void refusesADatabaseItDoesNotKnow() {
        SQLException e = assertThrows(SQLException.class, () -> DatabaseKind.of("jdbc:mysql://db/candor"));
        assertEquals("candor.db.url must start with jdbc:h2: or jdbc:postgresql:", e.getMessage());
    }
}
