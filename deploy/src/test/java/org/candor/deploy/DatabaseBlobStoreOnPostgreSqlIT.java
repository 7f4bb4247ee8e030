package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.candor.portal.blobstore.BlobId;
import org.candor.portal.blobstore.BlobStore;
import org.candor.portal.blobstore.DatabaseBlobStore;
import org.candor.portal.blobstore.FileSystemBlobStore;
import org.candor.portal.platform.budget.SharedBudgets;
import org.candor.portal.platform.persistence.DatabaseKind;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database blob store and the shared budgets on PostgreSQL, with two stores standing for two
 * instances: a 200 MB blob goes in and comes back whole while the heap's live set stays flat, a
 * blob another live process holds is never swept while a dead process's partial and unrecorded
 * blobs are, and a budget spent through one instance is spent for the other. Prints the figures
 * docs/operations.md quotes (throughput against the file store, cost of a charge).
 */
class DatabaseBlobStoreOnPostgreSqlIT {

    private static final long LARGE = 200L * 1000 * 1000;

    @TempDir
    static Path work;

    private static PrivatePostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = PrivatePostgres.start(Path.of("target").toAbsolutePath().resolve("pg-blobs-" + UUID.randomUUID()));
        Flyway.configure().dataSource(postgres.jdbcUrl("candor"), null, null).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aLargeBlobGoesInAndComesBackWholeInConstantMemoryAndTheFileStoreIsCompared() throws Exception {
        try (Connection shared = connect()) {
            DatabaseBlobStore store = new DatabaseBlobStore(one(shared), DatabaseKind.POSTGRESQL, this::connect);
            var memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            long peak = 0;
            MessageDigest written = MessageDigest.getInstance("SHA-256");
            long started = System.nanoTime();
            BlobId id;
            try (BlobStore.PendingBlob blob = store.create()) {
                OutputStream out = blob.stream();
                Random random = new Random(1);
                byte[] piece = new byte[64 * 1024];
                long sent = 0;
                while (sent < LARGE) {
                    random.nextBytes(piece);
                    int n = (int) Math.min(piece.length, LARGE - sent);
                    out.write(piece, 0, n);
                    written.update(piece, 0, n);
                    sent += n;
                    if (sent % (50L * 1000 * 1000) < piece.length) {
                        System.gc();
                        peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed() - baseline);
                    }
                }
                id = blob.commit();
            }
            double intoDatabase = (System.nanoTime() - started) / 1e9;
            assertTrue(peak < 32L * 1024 * 1024, "the live heap stays flat while 200 MB go in: " + (peak >> 20) + " MiB");
            assertEquals(LARGE, store.size(id));
            started = System.nanoTime();
            MessageDigest read = MessageDigest.getInstance("SHA-256");
            try (InputStream in = store.open(id)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0;) {
                    read.update(buffer, 0, n);
                }
            }
            double outOfDatabase = (System.nanoTime() - started) / 1e9;
            assertArrayEquals(written.digest(), read.digest());

            FileSystemBlobStore files = new FileSystemBlobStore(work.resolve("blobs"));
            started = System.nanoTime();
            try (BlobStore.PendingBlob blob = files.create()) {
                byte[] piece = new byte[64 * 1024];
                Random random = new Random(1);
                for (long sent = 0; sent < LARGE; sent += piece.length) {
                    random.nextBytes(piece);
                    blob.stream().write(piece, 0, (int) Math.min(piece.length, LARGE - sent));
                }
                blob.commit();
            }
            double intoFiles = (System.nanoTime() - started) / 1e9;
            System.out.printf("200 MB blob: database store %.1f s in (%.0f MB/s), %.1f s out (%.0f MB/s); file store"
                    + " %.1f s in (%.0f MB/s); live heap grew at most %d MiB%n", intoDatabase, LARGE / 1e6 / intoDatabase,
                    outOfDatabase, LARGE / 1e6 / outOfDatabase, intoFiles, LARGE / 1e6 / intoFiles, peak >> 20);
            store.delete(id);
            assertEquals(0, count(shared, "select count(*) from stored_blob_chunk where blob_id = '" + id.value() + "'"),
                    "a deleted blob leaves no chunk");
        }
    }

    @Test
    void aBlobHeldByALiveProcessIsNeverSweptAndADeadProcesssBlobsAre() throws Exception {
        List<Connection> killable = new ArrayList<>();
        try (Connection shared = connect()) {
            DataSource database = one(shared);
            DatabaseBlobStore dying = new DatabaseBlobStore(database, DatabaseKind.POSTGRESQL, () -> {
                Connection c = connect();
                killable.add(c);
                return c;
            });
            DatabaseBlobStore other = new DatabaseBlobStore(database, DatabaseKind.POSTGRESQL, this::connect);

            BlobStore.PendingBlob partial = dying.create();
            partial.stream().write(new byte[3 * DatabaseBlobStore.CHUNK]);
            BlobStore.PendingBlob held = dying.create();
            held.stream().write(new byte[] {1, 2, 3});
            BlobId heldId = held.commit(); // its case row "is on its way"
            assertEquals(0, other.sweepPending(), "another live instance's upload in progress stays");
            assertFalse(other.deleteIfAbandoned(heldId, unreferenced -> true), "a blob held by a live instance stays");
            assertEquals(List.of(heldId), other.committedBefore(java.time.Instant.MAX), "a partial blob is never listed");

            BlobStore.PendingBlob aborted = other.create();
            aborted.stream().write(new byte[DatabaseBlobStore.CHUNK + 10]);
            aborted.abort();
            assertEquals(0, count(shared, "select count(*) from stored_blob where writer = " + other.writerKey()),
                    "an abort leaves nothing");

            List<Integer> backends = new ArrayList<>();
            for (Connection c : killable) {
                backends.add((int) count(c, "select pg_backend_pid()"));
                c.close(); // the process dies: the server lets its lock go with its connection
            }
            awaitGone(shared, backends);
            assertEquals(1, other.sweepPending(), "a dead instance's partial upload is swept");
            assertTrue(other.deleteIfAbandoned(heldId, unreferenced -> true), "a dead instance's unrecorded blob is swept");
            assertEquals(0, count(shared, "select count(*) from stored_blob"));
            assertEquals(0, count(shared, "select count(*) from stored_blob_chunk"), "no chunk remains");
        }
    }

    @Test
    void aBudgetSpentThroughOneInstanceIsSpentForTheOtherAndAChargeCostsOneRoundTrip() throws Exception {
        try (Connection first = connect(); Connection second = connect()) {
            SharedBudgets one = new SharedBudgets(one(first));
            SharedBudgets two = new SharedBudgets(one(second));
            Duration minute = Duration.ofMinutes(1);
            for (int i = 0; i < 10; i++) {
                assertTrue(one.tryTake("intake/test", 10, minute));
            }
            assertFalse(two.tryTake("intake/test", 10, minute), "the other instance finds the budget spent");
            assertTrue(two.anySpent(List.of("intake/test", "intake"), List.of(10, 120), minute));
            assertFalse(two.anySpent(List.of("intake/other", "intake"), List.of(10, 120), minute),
                    "another channel's budget is untouched");

            int charges = 2000;
            long started = System.nanoTime();
            for (int i = 0; i < charges; i++) {
                one.tryTake("intake/timing", 1_000_000, minute);
            }
            double chargeMicros = (System.nanoTime() - started) / 1e3 / charges;
            started = System.nanoTime();
            for (int i = 0; i < charges; i++) {
                one.anySpent(List.of("intake/timing", "intake"), List.of(1_000_000, 1_000_000), minute);
            }
            double lookMicros = (System.nanoTime() - started) / 1e3 / charges;
            System.out.printf("Shared budget on PostgreSQL (loopback): a charge %.0f us, a pressure check %.0f us%n",
                    chargeMicros, lookMicros);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("candor"));
    }

    /**
     * Waits until the server has ended the given backends. A client's close only sends the
     * goodbye; the server lets the session's advisory lock go a moment later, on its own time.
     */
    private static void awaitGone(Connection c, List<Integer> backends) throws Exception {
        String alive = "select count(*) from pg_stat_activity where pid in ("
                + String.join(",", backends.stream().map(String::valueOf).toList()) + ")";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count(c, alive) > 0) {
            assertTrue(System.nanoTime() < deadline, "the server ends a closed connection's session");
            Thread.sleep(20);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** A data source that hands out one open connection again and again, as a warm pool does. */
    private static DataSource one(Connection connection) {
        Connection kept = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> kept;
                    case "getLogWriter" -> (PrintWriter) null;
                    case "getParentLogger" -> Logger.getGlobal();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
