package org.candor.portal.channel;

import java.util.Optional;
import java.util.UUID;
import org.candor.crypto.RecipientKey;

/**
 * Where a channel learns whether its recipients can receive reports: the public keys of staff
 * members, as the keys feature stores them. A key is usable when a {@link RecipientKey} can be
 * made from it (valid, not expired, not revoked, with an encryption subkey).
 *
 * <p>Implemented by the feature that keeps investigator keys. The channel package only reads
 * through this interface, so that it never touches key storage.
 */
public interface RecipientKeys {

    /** Whether a staff member has a usable key now, and if not, why not. Never null. */
    KeyStatus statusOf(UUID staffId);

    /** The staff member's key if it is usable now. */
    default Optional<RecipientKey> usableKeyOf(UUID staffId) {
        return statusOf(staffId) instanceof KeyStatus.Usable usable ? Optional.of(usable.key()) : Optional.empty();
    }
}
