package org.candor.portal.platform.persistence;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.candor.portal.platform.storage.PrivateDataDirectory;

/**
 * The data source behind the container's connection pool; it picks the database from
 * MicroProfile Config so that one WAR runs on the embedded H2 database and on PostgreSQL.
 *
 * <p>Payara pools the connections (see {@link CandorDataSourceDefinition}); this class only
 * opens them. It reads {@code candor.db.url}, {@code candor.db.user} and
 * {@code candor.db.password} when the first connection is asked for, because application
 * configuration is not yet readable when the container reads data source annotations. The
 * driver is chosen from the URL and instantiated directly, so the drivers packaged in the WAR
 * are used and {@code DriverManager}'s class-loader rules do not matter. On H2 it switches off
 * delayed writes, so that a committed transaction is in the file when the commit returns.
 *
 * <p>The container opens the first connection while it deploys the portal, before any of the
 * portal's own start-up code runs; when that fails (a URL of another kind, a server that does not
 * answer, a database that does not exist, a refused sign-in), the error says so in one line that
 * begins "Candor refuses to start" ({@link DatabaseProblem}), and the deployment stops there.
 */
public class ConfiguredDataSource implements DataSource {

    private static final String H2_FILE = "jdbc:h2:file:";

    private volatile Target target;
    private int loginTimeout;

    /** Whether a connection has been opened since the portal started; until then a failure stops the start. */
    private static volatile boolean connectedOnce;

    @Override
    public Connection getConnection() throws SQLException {
        try {
            Target t = target();
            Connection connection = t.driver.connect(t.url, t.properties());
            t.tightenEmbeddedFiles();
            connectedOnce = true;
            return connection;
        } catch (SQLException e) {
            throw connectedOnce ? e : DatabaseProblem.refusal(e);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Target t = target();
        Properties properties = t.properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        Connection connection = t.driver.connect(t.url, properties);
        t.tightenEmbeddedFiles();
        return connection;
    }

    private Target target() throws SQLException {
        Target t = target;
        if (t == null) {
            Config config = ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader());
            String url = config.getValue("candor.db.url", String.class);
            String user = config.getOptionalValue("candor.db.user", String.class).orElse("");
            String password = config.getOptionalValue("candor.db.password", String.class).orElse("");
            if (url.startsWith(H2_FILE)) {
                // the pool may connect before the start-up check: the data directory is private first
                config.getOptionalValue("candor.data.dir", String.class).map(Path::of).ifPresent(PrivateDataDirectory::prepare);
            }
            t = new Target(DatabaseKind.of(url).driver(), durable(url), user, password);
            target = t;
        }
        return t;
    }

    /**
     * The URL with H2's delayed writes switched off. By default H2 writes a committed transaction
     * to its file up to half a second later; a process killed in that time loses cases whose
     * reply codes were already shown (docs/design.md property 11). A URL that sets a delay is refused.
     */
    static String durable(String url) throws SQLException {
        if (!url.startsWith("jdbc:h2:")) {
            return url;
        }
        String settings = url.toUpperCase(java.util.Locale.ROOT).replace(" ", "");
        if (settings.contains(";WRITE_DELAY=")) {
            if (settings.contains(";WRITE_DELAY=0;") || settings.endsWith(";WRITE_DELAY=0")) {
                return url;
            }
            throw new SQLException("candor.db.url must not delay H2's writes (WRITE_DELAY): a crash would lose"
                    + " reports whose reply codes were shown");
        }
        return url + ";WRITE_DELAY=0";
    }

    private record Target(Driver driver, String url, String user, String password) {
        /**
         * Makes the embedded database's files readable by the portal's user only: H2 creates them
         * with the process's umask (docs/design.md property 6, {@link PrivateDataDirectory}).
         */
        void tightenEmbeddedFiles() {
            if (url.startsWith(H2_FILE)) {
                String path = url.substring(H2_FILE.length());
                int options = path.indexOf(';');
                Path folder = Path.of(options < 0 ? path : path.substring(0, options)).toAbsolutePath().getParent();
                if (folder != null) {
                    PrivateDataDirectory.tighten(folder);
                }
            }
        }

        Properties properties() {
            Properties properties = new Properties();
            if (url.startsWith("jdbc:postgresql:")) {
                // The JPA provider binds UUID attributes that are not ids as text; PostgreSQL then
                // refuses text for a uuid column unless told to infer the parameter's type.
                properties.setProperty("stringtype", "unspecified");
            }
            if (!user.isEmpty()) {
                properties.setProperty("user", user);
            }
            if (!password.isEmpty()) {
                properties.setProperty("password", password);
            }
            return properties;
        }

        /** Never prints the password (a record would). */
        @Override
        public String toString() {
            return "Target[" + url.substring(0, url.indexOf(':', 5) + 1) + "...]";
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Connections log nothing here: SQL parameters could carry personal data.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
