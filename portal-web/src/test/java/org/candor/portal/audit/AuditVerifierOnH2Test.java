package org.candor.portal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.candor.portal.audit.AuditVerdict.Problem;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier and the auditor's command over a real database (the embedded H2, migrated like
 * the portal's), with rows tampered with in SQL.
 */
class AuditVerifierOnH2Test {

    private static final AuditSigningKey KEY = AuditSigningKey.generate();

    @TempDir
    Path dataDir;

    private JdbcDataSource h2;
    private List<ChainEntry> chain;

    @BeforeEach
    void storeAChain() throws SQLException {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dataDir.resolve("database/candor"));
        h2.setUser("candor");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        chain = Chains.of(6, KEY);
        try (Connection c = h2.getConnection()) {
            for (ChainEntry e : chain) {
                insert(c, e);
            }
            sql(c, "update audit_head set last_seq = 6, last_hash = '" + chain.get(5).entryHashHex() + "'");
        }
    }

    @Test
    void readsBackAndAcceptsTheStoredChain() throws SQLException {
        try (Connection c = h2.getConnection()) {
            AuditVerdict verdict = new AuditVerifier(List.of(KEY.publicKey())).verify(c);
            assertTrue(verdict.isIntact(), verdict.explain());
            assertEquals(6, verdict.checked());
            assertEquals(new AuditHead(6, chain.get(5).entryHashHex()), verdict.head());
        }
    }

    @Test
    void namesRowsTamperedWithInSql() throws SQLException {
        assertFirstBroken("update audit_entry set details = 'status=CONCLUDED' where seq = 2", Problem.ALTERED, 2);
        assertFirstBroken("update audit_entry set details = (select details from audit_entry where seq = 4) where seq = 2",
                Problem.ALTERED, 2);
        assertFirstBroken("delete from audit_entry where seq = 3", Problem.MISSING_ENTRY, 3);
        assertFirstBroken("update audit_entry set entry_hash = 'zz' where seq = 5", Problem.UNREADABLE, 5);
        assertFirstBroken("delete from audit_entry where seq > 4", Problem.HEAD_MISMATCH, 5);
        assertFirstBroken("delete from audit_head", Problem.HEAD_MISMATCH, 7);
    }

    @Test
    void theCommandSaysIntactAndPrintsTheHeadToNote() throws Exception {
        Path publicKey = writePublicKey();
        Run run = command("--public-key", publicKey.toString());
        assertEquals(0, run.status, run.out + run.err);
        assertTrue(run.out.contains("Audit log intact: 6 entries checked."), run.out);
        assertTrue(run.out.contains("Head: 6:" + chain.get(5).entryHashHex()), run.out);
        assertTrue(run.out.contains("Trusting audit key " + KEY.keyId()), run.out);
    }

    @Test
    void theCommandFindsTheDefaultPublicKeyBesideTheKeyFileAndCatchesACutOffEnd() throws Exception {
        AuditHead noted = new AuditHead(6, chain.get(5).entryHashHex());
        try (Connection c = h2.getConnection()) {
            sql(c, "delete from audit_entry where seq = 6");
            sql(c, "update audit_head set last_seq = 5, last_hash = '" + chain.get(4).entryHashHex() + "'");
        }
        writePublicKey();
        assertEquals(0, command().status, "without a noted head the cut-off end goes unseen");
        Run run = command("--expect-head", noted.toString());
        assertEquals(1, run.status, run.out + run.err);
        assertTrue(run.out.contains("AUDIT LOG BROKEN: entry 6 is missing, but the noted head says it existed"), run.out);
        assertTrue(run.out.contains("First broken entry: 6; 5 entries before it are intact"), run.out);
    }

    @Test
    void theCommandExplainsWhatItCannotRead() throws Exception {
        Run noKey = command("--public-key", dataDir.resolve("nowhere.pub").toString());
        assertEquals(2, noKey.status);
        assertTrue(noKey.err.contains("cannot read the public key"), noKey.err);
        Run noDatabase = run(Map.of("CANDOR_DATA_DIR", dataDir.resolve("elsewhere").toString()),
                "--public-key", writePublicKey().toString());
        assertEquals(2, noDatabase.status);
        assertTrue(noDatabase.err.contains("There is no embedded database there"), noDatabase.err);
        Run badOption = command("--head");
        assertEquals(2, badOption.status);
        assertTrue(badOption.err.contains("Usage: candor audit-verify"), badOption.err);
    }

    @Test
    void aHistoryRewrittenAndResignedWithANewKeyIsRefusedByThePinnedKeyAndContradictsTheSavedHead() throws Exception {
        Path heads = Files.createDirectories(dataDir.resolve("saved-heads"));
        Path third = heads.resolve("head-3.txt");
        Path fifth = heads.resolve("head-5.txt");
        Files.writeString(third, "saved from the transparency page\n" + PublishedHead.of(chain.get(2)).toText());
        Files.writeString(fifth, PublishedHead.of(chain.get(4)).toText());
        Path pinned = writePublicKey();
        Run before = command("--public-key", pinned.toString(), "--published-head", heads.toString());
        assertEquals(0, before.status, before.out + before.err);
        assertTrue(before.out.contains("Published head 3:" + chain.get(2).entryHashHex()) && before.out.contains("(signature checked)"),
                before.out);

        // someone with the database and a key of their own rewrites entry 2 and re-signs everything after it
        AuditSigningKey other = AuditSigningKey.generate();
        List<ChainEntry> rewritten = new java.util.ArrayList<>(chain.subList(0, 1));
        for (int i = 2; i <= 6; i++) {
            AuditEvent event = i == 2 ? Chains.event(i).with("reason", "rewritten") : Chains.event(i);
            rewritten.add(AuditChain.next(i, chain.get(i - 1).recordedAt(), event, rewritten.get(i - 2).entryHash(), other));
        }
        try (Connection c = h2.getConnection()) {
            sql(c, "delete from audit_entry");
            for (ChainEntry e : rewritten) {
                insert(c, e);
            }
            sql(c, "update audit_head set last_seq = 6, last_hash = '" + rewritten.get(5).entryHashHex() + "'");
        }
        Path otherPublic = dataDir.resolve("other.pub");
        Files.writeString(otherPublic, AuditKeys.toPem(other.publicKey()));

        Run pinnedOnly = command("--public-key", pinned.toString());
        assertEquals(1, pinnedOnly.status, pinnedOnly.out + pinnedOnly.err);
        assertTrue(pinnedOnly.out.contains("AUDIT LOG BROKEN: entry 2 is signed by a key that is not trusted"), pinnedOnly.out);

        // an auditor handed the new key as well (a "key rotation") finds the chain whole, but not the saved heads
        Run both = command("--public-key", pinned.toString(), "--public-key", otherPublic.toString(),
                "--published-head", fifth.toString(), "--published-head", third.toString());
        assertEquals(0, command("--public-key", pinned.toString(), "--public-key", otherPublic.toString()).status,
                "without the saved heads the rewrite goes unseen");
        assertEquals(1, both.status, both.out + both.err);
        assertTrue(both.out.contains("AUDIT LOG BROKEN: entry 3 differs from the noted head: the log was rewritten"), both.out);
        assertTrue(both.out.contains("The log contradicts the published head in " + third + " (entry 3"), both.out);

        Path forged = heads.resolve("forged.txt");
        Files.writeString(forged, PublishedHead.of(rewritten.get(3)).toText().replace("key: " + other.keyId(), "key: " + KEY.keyId()));
        Run refused = command("--public-key", pinned.toString(), "--published-head", forged.toString());
        assertEquals(2, refused.status);
        assertTrue(refused.err.contains("is not a head the portal published"), refused.err);
        Files.writeString(forged, "seq: 3\n");
        Run unreadable = command("--public-key", pinned.toString(), "--published-head", forged.toString());
        assertEquals(2, unreadable.status);
        assertTrue(unreadable.err.contains("cannot read the published head " + forged), unreadable.err);
    }

    private void assertFirstBroken(String tampering, Problem problem, long firstBroken) throws SQLException {
        storeAChainAgain();
        try (Connection c = h2.getConnection()) {
            sql(c, tampering);
            AuditVerdict verdict = new AuditVerifier(List.of(KEY.publicKey())).verify(c, Optional.empty());
            assertEquals(problem, verdict.problem(), tampering + ": " + verdict.explain());
            assertEquals(firstBroken, verdict.firstBroken(), tampering + ": " + verdict.explain());
        }
    }

    private void storeAChainAgain() throws SQLException {
        try (Connection c = h2.getConnection()) {
            sql(c, "delete from audit_entry");
            sql(c, "delete from audit_head");
            sql(c, "insert into audit_head (id, last_seq, last_hash) values (1, 6, '" + chain.get(5).entryHashHex() + "')");
            for (ChainEntry e : chain) {
                insert(c, e);
            }
        }
    }

    private Path writePublicKey() throws Exception {
        Path file = dataDir.resolve("keys/audit-signing.pub");
        Files.createDirectories(file.getParent());
        Files.writeString(file, AuditKeys.toPem(KEY.publicKey()));
        return file;
    }

    private record Run(int status, String out, String err) {
    }

    private Run command(String... args) {
        return run(Map.of("CANDOR_DATA_DIR", dataDir.toString()), args);
    }

    private static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AuditVerifier.run(args, env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static void insert(Connection c, ChainEntry e) throws SQLException {
        HexFormat hex = HexFormat.of();
        try (PreparedStatement insert = c.prepareStatement("insert into audit_entry (seq, recorded_at, actor_kind,"
                + " actor_id, actor_name, action, subject_kind, subject_id, details, key_id, prev_hash, entry_hash,"
                + " signature) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, e.seq());
            insert.setObject(2, e.recordedAt().atOffset(ZoneOffset.UTC));
            insert.setString(3, e.actorKind());
            insert.setString(4, e.actorId());
            insert.setString(5, e.actorName());
            insert.setString(6, e.action());
            insert.setString(7, e.subjectKind());
            insert.setString(8, e.subjectId());
            insert.setString(9, e.details());
            insert.setString(10, e.keyId());
            insert.setString(11, hex.formatHex(e.prevHash()));
            insert.setString(12, e.entryHashHex());
            insert.setString(13, hex.formatHex(e.signature()));
            insert.executeUpdate();
        }
    }

    private static void sql(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
