package org.candor.portal.platform.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Declares the portal's one pooled data source, {@value #JNDI_NAME}.
 *
 * <p>The pool opens connections through {@link ConfiguredDataSource}, which reads the database
 * URL from MicroProfile Config. Parameters of SQL statements are never logged (DESIGN.md
 * property 1): see {@code persistence.xml}.
 */
@DataSourceDefinition(
        name = CandorDataSourceDefinition.JNDI_NAME,
        className = "org.candor.portal.platform.persistence.ConfiguredDataSource",
        minPoolSize = 1,
        maxPoolSize = 32,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=auto-commit"
        })
@ApplicationScoped
public class CandorDataSourceDefinition {
    /** Where the pooled data source is bound. */
    public static final String JNDI_NAME = "java:app/jdbc/candor";
}
