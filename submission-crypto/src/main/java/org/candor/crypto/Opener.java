package org.candor.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.openpgp.PGPPrivateKey;
import org.candor.crypto.internal.Messages;

/**
 * Opens OpenPGP messages (sealed by Candor, GnuPG or OpenPGP.js) with unlocked keys, and never lets plaintext pass
 * as trusted before the integrity check. Keeps docs/design.md's "crypto fails closed ... decrypted data is released only
 * after the integrity check passed" and docs/design.md's "integrity protection is mandatory; anything without it is
 * refused".
 *
 * <p>Three ways to read, from the safest:
 * <ul>
 *   <li>{@link #openAll(InputStream, int)}: small messages; returns the plaintext only after the check.</li>
 *   <li>{@link #openTo(InputStream, PlaintextSink)}: any size; the sink is committed after the check, discarded
 *   otherwise.</li>
 *   <li>{@link #open(InputStream)}: an {@link OpenedStream} for streaming onwards; it throws
 *   {@link IntegrityCheckFailed} at the end instead of end-of-stream if the message is bad.</li>
 * </ul>
 * Accepted: SEIPDv1 (with MDC) and SEIPDv2 (AEAD) with AES, binary or armored, compressed or not; signatures
 * inside are skipped, not verified. Refused: messages without integrity protection ({@link IntegrityCheckFailed},
 * before any plaintext), not addressed to the keys ({@link UnknownRecipient}), not OpenPGP or not encrypted
 * ({@link MalformedMessage}); tampered or truncated messages fail with {@link IntegrityCheckFailed}.
 */
public final class Opener {

    private final List<UnlockedKey> keys;

    private Opener(List<UnlockedKey> keys) {
        this.keys = keys;
    }

    /** An opener that tries each of these keys. The keys stay owned (and closed) by the caller. */
    public static Opener with(UnlockedKey... keys) {
        return with(Arrays.asList(keys));
    }

    public static Opener with(Collection<UnlockedKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one unlocked key is needed");
        }
        return new Opener(List.copyOf(keys));
    }

    /** Starts opening a message; see {@link OpenedStream} for how integrity failure is signalled. */
    public OpenedStream open(InputStream ciphertext) throws IOException {
        List<PGPPrivateKey> privateKeys = new ArrayList<>();
        for (UnlockedKey key : keys) {
            privateKeys.addAll(key.privateKeys());
        }
        Messages.Opened opened = Messages.open(ciphertext, privateKeys);
        String fingerprint = "";
        for (UnlockedKey key : keys) {
            for (PGPPrivateKey privateKey : key.privateKeys()) {
                if (privateKey.getKeyID() == opened.keyId()) {
                    fingerprint = key.fingerprint();
                }
            }
        }
        return new OpenedStream(opened.plaintext(), fingerprint);
    }

    /**
     * Opens a message of at most {@code maxBytes} plaintext bytes and returns it after the integrity check passed.
     *
     * @throws MalformedMessage if the plaintext is longer than {@code maxBytes}
     */
    public byte[] openAll(InputStream ciphertext, int maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (OpenedStream in = open(ciphertext)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (out.size() + n > maxBytes) {
                    throw new MalformedMessage("the message is longer than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    /**
     * Opens a message into {@code sink}: writes the plaintext to {@link PlaintextSink#output()}, then calls
     * {@link PlaintextSink#commit()} only if the integrity check passed, and {@link PlaintextSink#discard()} on any
     * failure (the exception is then rethrown).
     */
    public void openTo(InputStream ciphertext, PlaintextSink sink) throws IOException {
        boolean committed = false;
        try (OpenedStream in = open(ciphertext)) {
            OutputStream out = sink.output();
            in.transferTo(out);
            out.flush();
            if (!in.isVerified()) {
                throw new IntegrityCheckFailed("the message ended without its integrity check");
            }
            sink.commit();
            committed = true;
        } finally {
            if (!committed) {
                sink.discard();
            }
        }
    }

    @Override
    public String toString() {
        return "Opener" + keys;
    }
}
