package org.candor.portal.platform.persistence;

import java.sql.Driver;
import java.sql.SQLException;
import java.util.function.Supplier;

/** The databases Candor runs on, recognised by their JDBC URL. */
public enum DatabaseKind {
    /** Embedded H2 in a data directory: the default, for one machine. */
    H2("jdbc:h2:", org.h2.Driver::new),
    /** PostgreSQL: for production and for several instances sharing one installation. */
    POSTGRESQL("jdbc:postgresql:", org.postgresql.Driver::new);

    private final String prefix;
    private final Supplier<Driver> driver;

    DatabaseKind(String prefix, Supplier<Driver> driver) {
        this.prefix = prefix;
        this.driver = driver;
    }

    /** The kind of database a JDBC URL names; refuses any other kind with a clear message. */
    public static DatabaseKind of(String url) throws SQLException {
        for (DatabaseKind kind : values()) {
            if (url.startsWith(kind.prefix)) {
                return kind;
            }
        }
        throw new SQLException("candor.db.url must start with jdbc:h2: or jdbc:postgresql:");
    }

    Driver driver() {
        return driver.get();
    }
}
