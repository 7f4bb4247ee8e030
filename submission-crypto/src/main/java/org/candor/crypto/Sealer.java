package org.candor.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.openpgp.PGPPublicKey;
import org.candor.crypto.internal.Messages;

/**
 * Seals reports, files and messages to a fixed set of recipient keys as OpenPGP messages that GnuPG 2.2 and
 * OpenPGP.js can open. Keeps docs/design.md properties 1 and 2 (plaintext only passes through, in a stream, in constant
 * memory whatever its size) and "integrity protection is mandatory" (there is no way to switch it off).
 *
 * <p>Format: one public-key session-key packet per recipient, then a SEIPDv1 packet (AES-256-CFB with a SHA-1
 * modification detection code) holding a binary literal packet with no file name and the epoch as date. SEIPDv1
 * because GnuPG 2.2 cannot read SEIPDv2 and no Candor key advertises it (see docs/protocol.md). Content marked
 * {@link Content#TEXT} is compressed with ZLIB first; {@link Content#BINARY} (files, which are usually compressed
 * already) is not. A sealer is immutable and thread-safe.
 */
public final class Sealer {

    /** What is being sealed; decides whether it is compressed. */
    public enum Content {
        /** Files and anything of unknown kind: not compressed. */
        BINARY,
        /** Text known to be text (report answers, messages): ZLIB-compressed before encryption. */
        TEXT
    }

    private final List<RecipientKey> recipients;

    private Sealer(List<RecipientKey> recipients) {
        this.recipients = recipients;
    }

    /** A sealer to these recipients (duplicates by fingerprint are dropped). */
    public static Sealer to(RecipientKey... recipients) {
        return to(Arrays.asList(recipients));
    }

    /** A sealer to these recipients (duplicates by fingerprint are dropped). */
    public static Sealer to(Collection<RecipientKey> recipients) {
        Map<String, RecipientKey> unique = new LinkedHashMap<>();
        for (RecipientKey recipient : recipients) {
            if (recipient == null) {
                throw new IllegalArgumentException("null recipient");
            }
            unique.putIfAbsent(recipient.fingerprint(), recipient);
        }
        if (unique.isEmpty()) {
            throw new IllegalArgumentException("at least one recipient is needed");
        }
        return new Sealer(List.copyOf(unique.values()));
    }

    /** Fingerprints of the recipients, in order. */
    public Set<String> recipientFingerprints() {
        Set<String> fingerprints = new java.util.LinkedHashSet<>();
        for (RecipientKey recipient : recipients) {
            fingerprints.add(recipient.fingerprint());
        }
        return Set.copyOf(fingerprints);
    }

    /**
     * Returns a stream to write plaintext into; ciphertext goes to {@code ciphertext} as it is produced. Closing
     * the returned stream completes the message and flushes {@code ciphertext} without closing it. A message whose
     * stream was not closed is incomplete and will not open.
     */
    public OutputStream open(OutputStream ciphertext, Content content) throws IOException {
        List<PGPPublicKey> keys = new ArrayList<>(recipients.size());
        for (RecipientKey recipient : recipients) {
            keys.add(recipient.sealingKey());
        }
        return Messages.seal(ciphertext, keys, content == Content.TEXT);
    }

    /** Seals everything from {@code plaintext} into {@code ciphertext}; closes neither. */
    public void seal(InputStream plaintext, OutputStream ciphertext, Content content) throws IOException {
        try (OutputStream sealing = open(ciphertext, content)) {
            plaintext.transferTo(sealing);
        }
    }

    /** Seals a small message held in memory. */
    public byte[] seal(byte[] plaintext, Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plaintext.length + 512);
        try (OutputStream sealing = open(out, content)) {
            sealing.write(plaintext);
        } catch (IOException e) {
            throw new IllegalStateException("sealing in memory failed", e);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "Sealer" + recipients;
    }
}
