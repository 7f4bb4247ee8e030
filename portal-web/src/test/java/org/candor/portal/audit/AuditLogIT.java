package org.candor.portal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.candor.portal.audit.AuditVerdict.Problem;
import org.candor.portal.it.Deployments;
import org.candor.portal.oversight.audit.AuditFilter;
import org.candor.portal.oversight.audit.AuditReview;
import org.candor.portal.platform.persistence.CandorDataSourceDefinition;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.session.SignedInStaff;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit log inside Payara Micro on PostgreSQL: entries recorded through {@link AuditLog},
 * rows then tampered with directly in SQL, and the verifier naming the first broken entry. Each
 * tampering is undone afterwards, so every test starts from an intact chain.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditLogIT {

    private static final Actor ADA = Actor.staff(UUID.fromString("6f1c1d2e-8a4b-4c3d-9e5f-0a1b2c3d4e5f"), "ada.admin");
    private static final SignedInStaff OLGA = new SignedInStaff(UUID.randomUUID(), "olga.oversight", "Olga",
            Set.of(Role.OVERSIGHT));

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal().addClasses(AuditLogIT.class, Deployments.class);
    }

    @Inject
    AuditLog audit;

    @Inject
    AuditSigner signer;

    @Inject
    AuditReview review;

    @Inject
    UserTransaction transaction;

    @Resource(lookup = CandorDataSourceDefinition.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Test
    @Order(1)
    void recordsSignedChainedEntriesThatVerifyAndMoveTheHead() throws Exception {
        AuditHead before = audit.head();
        audit.record(AuditEvent.of(AuditAction.STAFF_SIGNED_IN, ADA));
        audit.record(AuditEvent.of(AuditAction.ROLE_GRANTED, ADA).about("staff", UUID.randomUUID()).with("role", "INVESTIGATOR"));
        audit.record(AuditEvent.of(AuditAction.CHANNEL_PUBLISHED, Actor.system()).about("channel", UUID.randomUUID()));

        AuditHead after = audit.head();
        assertEquals(before.seq() + 3, after.seq());
        AuditVerdict verdict = verify(Optional.empty());
        assertTrue(verdict.isIntact(), verdict.explain());
        assertEquals(after, verdict.head());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet row = s.executeQuery("select actor_name, details, key_id from audit_entry where seq = " + (before.seq() + 2))) {
            row.next();
            assertEquals("ada.admin", row.getString(1));
            assertEquals("role=INVESTIGATOR", row.getString(2));
            assertEquals(signer.key().keyId(), row.getString(3));
        }
    }

    @Test
    @Order(2)
    void anEntryRecordedInARolledBackTransactionIsNotKept() throws Exception {
        AuditHead before = audit.head();
        transaction.begin();
        audit.record(AuditEvent.of(AuditAction.STAFF_DISABLED, ADA).about("staff", UUID.randomUUID()));
        transaction.rollback();
        assertEquals(before, audit.head(), "the action and its entry commit together or not at all");
        assertTrue(verify(Optional.empty()).isIntact());
    }

    @Test
    @Order(3)
    void namesAnEntryWhoseDetailWasUpdatedInTheDatabase() throws Exception {
        long seq = recordFive() + 2;
        String original = column(seq, "details");
        sql("update audit_entry set details = 'role=ADMINISTRATOR' where seq = " + seq);
        try {
            assertBroken(verify(Optional.empty()), Problem.ALTERED, seq);
        } finally {
            sql("update audit_entry set details = '" + original + "' where seq = " + seq);
        }
        assertTrue(verify(Optional.empty()).isIntact(), "undoing the change mends the chain");
    }

    @Test
    @Order(4)
    void namesAnEntryDeletedFromTheDatabase() throws Exception {
        long seq = recordFive() + 3;
        ChainEntry deleted = entry(seq);
        sql("delete from audit_entry where seq = " + seq);
        try {
            assertBroken(verify(Optional.empty()), Problem.MISSING_ENTRY, seq);
        } finally {
            insert(deleted);
        }
        assertTrue(verify(Optional.empty()).isIntact());
    }

    @Test
    @Order(5)
    void namesTheFirstOfTwoRowsWhoseContentsWereSwapped() throws Exception {
        long first = recordFive() + 1;
        ChainEntry a = entry(first);
        ChainEntry b = entry(first + 1);
        sql("delete from audit_entry where seq in (" + first + ", " + (first + 1) + ")");
        insert(withSeq(b, first));
        insert(withSeq(a, first + 1));
        try {
            assertBroken(verify(Optional.empty()), Problem.LINK_BROKEN, first);
        } finally {
            sql("delete from audit_entry where seq in (" + first + ", " + (first + 1) + ")");
            insert(a);
            insert(b);
        }
        assertTrue(verify(Optional.empty()).isIntact());
    }

    @Test
    @Order(6)
    void aCutOffEndIsNamedByTheStoredHeadAndEvenWhenThatWasRewrittenByANotedHead() throws Exception {
        long last = recordFive() + 5;
        AuditHead noted = audit.head();
        ChainEntry fourth = entry(last - 1);
        ChainEntry fifth = entry(last);
        sql("delete from audit_entry where seq >= " + (last - 1));
        try {
            assertBroken(verify(Optional.empty()), Problem.HEAD_MISMATCH, last - 1);
            sql("update audit_head set last_seq = " + (last - 2) + ", last_hash = '" + entry(last - 2).entryHashHex() + "'");
            assertTrue(verify(Optional.empty()).isIntact(), "rewriting the stored head hides the cut from the chain alone");
            assertBroken(verify(Optional.of(noted)), Problem.TAIL_MISSING, last - 1);
        } finally {
            insert(fourth);
            insert(fifth);
            sql("update audit_head set last_seq = " + noted.seq() + ", last_hash = '" + noted.hash() + "'");
        }
        assertTrue(verify(Optional.of(noted)).isIntact());
    }

    @Test
    @Order(7)
    void concurrentAppendsFromManyThreadsFormOneGaplessVerifiableChain() throws Exception {
        AuditHead before = audit.head();
        int threads = 6;
        int each = 20;
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            work.add(executor.submit(() -> {
                for (int i = 0; i < each; i++) {
                    audit.record(AuditEvent.of(AuditAction.KEY_UNLOCKED, ADA).with("thread", thread).with("i", i));
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        AuditHead after = audit.head();
        assertEquals(before.seq() + threads * each, after.seq());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet row = s.executeQuery("select count(*), min(seq), max(seq) from audit_entry")) {
            row.next();
            assertEquals(after.seq(), row.getLong(1), "no gaps");
            assertEquals(1, row.getLong(2));
            assertEquals(after.seq(), row.getLong(3));
        }
        AuditVerdict verdict = verify(Optional.of(before));
        assertTrue(verdict.isIntact(), verdict.explain());
        assertEquals(after.seq(), verdict.checked());
    }

    @Test
    @Order(8)
    void oversightListsFiltersAndVerifiesAndTheVerificationIsItselfRecorded() {
        AuditReview.Listing all = review.list(AuditFilter.none(), 1);
        assertEquals(AuditReview.PAGE_SIZE, all.entries().size());
        assertTrue(all.entries().get(0).seq() > all.entries().get(1).seq(), "newest first");
        assertTrue(all.hasNext());

        AuditReview.Listing granted = review.list(AuditFilter.parse("ROLE_GRANTED", "ADA.", "", ""), 1);
        assertFalse(granted.entries().isEmpty());
        assertTrue(granted.entries().stream().allMatch(e -> e.action().equals("ROLE_GRANTED")
                && e.actorName().equals("ada.admin")));
        assertEquals("INVESTIGATOR", granted.entries().get(0).details().get("role"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertEquals(all.total(), review.list(new AuditFilter(null, null, today.minusDays(1), today), 1).total());
        assertEquals(0, review.list(new AuditFilter(null, null, today.plusDays(1), null), 1).total());
        assertEquals(0, review.list(AuditFilter.parse("", "nobody_%", "", ""), 1).total(), "wildcards are taken literally");

        AuditHead noted = review.head();
        AuditVerdict verdict = review.verify(OLGA, Optional.of(noted));
        assertTrue(verdict.isIntact(), verdict.explain());
        AuditEntry recorded = review.list(AuditFilter.parse("AUDIT_VERIFIED", "olga", "", ""), 1).entries().get(0);
        assertEquals(noted.seq() + 1, recorded.seq());
        assertEquals("intact", recorded.details().get("result"));
        assertEquals(String.valueOf(noted.seq()), recorded.details().get("checked"));
        assertTrue(review.publicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----"));
        assertEquals(signer.key().keyId(), review.keyId());
    }

    private long recordFive() {
        long before = audit.head().seq();
        for (int i = 0; i < 5; i++) {
            audit.record(AuditEvent.of(AuditAction.ROLE_GRANTED, ADA).about("staff", new UUID(7, i)).with("role", "INVESTIGATOR"));
        }
        return before;
    }

    private AuditVerdict verify(Optional<AuditHead> noted) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return new AuditVerifier(List.of(signer.key().publicKey())).verify(c, noted);
        }
    }

    private static void assertBroken(AuditVerdict verdict, Problem problem, long firstBroken) {
        assertEquals(problem, verdict.problem(), verdict.explain());
        assertEquals(firstBroken, verdict.firstBroken(), verdict.explain());
        assertEquals(firstBroken - 1, verdict.checked(), verdict.explain());
    }

    private String column(long seq, String column) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet row = s.executeQuery("select " + column + " from audit_entry where seq = " + seq)) {
            row.next();
            return row.getString(1);
        }
    }

    private ChainEntry entry(long seq) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet row = s.executeQuery("select seq, recorded_at, actor_kind, actor_id, actor_name, action,"
                        + " subject_kind, subject_id, details, key_id, prev_hash, entry_hash, signature"
                        + " from audit_entry where seq = " + seq)) {
            assertTrue(row.next(), "entry " + seq);
            return AuditVerifier.read(row);
        }
    }

    private static ChainEntry withSeq(ChainEntry e, long seq) {
        return new ChainEntry(seq, e.recordedAt(), e.actorKind(), e.actorId(), e.actorName(), e.action(),
                e.subjectKind(), e.subjectId(), e.details(), e.keyId(), e.prevHash(), e.entryHash(), e.signature());
    }

    private void insert(ChainEntry e) throws SQLException {
        HexFormat hex = HexFormat.of();
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("insert into audit_entry (seq, recorded_at, actor_kind,"
                        + " actor_id, actor_name, action, subject_kind, subject_id, details, key_id, prev_hash,"
                        + " entry_hash, signature) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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

    private void sql(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
