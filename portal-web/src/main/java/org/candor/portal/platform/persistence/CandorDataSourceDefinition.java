package org.candor.portal.platform.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Declares the portal's one pooled data source, {@value #JNDI_NAME}.
 *
 * <p>The pool opens connections through {@link ConfiguredDataSource}, which reads the database
 * URL from MicroProfile Config. Parameters of SQL statements are never logged (docs/design.md
 * property 1): see {@code persistence.xml}.
 *
 * <p>Each connection is checked with {@code Connection.isValid} before it is handed out, and one
 * that fails closes the whole pool, so that the portal recovers by itself when PostgreSQL
 * restarts (docs/design.md property 10). The "auto-commit" check used before never reached the
 * server (the PostgreSQL driver skips setting an unchanged auto-commit), and after a database
 * restart every pooled connection failed until the portal was restarted.
 */
@DataSourceDefinition(
        name = CandorDataSourceDefinition.JNDI_NAME,
        className = "org.candor.portal.platform.persistence.ConfiguredDataSource",
        minPoolSize = 1,
        maxPoolSize = 32,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.fail-all-connections=true"
        })
@ApplicationScoped
public class CandorDataSourceDefinition {
    /** Where the pooled data source is bound. */
    public static final String JNDI_NAME = "java:app/jdbc/candor";
}
