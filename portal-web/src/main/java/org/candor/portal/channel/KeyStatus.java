package org.candor.portal.channel;

import java.util.Objects;
import org.candor.crypto.KeyRejected;
import org.candor.crypto.RecipientKey;

/**
 * Whether a staff member has a key that reports can be sealed to: none yet, one that cannot be
 * used (with the reason submission-crypto gave), or a usable one.
 */
public sealed interface KeyStatus {

    /** The person has not set up a key yet. */
    record NoKey() implements KeyStatus {
    }

    /** The person has a key, but it cannot be sealed to: expired, revoked, without encryption subkey, ... */
    record Unusable(KeyRejected.Reason reason) implements KeyStatus {
        public Unusable {
            Objects.requireNonNull(reason);
        }
    }

    /** The person has a key that reports can be sealed to. */
    record Usable(RecipientKey key) implements KeyStatus {
        public Usable {
            Objects.requireNonNull(key);
        }
    }

    static KeyStatus noKey() {
        return new NoKey();
    }

    static KeyStatus unusable(KeyRejected.Reason reason) {
        return new Unusable(reason);
    }

    static KeyStatus usable(RecipientKey key) {
        return new Usable(key);
    }

    /** Reads a stored public key: usable if submission-crypto accepts it, else why not. */
    static KeyStatus ofArmored(String armoredPublicKey) {
        try {
            return usable(RecipientKey.fromArmored(armoredPublicKey));
        } catch (KeyRejected rejected) {
            return unusable(rejected.reason());
        }
    }
}
