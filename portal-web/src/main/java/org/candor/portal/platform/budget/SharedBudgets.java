package org.candor.portal.platform.budget;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.candor.portal.platform.persistence.CandorDataSourceDefinition;
import org.candor.portal.platform.persistence.DatabaseKind;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Budgets counted in the database, so that every instance on one PostgreSQL database spends the
 * same budget (docs/operations.md, "Several instances"). Only when the operator says the
 * installation runs several instances ({@code candor.budgets.shared=true}) and only on PostgreSQL:
 * a row of {@code budget_window} tells how many reports a channel received in a given minute, a
 * finer time than anything else at rest (docs/threat-model.md, "Times and sizes at rest"), so a
 * single instance keeps its budgets in memory, as it does on H2; {@link #shared()} is then false
 * and callers count for themselves.
 *
 * <p>A budget of {@code capacity} per {@code window} is a sliding-window counter: the charges of
 * the current window plus those of the previous one, weighted by the part of it that still lies
 * within the last window length. This approximates the token buckets kept in memory (a steady
 * refill) closely enough for a brake, and needs nothing but a count per window: a charge is one
 * atomic upsert that takes a unit only while the estimate is below the capacity, and says
 * whether it did (one round trip; measured in DatabaseBlobStoreOnPostgreSqlIT). Its commit does not
 * wait for the write-ahead log to reach the disk ({@code synchronous_commit} off for that
 * transaction only): a crash of PostgreSQL may forget the last charges, which only refills a
 * budget a little early, and a charge costs no disk flush. Rows name a budget (a
 * channel id or a fixed word, never anything about a person) and a window; only the current
 * and the previous window matter, and older rows are deleted at most every 30 seconds.
 *
 * <p>A database that does not answer never refuses anyone: {@link Unavailable} lets the caller
 * fall back to its own count.
 */
@ApplicationScoped
public class SharedBudgets {

    private static final Logger LOG = Logger.getLogger(SharedBudgets.class.getName());

    private static final String TAKE = "insert into budget_window as w (bucket, slot, spent, forget_after)"
            + " select ?, ?, 1, ? from (select set_config('synchronous_commit', 'off', true)) as relaxed"
            + " where 1 <= ? - coalesce((select p.spent from budget_window p"
            + " where p.bucket = ? and p.slot = ?), 0) * ?"
            + " on conflict (bucket, slot) do update set spent = w.spent + 1"
            + " where w.spent + 1 <= ? - coalesce((select p.spent from budget_window p"
            + " where p.bucket = ? and p.slot = ?), 0) * ?"
            + " returning spent";

    @Resource(lookup = CandorDataSourceDefinition.OUTSIDE_TRANSACTIONS)
    DataSource database;

    @Inject
    @ConfigProperty(name = "candor.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "candor.budgets.shared", defaultValue = "false")
    boolean wanted;

    LongSupplier millis = System::currentTimeMillis;

    private boolean shared;
    private final AtomicLong nextPurge = new AtomicLong();

    /** The database did not answer; the caller counts for itself meanwhile. */
    public static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unavailable(SQLException cause) {
            super("the shared budgets are out of reach (SQLSTATE " + cause.getSQLState() + ")", cause);
        }
    }

    /** For CDI. */
    public SharedBudgets() {
    }

    /** Budgets in a PostgreSQL database, outside a container (tests, measurements). */
    public SharedBudgets(DataSource database) {
        this.database = database;
        this.shared = true;
    }

    @PostConstruct
    void start() {
        try {
            shared = wanted && DatabaseKind.of(url) == DatabaseKind.POSTGRESQL;
        } catch (SQLException e) {
            shared = false;
        }
        if (wanted && !shared) {
            LOG.warning("candor.budgets.shared is set, but budgets are shared only on PostgreSQL: this instance counts for itself");
        }
    }

    /** Whether budgets are counted in the database (several instances on PostgreSQL) rather than by each instance. */
    public boolean shared() {
        return shared;
    }

    /**
     * Takes one unit of a budget if the last window's charges leave room for it; returns whether
     * it did. One atomic statement: two instances charging at once never both take the last unit.
     */
    public boolean tryTake(String bucket, int capacity, Duration window) throws Unavailable {
        long now = millis.getAsLong();
        long length = window.toMillis();
        long slot = now / length;
        double previousWeight = 1 - (now % length) / (double) length;
        long forgetAfter = (slot + 2) * length / 1000 + 1;
        purge(now);
        try (Connection c = database.getConnection(); PreparedStatement take = c.prepareStatement(TAKE)) {
            take.setString(1, bucket);
            take.setLong(2, slot);
            take.setLong(3, forgetAfter);
            take.setInt(4, capacity);
            take.setString(5, bucket);
            take.setLong(6, slot - 1);
            take.setDouble(7, previousWeight);
            take.setInt(8, capacity);
            take.setString(9, bucket);
            take.setLong(10, slot - 1);
            take.setDouble(11, previousWeight);
            try (ResultSet taken = take.executeQuery()) {
                return taken.next();
            }
        } catch (SQLException e) {
            throw new Unavailable(e);
        }
    }

    /** Whether any of these budgets (each {@code capacity} per {@code window}) has no unit left now. Takes nothing. */
    public boolean anySpent(List<String> buckets, List<Integer> capacities, Duration window) throws Unavailable {
        long now = millis.getAsLong();
        long length = window.toMillis();
        long slot = now / length;
        double previousWeight = 1 - (now % length) / (double) length;
        double[] estimate = new double[buckets.size()];
        StringBuilder sql = new StringBuilder("select bucket, slot, spent from budget_window where slot >= ? and bucket in (");
        for (int i = 0; i < buckets.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement(sql.append(')').toString())) {
            select.setLong(1, slot - 1);
            for (int i = 0; i < buckets.size(); i++) {
                select.setString(i + 2, buckets.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int i = buckets.indexOf(rows.getString(1));
                    estimate[i] += rows.getInt(3) * (rows.getLong(2) == slot ? 1 : previousWeight);
                }
            }
        } catch (SQLException e) {
            throw new Unavailable(e);
        }
        for (int i = 0; i < buckets.size(); i++) {
            if (estimate[i] + 1 > capacities.get(i)) {
                return true;
            }
        }
        return false;
    }

    /** How long until a spent budget of this window has room again, at most: the rest of the current window. */
    public Duration untilRoom(Duration window) {
        long length = window.toMillis();
        return Duration.ofMillis(Math.max(1000, length - millis.getAsLong() % length));
    }

    /** Deletes the windows nobody looks at any more, at most every 30 seconds per instance. */
    private void purge(long now) {
        long due = nextPurge.get();
        if (now < due || !nextPurge.compareAndSet(due, now + 30_000)) {
            return;
        }
        try (Connection c = database.getConnection(); PreparedStatement delete = c.prepareStatement(
                "delete from budget_window where forget_after < ?")) {
            delete.setLong(1, now / 1000);
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.warning(() -> "old budget windows could not be deleted now (SQLSTATE " + e.getSQLState() + ")");
        }
    }
}
