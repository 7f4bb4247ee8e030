package org.candor.portal.audit;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.SortedMap;

/**
 * An audit entry as oversight reads it: what happened, who did it, when, about what. Read only:
 * entries are written by {@link AuditLog} alone, and never changed. Not cached, so that a page
 * shows what the database holds now.
 */
@Entity
@Table(name = "audit_entry")
@Cacheable(false)
public class AuditEntry {

    @Id
    private long seq;

    @Column(name = "recorded_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime recordedAt;

    @Column(name = "actor_kind", nullable = false, insertable = false, updatable = false)
    private String actorKind;

    @Column(name = "actor_name", insertable = false, updatable = false)
    private String actorName;

    @Column(name = "action", nullable = false, insertable = false, updatable = false)
    private String action;

    @Column(name = "subject_kind", insertable = false, updatable = false)
    private String subjectKind;

    @Column(name = "subject_id", insertable = false, updatable = false)
    private String subjectId;

    @Column(name = "details", nullable = false, insertable = false, updatable = false)
    private String details;

    @Column(name = "entry_hash", nullable = false, insertable = false, updatable = false)
    private String entryHash;

    protected AuditEntry() {
        // for JPA
    }

    public long seq() {
        return seq;
    }

    public Instant recordedAt() {
        return recordedAt.toInstant();
    }

    /** {@code staff}, {@code system} or {@code anonymous}. */
    public String actorKind() {
        return actorKind;
    }

    /** The staff member's sign-in name, or {@code null}. */
    public String actorName() {
        return actorName;
    }

    /** The action's name; one of {@link AuditAction} for entries this portal wrote. */
    public String action() {
        return action;
    }

    /** What the entry is about, or {@code null}. */
    public String subjectKind() {
        return subjectKind;
    }

    public String subjectId() {
        return subjectId;
    }

    public SortedMap<String, String> details() {
        return AuditChain.parseDetails(details);
    }

    public String entryHash() {
        return entryHash;
    }

    @Override
    public String toString() {
        return "AuditEntry[" + seq + " " + action + "]";
    }
}
