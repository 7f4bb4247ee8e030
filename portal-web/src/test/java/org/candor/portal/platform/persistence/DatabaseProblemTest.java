package org.candor.portal.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The one line a failed first connection gives: by PostgreSQL's SQL state, never with the URL's query. */
class DatabaseProblemTest {

    private static final String URL = "jdbc:postgresql://db.internal:5432/candor";

    @Test
    void theUrlIsShownWithoutItsQueryOrOptions() {
        assertEquals(URL, DatabaseProblem.shown(URL + "?password=secret&ssl=true"));
        assertEquals("jdbc:h2:file:/var/lib/candor/database/candor", DatabaseProblem.shown(
                "jdbc:h2:file:/var/lib/candor/database/candor;TRACE_LEVEL_FILE=0"));
        assertEquals(URL, DatabaseProblem.shown(URL));
    }

    @Test
    void eachFailureSaysWhatToMend() {
        assertEquals("the database at " + URL + " refused the sign-in of the role 'candor_intake' (28P01): check"
                + " candor.db.user and candor.db.password",
                DatabaseProblem.explain(new SQLException("FATAL: password authentication failed", "28P01"), URL, "candor_intake"));
        assertEquals("the database named in " + URL + " does not exist: create it (docs/operations.md, \"Databases\") or"
                + " correct candor.db.url",
                DatabaseProblem.explain(new SQLException("FATAL: database \"candor\" does not exist", "3D000"), URL, "candor"));
        assertEquals("the database at " + URL + " cannot be reached (Connection refused.): check candor.db.url and that"
                + " PostgreSQL runs and accepts connections from this host",
                DatabaseProblem.explain(new SQLException("Connection refused.\nmore", "08001"), URL, "candor"));
        assertEquals("the database at " + URL + " cannot be used (XX000: odd): check candor.db.url, candor.db.user and"
                + " candor.db.password", DatabaseProblem.explain(new SQLException("odd", "XX000"), URL, "candor"));
    }
}
