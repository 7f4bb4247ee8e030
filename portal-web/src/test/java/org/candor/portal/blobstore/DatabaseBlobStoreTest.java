package org.candor.portal.blobstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Random;
import org.candor.portal.platform.persistence.DatabaseKind;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database blob store on the embedded H2 database, as one instance uses it: a blob larger than
 * many chunks comes back byte for byte, an aborted or unfinished blob is never readable and leaves
 * no row, a held blob is not swept and one left by a stopped process is. (The same on PostgreSQL,
 * with two live processes, in deploy's DatabaseBlobStoreOnPostgreSqlIT.)
 */
class DatabaseBlobStoreTest {

    @TempDir
    Path folder;

    private JdbcDataSource database;

    @BeforeEach
    void migrate() {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:file:" + folder.resolve("db") + ";WRITE_DELAY=0");
        database.setUser("candor");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
    }

    private DatabaseBlobStore store() {
        return new DatabaseBlobStore(database, DatabaseKind.H2, () -> {
            throw new SQLException("no lock connection on H2");
        });
    }

    @Test
    void aBlobOfManyChunksComesBackWhole() throws Exception {
        DatabaseBlobStore store = store();
        long size = 20L * DatabaseBlobStore.CHUNK + 12345;
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        BlobId id;
        try (BlobStore.PendingBlob blob = store.create()) {
            Random random = new Random(7);
            byte[] piece = new byte[100_000];
            OutputStream out = blob.stream();
            for (long left = size; left > 0; left -= piece.length) {
                random.nextBytes(piece);
                int n = (int) Math.min(piece.length, left);
                out.write(piece, 0, n);
                written.update(piece, 0, n);
            }
            out.close(); // as an OpenPGP writer does: the blob is still open
            id = blob.commit();
        }
        assertEquals(size, store.size(id));
        MessageDigest read = MessageDigest.getInstance("SHA-256");
        try (InputStream in = store().open(id)) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0;) {
                read.update(buffer, 0, n);
            }
        }
        assertArrayEquals(written.digest(), read.digest(), "another store reads the same bytes");
        assertEquals(21, count("select count(*) from stored_blob_chunk"));
        store.delete(id);
        assertEquals(0, count("select count(*) from stored_blob_chunk"), "removing a blob removes its chunks");
    }

    @Test
    void anAbortedOrUnfinishedBlobIsNeverReadableAndLeavesNothing() throws Exception {
        DatabaseBlobStore store = store();
        BlobStore.PendingBlob blob = store.create();
        blob.stream().write(new byte[3 * DatabaseBlobStore.CHUNK]);
        assertEquals(3, count("select count(*) from stored_blob_chunk"), "written as it comes");
        assertEquals(0, store.committedBefore(Instant.MAX).size(), "a partial blob is not listed");
        blob.abort();
        assertEquals(0, count("select count(*) from stored_blob"));
        assertEquals(0, count("select count(*) from stored_blob_chunk"), "an abort leaves nothing");

        BlobStore.PendingBlob unfinished = store().create(); // its process "dies": never committed nor aborted
        unfinished.stream().write(new byte[DatabaseBlobStore.CHUNK + 1]);
        assertEquals(1, count("select count(*) from stored_blob_chunk"));
        assertEquals(1, store.sweepPending(), "a stopped writer's partial upload is swept");
        assertEquals(0, count("select count(*) from stored_blob_chunk"));
        assertThrows(IOException.class, unfinished::commit, "the swept upload cannot be committed any more");
    }

    @Test
    void aHeldBlobIsNotSweptAndOneLetGoOrLeftByAStoppedProcessIs() throws Exception {
        DatabaseBlobStore store = store();
        BlobStore.PendingBlob held = store.create();
        held.stream().write(new byte[] {1, 2, 3});
        BlobId id = held.commit();
        assertEquals(0, store.sweepPending());
        assertFalse(store.deleteIfAbandoned(id, unreferenced -> true), "committed, not yet recorded: held");
        held.close();
        assertFalse(store.deleteIfAbandoned(id, unreferenced -> false), "a recorded blob stays");
        assertTrue(store.deleteIfAbandoned(id, unreferenced -> true), "let go and unrecorded: an orphan");

        BlobStore.PendingBlob orphan = store().create(); // a process that stops before it lets go
        orphan.stream().write(new byte[] {4});
        BlobId left = orphan.commit();
        assertTrue(store.deleteIfAbandoned(left, unreferenced -> true), "a stopped process holds nothing");
        assertEquals(0, count("select count(*) from stored_blob"));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
