package org.candor.portal.platform.persistence;

import java.sql.SQLException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Turns the failure of the portal's first connection to its database into one line an operator can act on: a URL of another kind, a server that does not answer, a
 * database that does not exist, a refused sign-in. Without it, the pool's and the migration
 * library's nested messages filled a screen and never said which setting to mend.
 *
 * <p>The line names the URL without its query (where a password may be written), never the password.
 */
final class DatabaseProblem {

    /** How every refusal of a start begins (the bundle tests and operators' scripts look for it). */
    static final String REFUSAL = "Candor refuses to start: ";

    private static final Logger LOG = Logger.getLogger(DatabaseProblem.class.getName());

    private DatabaseProblem() {
    }

    /** The configured {@code candor.db.url}. */
    static String configuredUrl() {
        return config().getValue("candor.db.url", String.class).strip();
    }

    /**
     * The first connection's failure as one line that says what to mend, also written to the log on
     * its own; the original stays its cause.
     */
    static SQLException refusal(SQLException e) {
        String url = configuredUrl();
        String line = REFUSAL + (url.startsWith("jdbc:h2:") || url.startsWith("jdbc:postgresql:")
                ? explain(e, shown(url), config().getOptionalValue("candor.db.user", String.class).orElse(""))
                : e.getMessage() + ", not " + shown(url));
        LOG.severe(line);
        return new SQLException(line, e.getSQLState(), e);
    }

    /** What went wrong, by the SQL state PostgreSQL's driver gives. */
    static String explain(SQLException e, String url, String user) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("28P01") || state.equals("28000")) {
            return "the database at " + url + " refused the sign-in of the role '" + user + "' (" + state
                    + "): check candor.db.user and candor.db.password";
        }
        if (state.equals("3D000")) {
            return "the database named in " + url + " does not exist: create it (docs/operations.md, \"Databases\")"
                    + " or correct candor.db.url";
        }
        if (state.startsWith("08")) {
            return "the database at " + url + " cannot be reached (" + firstLine(e) + "): check candor.db.url and"
                    + " that PostgreSQL runs and accepts connections from this host";
        }
        return "the database at " + url + " cannot be used (" + (state.isEmpty() ? "" : state + ": ") + firstLine(e)
                + "): check candor.db.url, candor.db.user and candor.db.password";
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    /** The URL as it may be printed: without its query, where a password may be. */
    static String shown(String url) {
        int query = url.indexOf('?');
        int options = url.indexOf(';');
        int end = query < 0 ? options : options < 0 ? query : Math.min(query, options);
        return end < 0 ? url : url.substring(0, end);
    }

    private static Config config() {
        return ConfigProvider.getConfig(DatabaseProblem.class.getClassLoader());
    }
}
