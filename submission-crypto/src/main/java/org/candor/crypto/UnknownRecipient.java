package org.candor.crypto;

/**
 * The message is not addressed to any of the keys offered to open it (mis-addressed, or the wrong key was
 * unlocked).
 */
public final class UnknownRecipient extends CryptoException {

    private static final long serialVersionUID = 1L;

    public UnknownRecipient(String message) {
        super(message);
    }
}
