package org.candor.portal.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.candor.portal.platform.persistence.CandorDataSourceDefinition;

/**
 * Appends events to the audit log (docs/design.md property 8). Call {@link #record} inside the
 * transaction of the action it records: the action and its entry commit together or not at all.
 *
 * <p>Each append locks the one-row chain head ({@code select ... for update}) until the
 * transaction ends, so appends from every thread and every portal instance queue up and the
 * chain never forks. The lock is held until the caller's transaction commits: record near the
 * end of a transaction, not before slow work.
 *
 * <p>It also verifies the chain for the oversight pages, with the same {@link AuditVerifier} an
 * external auditor runs, trusting this portal's own public key.
 */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    @Inject
    AuditSigner signer;

    @Resource(lookup = CandorDataSourceDefinition.JNDI_NAME)
    DataSource dataSource;

    Clock clock = Clock.systemUTC();

    /**
     * Appends an event, in the caller's transaction if there is one (a new one otherwise). If the
     * entry cannot be written or signed, the exception rolls the caller's action back with it.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void record(AuditEvent event) {
        AuditSigningKey key = signer.key();
        Object[] head = (Object[]) em.createNativeQuery("select last_seq, last_hash from audit_head where id = 1 for update")
                .getSingleResult();
        long seq = ((Number) head[0]).longValue() + 1;
        byte[] prev = HexFormat.of().parseHex(((String) head[1]).trim());
        ChainEntry entry = AuditChain.next(seq, clock.instant(), event, prev, key);
        HexFormat hex = HexFormat.of();
        em.createNativeQuery("insert into audit_entry (seq, recorded_at, actor_kind, actor_id, actor_name, action,"
                        + " subject_kind, subject_id, details, key_id, prev_hash, entry_hash, signature)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
                .setParameter(1, entry.seq())
                .setParameter(2, entry.recordedAt().atOffset(ZoneOffset.UTC))
                .setParameter(3, entry.actorKind())
                .setParameter(4, entry.actorId())
                .setParameter(5, entry.actorName())
                .setParameter(6, entry.action())
                .setParameter(7, entry.subjectKind())
                .setParameter(8, entry.subjectId())
                .setParameter(9, entry.details())
                .setParameter(10, entry.keyId())
                .setParameter(11, hex.formatHex(entry.prevHash()))
                .setParameter(12, entry.entryHashHex())
                .setParameter(13, hex.formatHex(entry.signature()))
                .executeUpdate();
        em.createNativeQuery("update audit_head set last_seq = ?1, last_hash = ?2 where id = 1")
                .setParameter(1, entry.seq())
                .setParameter(2, entry.entryHashHex())
                .executeUpdate();
    }

    /** The end of the chain as stored now. */
    @Transactional
    public AuditHead head() {
        Object[] head = (Object[]) em.createNativeQuery("select last_seq, last_hash from audit_head where id = 1")
                .getSingleResult();
        return new AuditHead(((Number) head[0]).longValue(), (String) head[1]);
    }

    /**
     * Verifies the whole chain as committed, with this portal's public key, and its end against a
     * head noted earlier if one is given. Runs outside any transaction: it reads what others
     * committed, and entries appended meanwhile are checked too.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public AuditVerdict verify(Optional<AuditHead> noted) {
        try (Connection connection = dataSource.getConnection()) {
            return new AuditVerifier(List.of(signer.key().publicKey())).verify(connection, noted);
        } catch (SQLException e) {
            throw new IllegalStateException("the audit log could not be read", e);
        }
    }

    /** The public key that verifies this portal's entries, in PEM, for auditors. */
    public String publicKeyPem() {
        return AuditKeys.toPem(signer.key().publicKey());
    }

    /** The fingerprint of the key that signs new entries ({@link AuditKeys#fingerprint}). */
    public String fingerprint() {
        return AuditKeys.fingerprint(signer.key().publicKey());
    }

    /**
     * The signed head to publish: the last entry's sequence number, hash, time, key id and its own
     * signature, read from the log as committed; empty while the log is empty. Needs no private
     * key, so the instance that serves the public pages can publish it; and reads only the columns
     * the head shows, the only ones of the log the intake's database role may read
     * (deploy/postgresql/roles.sql): no actor, action, subject or details.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<PublishedHead> publishedHead() {
        try (Connection connection = dataSource.getConnection();
                java.sql.PreparedStatement select = connection.prepareStatement("select e.seq, e.recorded_at, e.key_id,"
                        + " e.entry_hash, e.signature from audit_entry e join audit_head h on e.seq = h.last_seq"
                        + " where h.id = 1");
                java.sql.ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            java.util.HexFormat hex = java.util.HexFormat.of();
            return Optional.of(new PublishedHead(row.getLong(1), hex.formatHex(hex.parseHex(row.getString(4).trim())),
                    row.getObject(2, java.time.OffsetDateTime.class).toInstant(), row.getString(3),
                    hex.formatHex(hex.parseHex(row.getString(5).trim()))));
        } catch (SQLException e) {
            throw new IllegalStateException("the audit log could not be read", e);
        }
    }

    /** The id of the key that signs new entries. */
    public String keyId() {
        return signer.key().keyId();
    }
}
