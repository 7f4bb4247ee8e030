package org.candor.crypto;

/** The passphrase (or code-derived lock secret) does not unlock the key. */
public final class WrongPassphrase extends CryptoException {

    private static final long serialVersionUID = 1L;

    public WrongPassphrase(String message) {
        super(message);
    }
}
