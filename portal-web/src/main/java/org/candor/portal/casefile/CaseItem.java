package org.candor.portal.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.candor.portal.blobstore.BlobId;

/** One sealed piece of a case: its kind, author, day, and the blob holding its ciphertext. */
@Entity
@Table(name = "case_item")
public class CaseItem {

    @Id
    private UUID id;

    @Column(name = "case_id", nullable = false)
    private UUID caseId;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ItemKind kind;

    /*
     * Held as text: EclipseLink's own UUID conversion (5.0.0-B08, in Payara Micro 7) fails on a
     * null column value, and this one is null for everything the whistleblower wrote.
     */
    @Column(name = "author_staff_id", length = 36)
    private String authorStaffId;

    @Column(name = "created_on", nullable = false)
    private LocalDate createdOn;

    @Column(name = "blob_id", nullable = false, length = 32)
    private String blobId;

    @Column(name = "ciphertext_bytes", nullable = false)
    private long ciphertextBytes;

    protected CaseItem() {
        // for JPA
    }

    CaseItem(UUID id, UUID caseId, int position, ItemKind kind, UUID authorStaffId, LocalDate createdOn, BlobId blob,
            long ciphertextBytes) {
        this.id = id;
        this.caseId = caseId;
        this.position = position;
        this.kind = kind;
        this.authorStaffId = authorStaffId == null ? null : authorStaffId.toString();
        this.createdOn = createdOn;
        this.blobId = blob.value();
        this.ciphertextBytes = ciphertextBytes;
    }

    public UUID id() {
        return id;
    }

    public UUID caseId() {
        return caseId;
    }

    public int position() {
        return position;
    }

    public ItemKind kind() {
        return kind;
    }

    /** The investigator who wrote it; empty when the whistleblower did. */
    public Optional<UUID> authorStaffId() {
        return Optional.ofNullable(authorStaffId).map(UUID::fromString);
    }

    public LocalDate createdOn() {
        return createdOn;
    }

    public BlobId blob() {
        return new BlobId(blobId);
    }

    public long ciphertextBytes() {
        return ciphertextBytes;
    }

    /** Points the item at its contents sealed anew (same plaintext, other recipients, fresh session key). */
    public void resealedInto(BlobId blob, long ciphertextBytes) {
        this.blobId = blob.value();
        this.ciphertextBytes = ciphertextBytes;
    }
}
