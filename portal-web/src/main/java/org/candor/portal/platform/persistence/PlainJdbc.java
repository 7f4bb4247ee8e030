package org.candor.portal.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * One statement on a connection of its own, in auto-commit: for the readers and writers that
 * work outside the persistence context (the search worker's threads). A failure is an
 * {@link IllegalStateException} that names what could not be read or written.
 */
public final class PlainJdbc {

    /** Sets a statement's parameters. */
    public interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    /** Reads one row of a result. */
    public interface RowReader<T> {
        T read(ResultSet r) throws SQLException;
    }

    private PlainJdbc() {
    }

    /** The rows a query returns; {@code what} names the tables for the error ("the search tables"). */
    public static <T> List<T> query(DataSource dataSource, String what, String sql, Binder binder, RowReader<T> row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            List<T> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(row.read(r));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(what + " could not be read", e);
        }
    }

    /** Runs an insert, update or delete; returns the rows it changed. */
    public static int update(DataSource dataSource, String what, String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(what + " could not be written", e);
        }
    }
}
