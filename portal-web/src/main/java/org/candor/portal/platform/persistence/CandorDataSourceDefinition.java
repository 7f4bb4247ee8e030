package org.candor.portal.platform.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
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
 *
 * <p>A second, smaller pool, {@value #OUTSIDE_TRANSACTIONS}, hands out connections that never
 * join the caller's transaction: the database blob store writes a blob's chunks in their own
 * short transactions whatever its caller is doing.
 */
@DataSourceDefinitions({
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
        }),
@DataSourceDefinition(
        name = CandorDataSourceDefinition.OUTSIDE_TRANSACTIONS,
        className = "org.candor.portal.platform.persistence.ConfiguredDataSource",
        transactional = false,
        minPoolSize = 0,
        maxPoolSize = 16,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.fail-all-connections=true"
        })
})
@ApplicationScoped
public class CandorDataSourceDefinition {
    /** Where the pooled data source is bound. */
    public static final String JNDI_NAME = "java:app/jdbc/candor";
    /** Where the pool of connections that never join a transaction is bound. */
    public static final String OUTSIDE_TRANSACTIONS = "java:app/jdbc/candor-outside-transactions";
}
