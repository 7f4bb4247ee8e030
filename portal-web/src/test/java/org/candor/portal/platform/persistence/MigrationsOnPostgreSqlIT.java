package org.candor.portal.platform.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.candor.portal.it.Deployments;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The migrations on the real PostgreSQL, in a scratch schema of the integration tests' database (the
 * portal's own schema is left alone): what an installation's data go through at an upgrade.
 */
class MigrationsOnPostgreSqlIT {

    private static final String SCHEMA = "migration_check";

    @AfterEach
    void dropTheScratchSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(Deployments.databaseUrl()); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    @Test
    void theNextDeadlineOfCasesStoredBeforeItsColumnIsFilledInByTheDeadlineRule() throws Exception {
        PGSimpleDataSource scratch = new PGSimpleDataSource();
        scratch.setUrl(Deployments.databaseUrl());
        scratch.setCurrentSchema(SCHEMA);
        NextDeadlineBackfill.check(Flyway.configure().dataSource(scratch).schemas(SCHEMA)
                .locations("classpath:db/migration"), scratch);
    }
}
