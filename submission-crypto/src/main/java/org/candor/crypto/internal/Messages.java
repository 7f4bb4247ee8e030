package org.candor.crypto.internal;

import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.PacketTags;
import org.bouncycastle.bcpg.PublicKeyEncSessionPacket;
import org.bouncycastle.bcpg.SymmetricEncIntegrityPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.candor.crypto.IntegrityCheckFailed;
import org.candor.crypto.MalformedMessage;
import org.candor.crypto.UnknownRecipient;

/**
 * Sealing, opening and inspecting OpenPGP messages with Bouncy Castle's packet code and the fast symmetric layer
 * of {@link FastCfb}. Keeps docs/design.md property 1 and 2 (plaintext is only ever sealed, in a stream, in constant
 * memory) and the "integrity protection is mandatory" rule of its Formats section.
 *
 * <p>Messages are SEIPDv1 (AES-256-CFB + SHA-1 MDC), because that is what GnuPG 2.2 reads; RFC 9580 allows it for
 * v4 recipient keys. Opening also accepts SEIPDv2 (AEAD) from other senders. Nothing without integrity
 * protection is ever decrypted.
 */
public final class Messages {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The literal packet says nothing about the plaintext: no file name, the epoch as date (least knowledge). */
    private static final Date NO_DATE = new Date(0L);

    private Messages() {
    }

    // ---------------------------------------------------------------- sealing

    /**
     * Returns a stream that seals what is written to it into {@code ciphertext}. Closing the returned stream
     * finishes the message (MDC included) and flushes, but does not close, {@code ciphertext}.
     */
    public static OutputStream seal(OutputStream ciphertext, List<PGPPublicKey> recipients, boolean compress) throws IOException {
        PGPEncryptedDataGenerator encryptedGenerator = new PGPEncryptedDataGenerator(new FastCfb.EncryptorBuilder(RANDOM));
        for (PGPPublicKey recipient : recipients) {
            encryptedGenerator.addMethod(Keys.IMPL.publicKeyKeyEncryptionMethodGenerator(recipient));
        }
        Counted encrypted;
        PGPCompressedDataGenerator compressedGenerator = null;
        OutputStream inner;
        try {
            encrypted = new Counted(encryptedGenerator.open(ciphertext, new byte[FastCfb.CHUNK]));
            inner = encrypted;
            if (compress) {
                compressedGenerator = new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZLIB);
                inner = compressedGenerator.open(encrypted, new byte[FastCfb.CHUNK]);
            }
        } catch (PGPException e) {
            throw new IOException("cannot start the sealed message: " + e.getMessage(), e);
        }
        PGPLiteralDataGenerator literalGenerator = new PGPLiteralDataGenerator();
        OutputStream literal = literalGenerator.open(inner, PGPLiteralData.BINARY, "", NO_DATE, new byte[FastCfb.CHUNK]);
        final PGPCompressedDataGenerator compressed = compressedGenerator;
        return new FilterOutputStream(literal) {
            private boolean closed;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                literalGenerator.close();
                if (compressed != null) {
                    compressed.close();
                }
                encrypted.write(paddingPacket(encrypted.count));
                encryptedGenerator.close();
                ciphertext.flush();
            }
        };
    }

    /** Counts the bytes written into the encrypted packet. */
    private static final class Counted extends FilterOutputStream {
        long count;

        Counted(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() {
            // the generator closes the packet
        }
    }

    /**
     * The padding packet (RFC 9580, tag 21, random body) that brings {@code contentBytes} of encrypted content up
     * to the next PADMÉ size, so that a stored ciphertext tells its plaintext's size only to within about 12 %
     * (docs/protocol.md, "Padding"). It goes last inside the encrypted packet, after the literal (or compressed)
     * packet; GnuPG 2.2 and OpenPGP.js skip it, and opening stops at the end of the literal data.
     */
    static byte[] paddingPacket(long contentBytes) {
        long target = padme(contentBytes + MIN_PADDING_PACKET);
        while (true) {
            long total = target - contentBytes;
            for (int header = 2; header <= 6; header++) {
                long body = total - header;
                if (body >= 0 && headerLength(body) == header && body <= Integer.MAX_VALUE - 8) {
                    byte[] packet = new byte[(int) total];
                    packet[0] = (byte) 0xd5; // new format, tag 21
                    writeLength(packet, body);
                    byte[] random = new byte[(int) body];
                    RANDOM.nextBytes(random);
                    System.arraycopy(random, 0, packet, header, random.length);
                    return packet;
                }
            }
            target = padme(target + 1);
        }
    }

    /** Smallest padding packet written: a two-byte header and 16 random bytes. */
    static final int MIN_PADDING_PACKET = 18;

    /**
     * PADMÉ (Nikitin et al., "Reducing Metadata Leakage from Encrypted Files and Communication with PURBs", 2019):
     * rounds up to a size whose low bits are zero, keeping only about log2(log2(n)) significant bits; at most
     * about 12 % larger, and much less for large sizes.
     */
    public static long padme(long length) {
        if (length < 2) {
            return length;
        }
        int e = 63 - Long.numberOfLeadingZeros(length);
        int s = 32 - Integer.numberOfLeadingZeros(e);
        int lastBits = e - s;
        long mask = (1L << lastBits) - 1;
        return (length + mask) & ~mask;
    }

    private static int headerLength(long body) {
        return body < 192 ? 2 : body < 8384 ? 3 : 6;
    }

    private static void writeLength(byte[] packet, long body) {
        if (body < 192) {
            packet[1] = (byte) body;
        } else if (body < 8384) {
            long v = body - 192;
            packet[1] = (byte) ((v >> 8) + 192);
            packet[2] = (byte) v;
        } else {
            packet[1] = (byte) 0xff;
            packet[2] = (byte) (body >> 24);
            packet[3] = (byte) (body >> 16);
            packet[4] = (byte) (body >> 8);
            packet[5] = (byte) body;
        }
    }

    // ---------------------------------------------------------------- opening

    /** An opened message: plaintext that is verified at its end, and the key ID it was opened with. */
    public record Opened(InputStream plaintext, long keyId) {
    }

    /**
     * Starts opening {@code ciphertext} (binary or armored) with one of {@code keys}. The returned plaintext
     * stream throws {@link IntegrityCheckFailed} instead of returning end-of-stream if the message fails its
     * integrity check, and on any damage found while reading.
     */
    public static Opened open(InputStream ciphertext, List<PGPPrivateKey> keys) throws IOException {
        PGPEncryptedDataList list = encryptedDataList(ciphertext);
        PGPPublicKeyEncryptedData chosen = null;
        PGPPrivateKey chosenKey = null;
        boolean passwordOnly = true;
        for (PGPEncryptedData data : list) {
            if (data instanceof PGPPublicKeyEncryptedData pk) {
                passwordOnly = false;
                long id = pk.getKeyID();
                for (PGPPrivateKey key : keys) {
                    if (id == key.getKeyID()) {
                        chosen = pk;
                        chosenKey = key;
                        break;
                    }
                }
            } else if (!(data instanceof PGPPBEEncryptedData)) {
                passwordOnly = false;
            }
            if (chosen != null) {
                break;
            }
        }
        if (chosen == null) {
            throw new UnknownRecipient(passwordOnly
                    ? "the message is locked with a password, not addressed to a key"
                    : "the message is not addressed to this key");
        }
        if (!chosen.isIntegrityProtected()) {
            throw new IntegrityCheckFailed("the message has no integrity protection (an old SED packet); refused unread");
        }
        InputStream clear;
        try {
            clear = chosen.getDataStream(new FastCfb.DecryptorFactory(Keys.IMPL.publicKeyDataDecryptorFactory(chosenKey)));
        } catch (PGPException | RuntimeException e) {
            throw new IntegrityCheckFailed("the message key could not be recovered: the message is damaged or altered", e);
        }
        try {
            InputStream literal = literalStream(clear);
            return new Opened(new VerifyingStream(literal, chosen), chosenKey.getKeyID());
        } catch (IntegrityCheckFailed e) {
            throw e;
        } catch (IOException | PGPException | RuntimeException e) {
            throw new IntegrityCheckFailed("the message is damaged or altered", e);
        }
    }

    private static PGPEncryptedDataList encryptedDataList(InputStream ciphertext) throws IOException {
        try {
            PGPObjectFactory factory = Keys.IMPL.pgpObjectFactory(PGPUtil.getDecoderStream(ciphertext));
            Object next = factory.nextObject();
            while (next instanceof PGPMarker) {
                next = factory.nextObject();
            }
            if (next instanceof PGPEncryptedDataList list) {
                return list;
            }
            if (next == null) {
                throw new MalformedMessage("the input is empty or not OpenPGP");
            }
            throw new MalformedMessage("the input is OpenPGP data that is not encrypted ("
                    + next.getClass().getSimpleName().replace("PGP", "") + ")");
        } catch (MalformedMessage e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MalformedMessage("the input is not an OpenPGP message", e);
        }
    }

    private static InputStream literalStream(InputStream clear) throws IOException, PGPException {
        PGPObjectFactory factory = Keys.IMPL.pgpObjectFactory(clear);
        for (int depth = 0; depth < 8; depth++) {
            Object next = factory.nextObject();
            if (next instanceof PGPMarker || next instanceof PGPOnePassSignatureList || next instanceof PGPSignatureList) {
                continue;
            }
            if (next instanceof PGPCompressedData compressed) {
                factory = Keys.IMPL.pgpObjectFactory(compressed.getDataStream());
                continue;
            }
            if (next instanceof PGPLiteralData literal) {
                return literal.getInputStream();
            }
            break;
        }
        throw new IntegrityCheckFailed("the decrypted content is not a literal message: the message is damaged or altered");
    }

    /** Hands plaintext on as it is read, and checks integrity when the literal data ends, before reporting EOF. */
    static final class VerifyingStream extends InputStream {
        private final InputStream literal;
        private final PGPEncryptedData encrypted;
        private IntegrityCheckFailed failure;
        private boolean verified;

        VerifyingStream(InputStream literal, PGPEncryptedData encrypted) {
            this.literal = literal;
            this.encrypted = encrypted;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (failure != null) {
                throw failure;
            }
            if (verified) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int n;
            try {
                n = literal.read(b, off, len);
            } catch (IOException | RuntimeException e) {
                throw fail(e instanceof EOFException ? "the message is truncated" : "the message is damaged or altered", e);
            }
            if (n < 0) {
                finish();
                return -1;
            }
            return n;
        }

        private void finish() throws IntegrityCheckFailed {
            boolean ok;
            try {
                ok = encrypted.verify();
            } catch (IOException | PGPException | RuntimeException e) {
                throw fail(e instanceof EOFException ? "the message is truncated" : "the message is damaged or altered", e);
            }
            if (!ok) {
                throw fail("the message was altered (modification detection code mismatch)", null);
            }
            verified = true;
        }

        private IntegrityCheckFailed fail(String message, Throwable cause) {
            failure = new IntegrityCheckFailed(message + "; discard everything read from it", cause);
            return failure;
        }

        /** Whether the end was reached and the integrity check passed. */
        boolean verified() {
            return verified;
        }

        @Override
        public void close() throws IOException {
            literal.close();
        }
    }

    /** Whether a stream returned by {@link #open} reached its end with the integrity check passed. */
    public static boolean isVerified(InputStream plaintext) {
        return plaintext instanceof VerifyingStream v && v.verified();
    }

    // ---------------------------------------------------------------- inspecting

    /** What the packet structure of a ciphertext says, without any key. */
    public record Structure(List<Long> recipientKeyIds, int seipdVersion, long bytes) {
    }

    /**
     * Reads {@code ciphertext} to its end and checks that it is exactly: optional marker packets, one or more
     * public-key session-key packets, and one integrity-protected data packet (SEIPDv1 or v2) that ends the input.
     * Everything read is copied to {@code copy} if it is not null.
     */
    public static Structure inspect(InputStream ciphertext, OutputStream copy) throws IOException {
        CountingTee counted = new CountingTee(ciphertext, copy);
        List<Long> keyIds = new ArrayList<>();
        int version = 0;
        try {
            BCPGInputStream packets = BCPGInputStream.wrap(PGPUtil.getDecoderStream(counted));
            while (true) {
                int tag = packets.nextPacketTag();
                if (tag < 0) {
                    break;
                }
                if (version != 0) {
                    throw new MalformedMessage("data follows the encrypted packet");
                }
                switch (tag) {
                    case PacketTags.MARKER -> packets.readPacket();
                    case PacketTags.PUBLIC_KEY_ENC_SESSION -> {
                        PublicKeyEncSessionPacket pkesk = (PublicKeyEncSessionPacket) packets.readPacket();
                        keyIds.add(pkesk.getVersion() == PublicKeyEncSessionPacket.VERSION_3
                                ? pkesk.getKeyID() : keyIdOfFingerprint(pkesk.getKeyFingerprint()));
                    }
                    case PacketTags.SYMMETRIC_KEY_ENC_SESSION ->
                            throw new MalformedMessage("the message is (also) locked with a password; Candor accepts only messages to keys");
                    case PacketTags.SYMMETRIC_KEY_ENC ->
                            throw new org.candor.crypto.IntegrityCheckFailed("the message has no integrity protection (an old SED packet)");
                    case PacketTags.AEAD_ENC_DATA ->
                            throw new MalformedMessage("the message uses the LibrePGP OCB packet, which Candor does not accept");
                    case PacketTags.SYM_ENC_INTEGRITY_PRO -> {
                        SymmetricEncIntegrityPacket seipd = (SymmetricEncIntegrityPacket) packets.readPacket();
                        version = seipd.getVersion();
                        long body = drain(seipd.getInputStream());
                        checkSeipd(seipd, body);
                    }
                    case PacketTags.LITERAL_DATA, PacketTags.COMPRESSED_DATA, PacketTags.ONE_PASS_SIGNATURE,
                         PacketTags.SIGNATURE ->
                            throw new MalformedMessage("the input is plain (unencrypted) OpenPGP data");
                    default -> throw new MalformedMessage("unexpected OpenPGP packet (tag " + tag + ")");
                }
            }
        } catch (org.candor.crypto.CryptoException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MalformedMessage("the input is not a well-formed OpenPGP message", e);
        }
        if (version == 0) {
            throw new MalformedMessage("the input holds no encrypted data packet");
        }
        if (keyIds.isEmpty()) {
            throw new MalformedMessage("the message is not addressed to any key");
        }
        return new Structure(List.copyOf(keyIds), version, counted.count);
    }

    private static void checkSeipd(SymmetricEncIntegrityPacket seipd, long body) throws MalformedMessage {
        if (seipd.getVersion() == SymmetricEncIntegrityPacket.VERSION_1) {
            // random prefix (16 + 2) and the MDC packet (2 + 20), at least
            if (body < 40) {
                throw new MalformedMessage("the encrypted packet is too short to hold a message");
            }
        } else if (seipd.getVersion() == SymmetricEncIntegrityPacket.VERSION_2) {
            int cipher = seipd.getCipherAlgorithm();
            if (cipher != SymmetricKeyAlgorithmTags.AES_128 && cipher != SymmetricKeyAlgorithmTags.AES_256) {
                throw new MalformedMessage("the message uses cipher " + cipher + "; Candor accepts AES only");
            }
            if (body < 16) {
                throw new MalformedMessage("the encrypted packet is too short to hold a message");
            }
        } else {
            throw new MalformedMessage("unknown encrypted packet version " + seipd.getVersion());
        }
    }

    private static long keyIdOfFingerprint(byte[] fingerprint) {
        if (fingerprint == null || fingerprint.length == 0) {
            return 0L; // wildcard
        }
        long id = 0;
        if (fingerprint.length == 20) {
            for (int i = 12; i < 20; i++) {
                id = (id << 8) | (fingerprint[i] & 0xff);
            }
        } else {
            for (int i = 0; i < 8; i++) {
                id = (id << 8) | (fingerprint[i] & 0xff);
            }
        }
        return id;
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buffer = new byte[FastCfb.CHUNK];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
        }
        return total;
    }

    private static final class CountingTee extends InputStream {
        private final InputStream in;
        private final OutputStream copy;
        long count;

        CountingTee(InputStream in, OutputStream copy) {
            this.in = in;
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
                if (copy != null) {
                    copy.write(b);
                }
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
                if (copy != null) {
                    copy.write(b, off, n);
                }
            }
            return n;
        }
    }
}
