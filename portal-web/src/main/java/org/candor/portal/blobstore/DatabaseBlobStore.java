package org.candor.portal.blobstore;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.candor.portal.platform.persistence.CandorDataSourceDefinition;
import org.candor.portal.platform.persistence.ConfiguredDataSource;
import org.candor.portal.platform.persistence.DatabaseKind;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Blobs in the database ({@code candor.blobs.store=database}), so that several instances share
 * nothing but PostgreSQL (docs/operations.md, "Several instances"). A blob is a row of
 * {@code stored_blob} and its bytes are rows of {@code stored_blob_chunk} of at most
 * {@link #CHUNK} bytes each, written as the sealer produces them and read back one at a time:
 * memory stays at about one chunk per blob being written or read, whatever the blob's size.
 * Only the sealed OpenPGP bytes the callers write are stored, and of time only the UTC day
 * (docs/design.md properties 1 and 6).
 *
 * <p><b>Never partial.</b> Until {@link PendingBlob#commit()} sets its length, a blob is not
 * readable ({@link #open} and {@link #size} find no such blob), so an interrupted upload is never
 * visible; its rows are removed by its writer's abort, or, if the writer died, by
 * {@link #sweepPending()} on any instance.
 *
 * <p><b>Held until close.</b> Each process takes a random 63-bit key at start and holds a
 * PostgreSQL session advisory lock on it through a dedicated connection of its own (outside the
 * pool), for as long as it lives: the server drops the lock when the process dies, with its
 * connection. A blob being written, or committed but not yet let go, names that key in its
 * {@code writer} column; {@link PendingBlob#close()} clears it. A sweep removes a blob only when
 * its writer column is empty or names a key whose lock it can take (a dead process), and only in
 * a transaction that keeps the blob's row locked while the caller checks that no record names
 * it. So no sweep, here or on another instance, takes a blob whose case row is still on its way,
 * and a blob left by a killed instance is taken. If the dedicated connection breaks, the process
 * opens a new one and takes the same lock again before it writes on; a commit or release that
 * finds its blob gone fails instead of recording a blob that is not there.
 *
 * <p>On H2 (embedded, one process at a time) the key of the running process is the only live
 * one: every other key was left by a process that has stopped.
 *
 * <p>Chunks are written in their own short transactions, through a pool whose connections never
 * join the caller's transaction ({@link CandorDataSourceDefinition#OUTSIDE_TRANSACTIONS}).
 */
@ApplicationScoped
@Typed(DatabaseBlobStore.class)
public class DatabaseBlobStore implements SweepableBlobStore {

    /** The largest chunk, in bytes: one row of {@code stored_blob_chunk}. */
    public static final int CHUNK = 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(DatabaseBlobStore.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long the dedicated connection may go unchecked before a blob is written. */
    private static final long CHECK_EVERY_NANOS = 10_000_000_000L;

    @Resource(lookup = CandorDataSourceDefinition.OUTSIDE_TRANSACTIONS)
    DataSource database;

    @Inject
    @ConfigProperty(name = "candor.db.url")
    String url;

    /** Opens the dedicated connection that holds the process's lock. */
    public interface LockConnections {
        Connection open() throws SQLException;
    }

    private DatabaseKind kind;
    private LockConnections lockConnections;
    private long writerKey;
    private Connection lockHolder;
    private long lastChecked;

    /** For CDI. */
    public DatabaseBlobStore() {
    }

    /** A store outside a container (tests, tools). */
    public DatabaseBlobStore(DataSource database, DatabaseKind kind, LockConnections lockConnections) {
        this.database = database;
        this.kind = kind;
        this.lockConnections = lockConnections;
        takeKey();
    }

    @PostConstruct
    void start() {
        try {
            kind = DatabaseKind.of(url);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        ConfiguredDataSource direct = new ConfiguredDataSource();
        lockConnections = direct::getConnection;
        takeKey();
        LOG.info(() -> "Blobs are kept in the database (" + kind + ")");
    }

    @PreDestroy
    synchronized void stop() {
        if (lockHolder != null) {
            try {
                lockHolder.close(); // lets the lock go: nothing of this process is held any more
            } catch (SQLException ignored) {
                // the server drops the lock with the connection in any case
            }
            lockHolder = null;
        }
    }

    private void takeKey() {
        writerKey = RANDOM.nextLong() & Long.MAX_VALUE;
        try {
            ensureLocked(true);
        } catch (IOException e) {
            throw new IllegalStateException("the blob store cannot hold its lock in the database", e);
        }
    }

    /**
     * Makes sure this process still holds its advisory lock (PostgreSQL), checking the dedicated
     * connection at most every ten seconds unless {@code now} is asked for.
     */
    private synchronized void ensureLocked(boolean now) throws IOException {
        if (kind != DatabaseKind.POSTGRESQL) {
            return;
        }
        long at = System.nanoTime();
        if (!now && lockHolder != null && at - lastChecked < CHECK_EVERY_NANOS) {
            return;
        }
        try {
            if (lockHolder != null && lockHolder.isValid(5)) {
                lastChecked = at;
                return;
            }
        } catch (SQLException broken) {
            // open a new one below
        }
        stop();
        try {
            Connection c = lockConnections.open();
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_lock(?)")) {
                c.setAutoCommit(true);
                lock.setLong(1, writerKey);
                lock.execute();
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            lockHolder = c;
            lastChecked = at;
        } catch (SQLException e) {
            throw new IOException("the blob store cannot take its lock in the database (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    /** The key of this process's writer lock; for tests. */
    public long writerKey() {
        return writerKey;
    }

    @Override
    public PendingBlob create() throws IOException {
        ensureLocked(false);
        BlobId id = BlobId.random();
        try (Connection c = database.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into stored_blob (id, length_bytes, written_on, writer) values (?, null, ?, ?)")) {
            insert.setString(1, id.value());
            insert.setDate(2, Date.valueOf(LocalDate.now(ZoneOffset.UTC)));
            insert.setLong(3, writerKey);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw failure("a blob could not be started", e);
        }
        return new DatabasePendingBlob(id);
    }

    @Override
    public InputStream open(BlobId id) throws IOException {
        long length = size(id);
        return new ChunkReader(id, (int) Math.ceilDiv(length, (long) CHUNK));
    }

    @Override
    public long size(BlobId id) throws IOException {
        try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement(
                "select length_bytes from stored_blob where id = ? and length_bytes is not null")) {
            select.setString(1, id.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new java.nio.file.NoSuchFileException("blob " + id.value());
                }
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("a blob could not be looked up", e);
        }
    }

    @Override
    public void delete(BlobId id) throws IOException {
        try (Connection c = database.getConnection(); PreparedStatement delete = c.prepareStatement(
                "delete from stored_blob where id = ?")) {
            delete.setString(1, id.value());
            delete.executeUpdate();
        } catch (SQLException e) {
            throw failure("a blob could not be removed", e);
        }
    }

    @Override
    public List<BlobId> committedBefore(Instant cutoff) throws IOException {
        boolean all = cutoff.isAfter(Instant.parse("9999-01-01T00:00:00Z"));
        String sql = "select id from stored_blob where length_bytes is not null" + (all ? "" : " and written_on < ?");
        List<BlobId> found = new ArrayList<>();
        try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            if (!all) {
                // a blob written on day D carries D's start, as a file of the file store does
                LocalDate day = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
                boolean midnight = cutoff.equals(day.atStartOfDay(ZoneOffset.UTC).toInstant());
                select.setDate(1, Date.valueOf(midnight ? day : day.plusDays(1)));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new BlobId(rows.getString(1).strip()));
                }
            }
        } catch (SQLException e) {
            throw failure("the blobs could not be listed", e);
        }
        return found;
    }

    @Override
    public boolean deleteIfAbandoned(BlobId id, Predicate<BlobId> stillUnreferenced) throws IOException {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean removed = false;
                try (PreparedStatement select = c.prepareStatement(
                        "select writer from stored_blob where id = ? and length_bytes is not null for update")) {
                    select.setString(1, id.value());
                    try (ResultSet row = select.executeQuery()) {
                        if (row.next()) {
                            long writer = row.getLong(1);
                            boolean held = !row.wasNull() && !writerGone(c, writer);
                            if (!held && stillUnreferenced.test(id)) {
                                try (PreparedStatement delete = c.prepareStatement("delete from stored_blob where id = ?")) {
                                    delete.setString(1, id.value());
                                    removed = delete.executeUpdate() == 1;
                                }
                            }
                        }
                    }
                }
                c.commit();
                return removed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("an abandoned blob could not be removed", e);
        }
    }

    /**
     * Removes the partial uploads of processes that are gone and lets go of their committed
     * blobs (recorded ones stay; unrecorded ones are then taken by the sweep of orphans); returns
     * how many partial uploads it removed.
     */
    @Override
    public int sweepPending() throws IOException {
        List<Long> writers = new ArrayList<>();
        try (Connection c = database.getConnection(); Statement select = c.createStatement();
                ResultSet rows = select.executeQuery(
                        "select distinct writer from stored_blob where writer is not null")) {
            while (rows.next()) {
                writers.add(rows.getLong(1));
            }
        } catch (SQLException e) {
            throw failure("the partial uploads could not be listed", e);
        }
        int removed = 0;
        for (long writer : writers) {
            try (Connection c = database.getConnection()) {
                c.setAutoCommit(false);
                try {
                    if (writerGone(c, writer)) {
                        try (PreparedStatement delete = c.prepareStatement(
                                "delete from stored_blob where writer = ? and length_bytes is null");
                                PreparedStatement release = c.prepareStatement(
                                        "update stored_blob set writer = null where writer = ?")) {
                            delete.setLong(1, writer);
                            removed += delete.executeUpdate();
                            // its committed blobs: recorded, or orphans the sweep of unrecorded blobs takes
                            release.setLong(1, writer);
                            release.executeUpdate();
                        }
                    }
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw failure("the partial uploads of a stopped process could not be removed", e);
            }
        }
        if (removed > 0) {
            int count = removed;
            LOG.info(() -> "Removed " + count + " partial uploads left by a stopped process");
        }
        return removed;
    }

    /**
     * Whether the process that took {@code writer} is gone. On PostgreSQL: whether its lock can be
     * taken, for the rest of the transaction on {@code c} (so that it cannot come back meanwhile).
     */
    private boolean writerGone(Connection c, long writer) throws SQLException {
        if (writer == writerKey) {
            return false;
        }
        if (kind != DatabaseKind.POSTGRESQL) {
            return true; // embedded H2: only this process runs on the database
        }
        try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, writer);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private static IOException failure(String what, SQLException e) {
        return new IOException(what + " (SQLSTATE " + e.getSQLState() + ")", e);
    }

    /** A blob being written: chunks are sent as they fill. */
    private final class DatabasePendingBlob implements PendingBlob {
        private final BlobId id;
        private final byte[] buffer = new byte[CHUNK];
        private int filled;
        private int chunks;
        private long length;
        private boolean committed;
        private boolean closed;
        private final OutputStream out = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (committed || closed) {
                    throw new IOException("blob already closed");
                }
                while (len > 0) {
                    int n = Math.min(len, CHUNK - filled);
                    System.arraycopy(b, off, buffer, filled, n);
                    filled += n;
                    off += n;
                    len -= n;
                    length += n;
                    if (filled == CHUNK) {
                        flushChunk();
                    }
                }
            }

            @Override
            public void close() {
                // the pending blob ends the blob: an OpenPGP writer closes its stream when it finishes
            }
        };

        DatabasePendingBlob(BlobId id) {
            this.id = id;
        }

        private void flushChunk() throws IOException {
            if (filled == 0) {
                return;
            }
            try (Connection c = database.getConnection(); PreparedStatement insert = c.prepareStatement(
                    "insert into stored_blob_chunk (blob_id, seq, content) values (?, ?, ?)")) {
                insert.setString(1, id.value());
                insert.setInt(2, chunks);
                insert.setBinaryStream(3, new java.io.ByteArrayInputStream(buffer, 0, filled), filled);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw failure("a chunk of a blob could not be written", e);
            }
            chunks++;
            filled = 0;
        }

        @Override
        public OutputStream stream() {
            return out;
        }

        @Override
        public BlobId commit() throws IOException {
            if (committed || closed) {
                throw new IllegalStateException("blob already closed");
            }
            flushChunk();
            ensureLocked(true);
            try (Connection c = database.getConnection(); PreparedStatement update = c.prepareStatement(
                    "update stored_blob set length_bytes = ? where id = ? and writer = ? and length_bytes is null")) {
                update.setLong(1, length);
                update.setString(2, id.value());
                update.setLong(3, writerKey);
                if (update.executeUpdate() != 1) {
                    throw new IOException("the blob was removed while it was written");
                }
            } catch (SQLException e) {
                throw failure("a blob could not be committed", e);
            }
            committed = true;
            return id;
        }

        @Override
        public void abort() {
            if (closed) {
                return;
            }
            closed = true;
            String sql = committed
                    ? "update stored_blob set writer = null where id = ? and writer = ?"
                    : "delete from stored_blob where id = ? and writer = ?";
            try (Connection c = database.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setString(1, id.value());
                statement.setLong(2, writerKey);
                if (statement.executeUpdate() != 1 && committed) {
                    LOG.severe(() -> "a committed blob was removed before its writer let it go: " + id.value());
                }
            } catch (SQLException e) {
                // a partial blob is removed by a later sweep once this process is gone; a committed
                // one stays held (and kept) until then
                LOG.log(Level.WARNING, "a blob could not be let go now (SQLSTATE " + e.getSQLState() + ")");
            }
        }
    }

    /** Reads a committed blob one chunk at a time. */
    private final class ChunkReader extends InputStream {
        private final BlobId id;
        private final int chunks;
        private int next;
        private byte[] current = new byte[0];
        private int position;

        ChunkReader(BlobId id, int chunks) {
            this.id = id;
            this.chunks = chunks;
        }

        private boolean fill() throws IOException {
            while (position >= current.length) {
                if (next >= chunks) {
                    return false;
                }
                try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement(
                        "select content from stored_blob_chunk where blob_id = ? and seq = ?")) {
                    select.setString(1, id.value());
                    select.setInt(2, next);
                    try (ResultSet row = select.executeQuery()) {
                        if (!row.next()) {
                            throw new IOException("a chunk of blob " + id.value() + " is missing");
                        }
                        current = row.getBytes(1);
                    }
                } catch (SQLException e) {
                    throw failure("a chunk of a blob could not be read", e);
                }
                position = 0;
                next++;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? current[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public void close() {
            current = new byte[0];
        }
    }
}
