package org.candor.portal.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.candor.portal.platform.persistence.CandorDataSourceDefinition;
import org.candor.portal.platform.persistence.SchemaMigrations;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the schema is up to date and the database answers; reports nothing else. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = CandorDataSourceDefinition.JNDI_NAME)
    DataSource dataSource;

    @Inject
    SchemaMigrations migrations;

    @Override
    public HealthCheckResponse call() {
        boolean up = migrations.isMigrated() && answers();
        return HealthCheckResponse.named("database").status(up).build();
    }

    private boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
