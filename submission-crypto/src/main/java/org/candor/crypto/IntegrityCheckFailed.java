package org.candor.crypto;

/**
 * The message was altered, truncated, or carries no integrity protection: whatever plaintext was read so far must
 * be discarded. Keeps docs/design.md "integrity protection is mandatory; anything without it is refused".
 */
public final class IntegrityCheckFailed extends CryptoException {

    private static final long serialVersionUID = 1L;

    public IntegrityCheckFailed(String message) {
        super(message);
    }

    public IntegrityCheckFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
