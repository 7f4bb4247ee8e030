package org.candor.portal.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/**
 * A row of a channel's recipients: the staff id of an investigator, kept as its text form. The
 * server's EclipseLink binds a UUID that is not an entity id as text, which PostgreSQL refuses
 * for a {@code uuid} column; text binds the same on H2 and PostgreSQL.
 */
@Embeddable
class Recipient {

    @Column(name = "staff_id", nullable = false, length = 36)
    private String staffId;

    protected Recipient() {
        // for JPA
    }

    Recipient(UUID staffId) {
        this.staffId = staffId.toString();
    }

    UUID staffId() {
        return UUID.fromString(staffId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Recipient that && staffId.equals(that.staffId);
    }

    @Override
    public int hashCode() {
        return staffId.hashCode();
    }
}
