package org.candor.crypto;

/**
 * A typed-in reply code is not a valid code: wrong length, a character that codes never contain, or a failed
 * checksum (a mistyped or swapped character). The message says which, and never repeats the code. Keeps
 * docs/design.md property 3 ("a check that catches typos").
 */
public final class ReplyCodeTypo extends CryptoException {

    private static final long serialVersionUID = 1L;

    public ReplyCodeTypo(String message) {
        super(message);
    }
}
