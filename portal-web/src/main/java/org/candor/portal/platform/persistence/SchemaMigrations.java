package org.candor.portal.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date when the portal starts, before any request is served.
 *
 * <p>One set of SQL migrations ({@code db/migration}) serves H2 and PostgreSQL; the scripts
 * keep to the SQL both understand. The readiness check reports DOWN until this has run.
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = CandorDataSourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    private volatile boolean migrated;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        migrate();
    }

    /** Applies the pending migrations; safe to call again, and from several instances at once. */
    public synchronized void migrate() {
        if (migrated) {
            return;
        }
        MigrateResult result = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
        migrated = true;
    }

    /** Whether the schema has been brought up to date since the portal started. */
    public boolean isMigrated() {
        return migrated;
    }
}
