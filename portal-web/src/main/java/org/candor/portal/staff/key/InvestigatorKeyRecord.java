package org.candor.portal.staff.key;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.candor.crypto.InvestigatorKey;
import org.candor.crypto.KeyRejected;

/**
 * An investigator's OpenPGP key as stored: the public key in armor, and the secret key locked
 * under the investigator's passphrase (docs/design.md property 4). The portal cannot unlock it
 * without that passphrase.
 */
@Entity
@Table(name = "investigator_key")
public class InvestigatorKeyRecord {

    /** Where a key came from. */
    public enum Origin { GENERATED, IMPORTED }

    @Id
    @Column(name = "staff_id")
    private UUID staffId;

    @Column(nullable = false, length = 64)
    private String fingerprint;

    @Column(name = "public_armored", nullable = false, length = 32000)
    private String publicArmored;

    @Column(name = "locked_secret", nullable = false, length = 32000)
    private String lockedSecret;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Origin origin;

    @Column(name = "created_on", nullable = false)
    private LocalDate createdOn;

    protected InvestigatorKeyRecord() {
        // for JPA
    }

    InvestigatorKeyRecord(UUID staffId, InvestigatorKey key, Origin origin, LocalDate createdOn) {
        this.staffId = staffId;
        this.origin = origin;
        this.createdOn = createdOn;
        replace(key);
    }

    /** Stores a new form of the key (after a passphrase change). */
    void replace(InvestigatorKey key) {
        this.fingerprint = key.fingerprint();
        this.publicArmored = key.exportPublicArmored();
        this.lockedSecret = Base64.getEncoder().encodeToString(key.toStorage());
    }

    public UUID staffId() {
        return staffId;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String publicArmored() {
        return publicArmored;
    }

    public Origin origin() {
        return origin;
    }

    public LocalDate createdOn() {
        return createdOn;
    }

    /** The key, still locked. */
    InvestigatorKey key() throws KeyRejected {
        return InvestigatorKey.fromStorage(Base64.getDecoder().decode(lockedSecret));
    }

    @Override
    public String toString() {
        return "InvestigatorKeyRecord[" + fingerprint + "]";
    }
}
