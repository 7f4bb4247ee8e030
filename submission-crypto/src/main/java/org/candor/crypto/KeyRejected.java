package org.candor.crypto;

/**
 * A key offered to Candor cannot be used, with the reason in words a person understands (for example "the key
 * is revoked" or "RSA keys must have at least 3072 bits; this one has 2048"). Keeps docs/design.md property 4:
 * investigator keys are standard OpenPGP keys that are fit for use.
 */
public final class KeyRejected extends CryptoException {

    private static final long serialVersionUID = 1L;

    /** Why a key was refused. */
    public enum Reason {
        /** Not OpenPGP, broken armor or packets. */
        MALFORMED,
        /** A public key was given where a secret key is needed, or the secret parts are missing. */
        NOT_A_SECRET_KEY,
        /** No valid subkey (or primary key) that may encrypt. */
        NO_ENCRYPTION_KEY,
        /** The key (or every encryption subkey) has expired. */
        EXPIRED,
        /** The key (or every encryption subkey) is revoked. */
        REVOKED,
        /** The key is too weak: RSA below 3072 bits, or similar. */
        TOO_WEAK,
        /** An algorithm, key version or protection Candor does not support. */
        UNSUPPORTED
    }

    private final Reason reason;

    public KeyRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public KeyRejected(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
