package org.candor.crypto;

import java.io.IOException;

/**
 * The common type of every refusal this library makes: crypto fails closed, with a typed exception whose message
 * a person can act on (docs/design.md, "Errors").
 *
 * <p>It is an {@link IOException} so that streams can throw it where the failure is found: an
 * {@link OpenedStream} throws {@link IntegrityCheckFailed} from {@code read()} at the end of a tampered message,
 * and callers that copy streams handle one exception type. Messages never contain plaintext, passphrases,
 * reply codes or key material.
 */
public abstract sealed class CryptoException extends IOException
        permits IntegrityCheckFailed, MalformedMessage, UnknownRecipient, RecipientMismatch, KeyRejected,
        WrongPassphrase, ReplyCodeTypo {

    private static final long serialVersionUID = 1L;

    CryptoException(String message) {
        super(message);
    }

    CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
