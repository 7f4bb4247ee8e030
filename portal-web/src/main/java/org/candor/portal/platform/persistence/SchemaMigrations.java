package org.candor.portal.platform.persistence;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.candor.portal.platform.config.PortalConfig;
import org.candor.portal.platform.config.PortalRole;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date when the portal starts, before any request is served and
 * before any key file is made; or, where this instance must not change the schema, checks that
 * the schema is the one its code expects.
 *
 * <p>One set of SQL migrations ({@code db/migration}) serves H2 and PostgreSQL; the scripts
 * keep to the SQL both understand. The readiness check reports DOWN until this has run.
 *
 * <p>{@code candor.db.migrate} says whether this instance migrates. Left unset, every instance
 * does, except an intake-only instance on PostgreSQL: in a split installation the internet-facing
 * intake connects as a database role that cannot change the schema (deploy/postgresql/roles.sql),
 * so the desk host (or {@code candor migrate}) migrates, and the intake only reads the version.
 * An intake on the embedded H2 database owns its database and migrates it.
 *
 * <p>A wrong or unreachable database has stopped the start before this runs, with one line that
 * says what to mend ({@link DatabaseProblem}).
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = CandorDataSourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    PortalConfig config;

    @Inject
    @ConfigProperty(name = "candor.db.migrate")
    Optional<String> migrateSetting;

    private volatile boolean migrated;

    /** Runs right after the data directory check, before the observers that make key files or read the database. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 10) @Initialized(ApplicationScoped.class) Object event) {
        try {
            migrate();
        } catch (IllegalStateException refused) {
            if (refused.getMessage() != null && refused.getMessage().startsWith(DatabaseProblem.REFUSAL)) {
                LOG.severe(refused.getMessage());
            }
            throw refused;
        }
    }

    /**
     * Applies the pending migrations, or on an instance that does not migrate checks the schema's
     * version; safe to call again, and from several instances at once.
     *
     * @throws IllegalStateException with a one-line message when this instance does not migrate
     *     and the schema is behind its code
     */
    public synchronized void migrate() {
        if (migrated) {
            return;
        }
        Flyway flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
        if (migrates()) {
            MigrateResult result = flyway.migrate();
            LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                    + " (" + result.migrationsExecuted + " migrations applied now)");
        } else {
            check(flyway.info(), config.roles().equals(java.util.EnumSet.of(PortalRole.INTAKE)) ? "this intake" : "this instance");
        }
        migrated = true;
    }

    /** Whether this instance changes the schema: {@code candor.db.migrate}, or by default all but an intake-only instance on PostgreSQL. */
    boolean migrates() {
        String setting = migrateSetting.map(String::strip).orElse("");
        if (setting.isEmpty()) {
            boolean intakeOnly = config.roles().equals(java.util.EnumSet.of(PortalRole.INTAKE));
            return !(intakeOnly && DatabaseProblem.configuredUrl().startsWith("jdbc:postgresql:"));
        }
        if (setting.equalsIgnoreCase("true") || setting.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(setting);
        }
        throw new IllegalStateException(DatabaseProblem.REFUSAL + "candor.db.migrate must be true or false, not '" + setting + "'");
    }

    /** Refuses a schema behind the code's migrations; a schema ahead (the desk upgraded first) is only noted. */
    private static void check(MigrationInfoService info, String who) {
        MigrationVersion needed = Arrays.stream(info.all()).map(MigrationInfo::getVersion)
                .filter(v -> v != null).max(MigrationVersion::compareTo).orElse(MigrationVersion.EMPTY);
        MigrationInfo current = info.current();
        MigrationVersion at = current == null ? MigrationVersion.EMPTY : current.getVersion();
        String atText = current == null ? "0 (no schema yet)" : at.getVersion();
        if (at.compareTo(needed) < 0 || info.pending().length > 0) {
            throw new IllegalStateException(DatabaseProblem.REFUSAL + "the database schema is at version " + atText
                    + ", " + who + " needs " + needed.getVersion() + ": run the migrations from the desk host first"
                    + " (start its portal of this release), then start this one again");
        }
        if (at.compareTo(needed) > 0) {
            LOG.warning(() -> "The database schema is at version " + atText + ", newer than this instance's "
                    + needed.getVersion() + ": upgrade this instance to the desk host's release");
        } else {
            LOG.info(() -> "Database schema at version " + atText + " (migrated by another host)");
        }
    }

    /** Whether the schema has been brought up to date (or found up to date) since the portal started. */
    public boolean isMigrated() {
        return migrated;
    }
}
