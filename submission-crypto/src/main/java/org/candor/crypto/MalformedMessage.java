package org.candor.crypto;

/**
 * The input is not an OpenPGP message of the kind Candor accepts (not OpenPGP at all, plaintext packets,
 * password-encrypted, broken packet structure, or trailing data).
 */
public final class MalformedMessage extends CryptoException {

    private static final long serialVersionUID = 1L;

    public MalformedMessage(String message) {
        super(message);
    }

    public MalformedMessage(String message, Throwable cause) {
        super(message, cause);
    }
}
