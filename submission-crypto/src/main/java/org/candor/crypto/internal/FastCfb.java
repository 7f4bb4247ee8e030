package org.candor.crypto.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;

import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.bcpg.AEADEncDataPacket;
import org.bouncycastle.bcpg.InputStreamPacket;
import org.bouncycastle.bcpg.PublicKeyEncSessionPacket;
import org.bouncycastle.bcpg.SymmetricEncIntegrityPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSessionKey;
import org.bouncycastle.openpgp.operator.PGPDataDecryptor;
import org.bouncycastle.openpgp.operator.PGPDataEncryptor;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.PublicKeyDataDecryptorFactory;

/**
 * The fast symmetric layer of SEIPDv1 (AES-256-CFB with a SHA-1 modification detection code), plugged into
 * Bouncy Castle's packet code in place of its own pure-Java AES.
 *
 * <p>Speed is the reason this class exists (the goal is "at least as fast as gpg"). Bouncy Castle's own
 * AES engine runs at about 40 MB/s and the JDK's {@code AES/CFB} runs a Java loop per 16-byte block (about
 * 330 MB/s here); both are far below what AES-NI gives. Two identities let the bulk run on the JDK's
 * intrinsified AES-NI code instead:
 * <ul>
 *   <li><b>Encryption</b>: CFB with IV {@code 0} produces {@code C[i] = P[i] xor E(C[i-1])}. Encrypting the
 *   plaintext shifted by one block, {@code IV, P[1], P[2], ...}, in CBC mode with a zero IV gives
 *   {@code O[i] = E(P[i-1] xor O[i-1]) = E(C[i-1])}, exactly the CFB key stream. CBC encryption is an
 *   intrinsic (about 900 MB/s for AES-256 here), and the XOR is vectorised by the JIT.</li>
 *   <li><b>Decryption</b>: every key-stream block {@code E(C[i-1])} depends only on ciphertext that is already
 *   known, so a whole buffer is one ECB encryption of the ciphertext shifted by one block (several GB/s with
 *   VAES).</li>
 * </ul>
 * All buffers are allocated once per stream, so memory does not grow with message size (docs/design.md property
 * "files stream ... in constant memory") and no garbage is made per call. The MDC hash is the JDK's SHA-1
 * (SHA-NI intrinsic where the CPU has it).
 */
final class FastCfb {

    /** Bytes processed per cipher call; a multiple of the AES block size. */
    static final int CHUNK = 64 * 1024;
    private static final int BLOCK = 16;

    private FastCfb() {
    }

    static Cipher aesCipher(String transformation) throws GeneralSecurityException {
        Provider sun = Security.getProvider("SunJCE");
        return sun != null ? Cipher.getInstance(transformation, sun) : Cipher.getInstance(transformation);
    }

    /** Builds SEIPDv1 encryptors (AES-256 only; integrity always on). */
    static final class EncryptorBuilder implements PGPDataEncryptorBuilder {
        private final SecureRandom random;

        EncryptorBuilder(SecureRandom random) {
            this.random = random;
        }

        @Override
        public int getAlgorithm() {
            return SymmetricKeyAlgorithmTags.AES_256;
        }

        @Override
        public int getAeadAlgorithm() {
            return -1;
        }

        @Override
        public int getChunkSize() {
            return 0;
        }

        @Override
        public boolean isV5StyleAEAD() {
            return false;
        }

        @Override
        public PGPDataEncryptor build(byte[] keyBytes) throws PGPException {
            if (keyBytes.length != 32) {
                throw new PGPException("AES-256 session key expected");
            }
            final byte[] key = keyBytes.clone();
            return new PGPDataEncryptor() {
                @Override
                public OutputStream getOutputStream(OutputStream out) {
                    return new EncryptingStream(out, key);
                }

                @Override
                public PGPDigestCalculator getIntegrityCalculator() {
                    return new Sha1Calculator();
                }

                @Override
                public int getBlockSize() {
                    return BLOCK;
                }
            };
        }

        @Override
        public PGPDataEncryptor build(byte[] keyBytes, byte[] salt) throws PGPException {
            throw new PGPException("SEIPDv2 is not produced by this builder");
        }

        @Override
        public SecureRandom getSecureRandom() {
            return random;
        }

        @Override
        public PGPDataEncryptorBuilder setWithIntegrityPacket(boolean withIntegrityPacket) {
            if (!withIntegrityPacket) {
                throw new IllegalArgumentException("integrity protection cannot be switched off");
            }
            return this;
        }

        @Override
        public PGPDataEncryptorBuilder setWithAEAD(int aeadAlgorithm, int chunkSize) {
            throw new UnsupportedOperationException("SEIPDv1 builder");
        }

        @Override
        public PGPDataEncryptorBuilder setUseV5AEAD() {
            throw new UnsupportedOperationException("SEIPDv1 builder");
        }

        @Override
        public PGPDataEncryptorBuilder setUseV6AEAD() {
            throw new UnsupportedOperationException("SEIPDv1 builder");
        }
    }

    /**
     * A decryptor factory that lets Bouncy Castle recover the session key and handle SEIPDv2 (AEAD), but
     * decrypts SEIPDv1 AES data with the fast bulk path.
     */
    static final class DecryptorFactory implements PublicKeyDataDecryptorFactory {
        private final PublicKeyDataDecryptorFactory delegate;

        DecryptorFactory(PublicKeyDataDecryptorFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public byte[] recoverSessionData(PublicKeyEncSessionPacket pkesk, InputStreamPacket encData) throws PGPException {
            return delegate.recoverSessionData(pkesk, encData);
        }

        @Override
        public byte[] recoverSessionData(int keyAlgorithm, byte[][] secKeyData) throws PGPException {
            return delegate.recoverSessionData(keyAlgorithm, secKeyData);
        }

        @Override
        public byte[] recoverSessionData(int keyAlgorithm, byte[][] secKeyData, int pkeskVersion) throws PGPException {
            return delegate.recoverSessionData(keyAlgorithm, secKeyData, pkeskVersion);
        }

        @Override
        public PGPDataDecryptor createDataDecryptor(boolean withIntegrityPacket, int encAlgorithm, byte[] key) throws PGPException {
            if (!withIntegrityPacket) {
                throw new PGPException("message without integrity protection");
            }
            boolean aes = encAlgorithm == SymmetricKeyAlgorithmTags.AES_128
                    || encAlgorithm == SymmetricKeyAlgorithmTags.AES_192
                    || encAlgorithm == SymmetricKeyAlgorithmTags.AES_256;
            if (!aes) {
                throw new PGPException("the message uses symmetric algorithm " + encAlgorithm + "; Candor accepts AES only");
            }
            final byte[] k = key.clone();
            return new PGPDataDecryptor() {
                @Override
                public InputStream getInputStream(InputStream in) {
                    return new DecryptingStream(in, k);
                }

                @Override
                public int getBlockSize() {
                    return BLOCK;
                }

                @Override
                public PGPDigestCalculator getIntegrityCalculator() {
                    return new Sha1Calculator();
                }
            };
        }

        @Override
        public PGPDataDecryptor createDataDecryptor(AEADEncDataPacket aeadData, PGPSessionKey sessionKey) throws PGPException {
            return delegate.createDataDecryptor(aeadData, sessionKey);
        }

        @Override
        public PGPDataDecryptor createDataDecryptor(SymmetricEncIntegrityPacket seipd, PGPSessionKey sessionKey) throws PGPException {
            int cipher = seipd.getCipherAlgorithm();
            if (cipher != SymmetricKeyAlgorithmTags.AES_128 && cipher != SymmetricKeyAlgorithmTags.AES_192
                    && cipher != SymmetricKeyAlgorithmTags.AES_256) {
                throw new PGPException("the message uses symmetric algorithm " + cipher + "; Candor accepts AES only");
            }
            return delegate.createDataDecryptor(seipd, sessionKey);
        }
    }

    /** OpenPGP CFB (IV zero, no resynchronisation) encryption through the CBC identity; see the class comment. */
    static final class EncryptingStream extends OutputStream {
        private final OutputStream out;
        private final Cipher cbc;
        /** [0,16): feedback input (previous plaintext block, initially the zero IV); then pending plaintext. */
        private final byte[] plain = new byte[BLOCK + CHUNK];
        private final byte[] stream = new byte[CHUNK];
        private int fill = BLOCK;
        private boolean closed;

        EncryptingStream(OutputStream out, byte[] key) {
            this.out = out;
            try {
                cbc = aesCipher("AES/CBC/NoPadding");
                cbc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[BLOCK]));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES/CBC not available", e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            if (fill == plain.length) {
                process(CHUNK);
            }
            plain[fill++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (fill == plain.length) {
                    process(CHUNK);
                }
                int n = Math.min(len, plain.length - fill);
                System.arraycopy(b, off, plain, fill, n);
                fill += n;
                off += n;
                len -= n;
            }
        }

        /** Encrypts {@code n} pending bytes ({@code n} a multiple of 16, at most the pending count). */
        private void process(int n) throws IOException {
            try {
                cbc.update(plain, 0, n, stream, 0);
            } catch (ShortBufferException e) {
                throw new IllegalStateException(e);
            }
            xor(stream, plain, BLOCK, n);
            out.write(stream, 0, n);
            System.arraycopy(plain, n, plain, 0, fill - n);
            fill -= n;
        }

        @Override
        public void flush() throws IOException {
            int whole = (fill - BLOCK) & ~(BLOCK - 1);
            if (whole > 0) {
                process(whole);
            }
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            int whole = (fill - BLOCK) & ~(BLOCK - 1);
            if (whole > 0) {
                process(whole);
            }
            int rest = fill - BLOCK;
            if (rest > 0) {
                try {
                    cbc.update(plain, 0, BLOCK, stream, 0);
                } catch (ShortBufferException e) {
                    throw new IllegalStateException(e);
                }
                xor(stream, plain, BLOCK, rest);
                out.write(stream, 0, rest);
            }
            java.util.Arrays.fill(plain, (byte) 0);
            out.close();
        }
    }

    /** OpenPGP CFB decryption in bulk: one ECB pass over the ciphertext shifted by one block. */
    static final class DecryptingStream extends InputStream {
        private final InputStream in;
        private final Cipher ecb;
        /** [0,16): previous ciphertext block (initially the zero IV); then ciphertext read but not yet decrypted. */
        private final byte[] cipher = new byte[BLOCK + CHUNK];
        private final byte[] plain = new byte[CHUNK];
        private int cipherFill = BLOCK;
        private int plainPos;
        private int plainEnd;
        private boolean eof;

        DecryptingStream(InputStream in, byte[] key) {
            this.in = in;
            try {
                ecb = aesCipher("AES/ECB/NoPadding");
                ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES/ECB not available", e);
            }
        }

        @Override
        public int read() throws IOException {
            if (plainPos == plainEnd && !refill()) {
                return -1;
            }
            return plain[plainPos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (plainPos == plainEnd && !refill()) {
                return -1;
            }
            int n = Math.min(len, plainEnd - plainPos);
            System.arraycopy(plain, plainPos, b, off, n);
            plainPos += n;
            return n;
        }

        @Override
        public int available() {
            return plainEnd - plainPos;
        }

        private boolean refill() throws IOException {
            if (eof) {
                return false;
            }
            while (!eof && cipherFill < cipher.length && cipherFill - BLOCK < BLOCK * 256) {
                int r = in.read(cipher, cipherFill, cipher.length - cipherFill);
                if (r < 0) {
                    eof = true;
                } else {
                    cipherFill += r;
                }
            }
            int pending = cipherFill - BLOCK;
            int n = eof ? pending : pending & ~(BLOCK - 1);
            if (n == 0) {
                return false;
            }
            int blocks = (n + BLOCK - 1) / BLOCK * BLOCK;
            try {
                // key stream for ciphertext [16, 16+n) is E(cipher[0, n)) (rounded up to whole blocks; the bytes
                // past cipherFill are stale, they only affect key stream that is not used)
                ecb.update(cipher, 0, blocks, plain, 0);
            } catch (ShortBufferException e) {
                throw new IllegalStateException(e);
            }
            xor(plain, cipher, BLOCK, n);
            if (!eof) {
                System.arraycopy(cipher, n, cipher, 0, cipherFill - n);
                cipherFill -= n;
            }
            plainPos = 0;
            plainEnd = n;
            return true;
        }

        @Override
        public void close() throws IOException {
            java.util.Arrays.fill(plain, (byte) 0);
            in.close();
        }
    }

    /** {@code target[i] ^= source[sourceOff + i]} for {@code i < n}; a simple loop the JIT vectorises. */
    static void xor(byte[] target, byte[] source, int sourceOff, int n) {
        for (int i = 0; i < n; i++) {
            target[i] ^= source[sourceOff + i];
        }
    }

    /** SHA-1 for the modification detection code, on the JDK's (intrinsified) implementation. */
    static final class Sha1Calculator implements PGPDigestCalculator {
        private final java.security.MessageDigest sha1;
        private final OutputStream stream;

        Sha1Calculator() {
            try {
                sha1 = java.security.MessageDigest.getInstance("SHA-1");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            stream = new OutputStream() {
                @Override
                public void write(int b) {
                    sha1.update((byte) b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    sha1.update(b, off, len);
                }
            };
        }

        @Override
        public int getAlgorithm() {
            return org.bouncycastle.bcpg.HashAlgorithmTags.SHA1;
        }

        @Override
        public OutputStream getOutputStream() {
            return stream;
        }

        @Override
        public byte[] getDigest() {
            return sha1.digest();
        }

        @Override
        public void reset() {
            sha1.reset();
        }
    }
}
