package org.candor.portal.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.UUID;

/** An investigator a case is sealed to, with the fingerprint of the key it was sealed with. */
@Embeddable
public class CaseRecipient {

    @Column(name = "staff_id", nullable = false)
    private UUID staffId;

    @Column(nullable = false, length = 64)
    private String fingerprint;

    protected CaseRecipient() {
        // for JPA
    }

    public CaseRecipient(UUID staffId, String fingerprint) {
        this.staffId = Objects.requireNonNull(staffId);
        this.fingerprint = Objects.requireNonNull(fingerprint);
    }

    public UUID staffId() {
        return staffId;
    }

    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaseRecipient other && other.staffId.equals(staffId) && other.fingerprint.equals(fingerprint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(staffId, fingerprint);
    }
}
