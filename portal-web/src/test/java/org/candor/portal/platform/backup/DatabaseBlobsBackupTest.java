package org.candor.portal.platform.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Random;
import org.candor.crypto.LockSecret;
import org.candor.crypto.OpenedStream;
import org.candor.crypto.Opener;
import org.candor.crypto.ReplyCode;
import org.candor.crypto.ReplyCodeDerivation;
import org.candor.crypto.UnlockedKey;
import org.candor.crypto.WhistleblowerKey;
import org.candor.portal.blobstore.BlobId;
import org.candor.portal.blobstore.BlobStore;
import org.candor.portal.blobstore.DatabaseBlobStore;
import org.candor.portal.platform.persistence.DatabaseKind;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup of an installation on H2 whose blobs are in the database: the blobs travel in the
 * database's script, come back byte for byte after a restore into a new data directory, and a
 * blob that was still being written when the backup was made is swept at the first start.
 */
class DatabaseBlobsBackupTest {

    @TempDir
    Path work;

    @Test
    void blobsInTheDatabaseAreBackedUpAndRestoredWithIt() throws Exception {
        Path data = work.resolve("data");
        DatabaseBlobStore store = new DatabaseBlobStore(h2(data), DatabaseKind.H2, () -> {
            throw new SQLException("no lock connection on H2");
        });
        byte[] content = new byte[3 * DatabaseBlobStore.CHUNK + 4321];
        new Random(3).nextBytes(content);
        BlobId id;
        try (BlobStore.PendingBlob blob = store.create()) {
            blob.stream().write(content);
            id = blob.commit();
        }
        BlobStore.PendingBlob unfinished = store.create(); // still being written when the backup is made
        unfinished.stream().write(new byte[DatabaseBlobStore.CHUNK + 1]);

        LockSecret secret = ReplyCodeDerivation.lockSecret(ReplyCode.generate());
        WhistleblowerKey operator = WhistleblowerKey.generate(secret);
        Path operatorKey = Files.writeString(work.resolve("operator.asc"), operator.recipient().toArmored());
        Path backup = work.resolve("backup.pgp");
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        assertEquals(0, Backups.run(new String[] {"backup", "--to", backup.toString(), "--operator-key", operatorKey.toString()},
                Map.of("CANDOR_DATA_DIR", data.toString()), InputStream.nullInputStream(), new PrintStream(said, true),
                System.err), said.toString());
        assertTrue(said.toString(StandardCharsets.UTF_8).contains("0 blob files (blobs kept in the database are in it)"),
                said.toString());

        Path archive = work.resolve("backup.zip");
        try (UnlockedKey key = operator.unlock(secret); InputStream sealed = Files.newInputStream(backup);
                OpenedStream opened = Opener.with(key).open(sealed); OutputStream zip = Files.newOutputStream(archive)) {
            opened.transferTo(zip);
        }
        Path restored = work.resolve("restored");
        assertEquals(0, Backups.run(new String[] {"restore", "--from", archive.toString()},
                Map.of("CANDOR_DATA_DIR", restored.toString()), new ByteArrayInputStream(new byte[0]), System.out, System.err));

        DatabaseBlobStore after = new DatabaseBlobStore(h2(restored), DatabaseKind.H2, () -> {
            throw new SQLException("no lock connection on H2");
        });
        try (InputStream in = after.open(id)) {
            assertArrayEquals(content, in.readAllBytes(), "the restored blob is the one backed up");
        }
        assertEquals(1, after.sweepPending(), "the upload in progress at backup time is swept at the first start");
    }

    private static JdbcDataSource h2(Path data) {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:file:" + data.resolve("database").resolve("candor"));
        database.setUser("candor");
        database.setPassword("");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        return database;
    }
}
