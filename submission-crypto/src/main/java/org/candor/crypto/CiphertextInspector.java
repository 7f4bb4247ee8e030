package org.candor.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.candor.crypto.internal.Keys;
import org.candor.crypto.internal.Messages;

/**
 * Checks, without any private key, that a ciphertext (for example one sealed in the whistleblower's browser) is a
 * well-formed, integrity-protected OpenPGP message addressed to exactly the expected recipients. Keeps docs/design.md
 * property 2 (the intake, which holds no private key, refuses garbage and plaintext before storing anything) and
 * property 10 (bad input fails clearly).
 *
 * <p>Accepted: optional marker packets, then one or more public-key session-key packets, then one SEIPD packet
 * (v1, or v2 with AES) that ends the input. Refused: plaintext OpenPGP data (literal, compressed, signed) and
 * non-OpenPGP input ({@link MalformedMessage}); the old encrypted packet without integrity protection
 * ({@link IntegrityCheckFailed}); password-encrypted messages and anything after the encrypted packet
 * ({@link MalformedMessage}); a recipient missing, an extra recipient, or a wildcard (hidden) recipient
 * ({@link RecipientMismatch}). The contents cannot be checked without a key: the MDC or AEAD tags are verified
 * when the message is opened.
 */
public final class CiphertextInspector {

    /** What an accepted ciphertext is. */
    public record Report(Set<String> recipientFingerprints, int seipdVersion, long ciphertextBytes) {
    }

    private final List<RecipientKey> expected;

    private CiphertextInspector(List<RecipientKey> expected) {
        this.expected = expected;
    }

    public static CiphertextInspector expecting(RecipientKey... recipients) {
        return expecting(Arrays.asList(recipients));
    }

    public static CiphertextInspector expecting(Collection<RecipientKey> recipients) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("at least one expected recipient is needed");
        }
        return new CiphertextInspector(List.copyOf(new LinkedHashSet<>(recipients)));
    }

    /** Reads {@code ciphertext} to its end and accepts or refuses it. */
    public Report inspect(InputStream ciphertext) throws IOException {
        return inspectWhileCopying(ciphertext, null);
    }

    /**
     * Like {@link #inspect}, copying every byte read to {@code copy} (for example a temporary blob). On an
     * exception the copy is incomplete or refused and must be deleted by the caller.
     */
    public Report inspectWhileCopying(InputStream ciphertext, OutputStream copy) throws IOException {
        Messages.Structure structure = Messages.inspect(ciphertext, copy);
        Set<String> present = new LinkedHashSet<>();
        Set<String> unexpected = new LinkedHashSet<>();
        for (long keyId : structure.recipientKeyIds()) {
            RecipientKey match = null;
            for (RecipientKey recipient : expected) {
                if (recipient.hasEncryptionKeyId(keyId)) {
                    match = recipient;
                }
            }
            if (match == null) {
                unexpected.add(Keys.keyId(keyId));
            } else {
                present.add(match.fingerprint());
            }
        }
        Set<String> missing = new LinkedHashSet<>();
        for (RecipientKey recipient : expected) {
            if (!present.contains(recipient.fingerprint())) {
                missing.add(recipient.fingerprint());
            }
        }
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            StringBuilder message = new StringBuilder("the message is not addressed to exactly the expected keys:");
            if (!missing.isEmpty()) {
                message.append(" missing ").append(missing);
            }
            if (unexpected.contains(Keys.keyId(0L))) {
                message.append(" a hidden (wildcard) recipient;");
            }
            if (!unexpected.isEmpty()) {
                message.append(" unexpected ").append(unexpected);
            }
            throw new RecipientMismatch(message.toString(), missing, unexpected);
        }
        return new Report(Set.copyOf(present), structure.seipdVersion(), structure.bytes());
    }
}
