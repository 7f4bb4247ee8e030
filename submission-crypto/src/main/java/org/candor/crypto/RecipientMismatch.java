package org.candor.crypto;

import java.util.Set;

/**
 * A ciphertext is addressed to a different set of keys than expected: a recipient is missing, an unexpected one
 * was added, or a recipient is hidden behind a wildcard key ID. Raised by {@link CiphertextInspector}.
 */
public final class RecipientMismatch extends CryptoException {

    private static final long serialVersionUID = 1L;

    private final transient Set<String> missing;
    private final transient Set<String> unexpected;

    public RecipientMismatch(String message, Set<String> missing, Set<String> unexpected) {
        super(message);
        this.missing = Set.copyOf(missing);
        this.unexpected = Set.copyOf(unexpected);
    }

    /** Fingerprints of expected recipients the message is not addressed to. */
    public Set<String> missing() {
        return missing == null ? Set.of() : missing;
    }

    /** Key IDs (16 hex digits; all zeros for a wildcard) the message is addressed to but that were not expected. */
    public Set<String> unexpected() {
        return unexpected == null ? Set.of() : unexpected;
    }
}
