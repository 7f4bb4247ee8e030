package org.candor.crypto.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PacketFormat;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.bcpg.SecretKeyPacket;
import org.bouncycastle.bcpg.SignaturePacket;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPImplementation;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyGenerator;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;
import org.bouncycastle.openpgp.api.SignatureParameters;
import org.bouncycastle.openpgp.api.SignatureSubpacketsFunction;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPImplementation;
import org.bouncycastle.openpgp.operator.PBESecretKeyDecryptor;
import org.bouncycastle.openpgp.operator.PBESecretKeyEncryptor;
import org.bouncycastle.openpgp.operator.PBESecretKeyEncryptorFactory;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcAEADSecretKeyEncryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.candor.crypto.KeyRejected;
import org.candor.crypto.KeyRejected.Reason;
import org.candor.crypto.WrongPassphrase;

/**
 * Generation, parsing, validation, locking and unlocking of OpenPGP keys with Bouncy Castle; the public key types
 * of {@code org.candor.crypto} delegate here. Keeps docs/design.md property 4 (standard OpenPGP keys, interoperable
 * with GnuPG; secret keys stored only encrypted under a passphrase) and property 5 (whistleblower keys locked by
 * the code-derived secret).
 *
 * <p>Generated keys are v4 with a legacy Ed25519 primary key (algorithm 22, certify only) and a legacy X25519
 * encryption subkey (algorithm 18): the RFC 9580 algorithms 27/25 and v6 keys are unusable by GnuPG 2.2.
 * Algorithm preferences go on the direct-key signature <em>and</em> on the user-ID signature, because GnuPG 2.2
 * reads them from the latter and would otherwise encrypt with 3DES. No Candor key advertises SEIPDv2 (feature
 * bit 0x08): sealing to a case mixes investigator keys (read by GnuPG 2.2) with the whistleblower key, so every
 * message must stay SEIPDv1 anyway, and a key that says it reads SEIPDv2 would invite other senders to produce
 * messages GnuPG 2.2 cannot open.
 */
public final class Keys {

    /** The Bouncy Castle implementation used for everything except bulk symmetric crypto. */
    public static final OpenPGPImplementation IMPL = new BcOpenPGPImplementation();

    /** RSA keys shorter than this are refused. */
    public static final int MIN_RSA_BITS = 3072;

    private static final int[] SYMMETRIC_PREFS = {SymmetricKeyAlgorithmTags.AES_256, SymmetricKeyAlgorithmTags.AES_128};
    private static final int[] HASH_PREFS = {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256};
    private static final int[] COMPRESSION_PREFS = {CompressionAlgorithmTags.UNCOMPRESSED, CompressionAlgorithmTags.ZLIB};

    /** Iteration count byte of the iterated-salted S2K used for keys exported to GnuPG (65011712 bytes hashed). */
    static final int GNUPG_S2K_COUNT = 0xff;
    /**
     * Iteration count byte for whistleblower keys: 0 (1024 bytes hashed). The lock secret is 256 random bits, so
     * stretching adds nothing; iterated-salted (not Argon2) because a browser must unlock it without WebAssembly.
     */
    static final int LOCK_SECRET_S2K_COUNT = 0x00;
    /** Bytes hashed by the iterated-salted S2K with {@link #LOCK_SECRET_S2K_COUNT}. */
    static final long LOCK_SECRET_S2K_BYTES = 1024;
    /**
     * Most bytes hashed to unlock a case key stored before the S2K was pinned: OpenPGP.js 6 made them with count
     * byte 224 (16 MiB hashed, about 50 ms). Anything dearer is refused before unlocking.
     */
    static final long MOST_S2K_BYTES_TO_UNLOCK = 16L * 1024 * 1024;

    /**
     * The creation time of every case key and of its self-signatures: 2000-01-01T00:00:00Z, the same for all
     * cases, so that a key tells neither when the case was made nor how a browser's clock was set. A time in the
     * past is never "in the future" for a verifier, and case keys do not expire (docs/protocol.md, "Case keys").
     */
    public static final Date CASE_KEY_TIME = new Date(946_684_800_000L);

    /** The user ID of every case key. */
    public static final String CASE_KEY_USER_ID = "Candor case key";

    /**
     * Most memory (log2 of KiB: 64 MiB, what Candor's own storage lock and OpenPGP.js use) and passes an Argon2
     * S2K of a key from outside may ask for. Bouncy Castle accepts up to 2^30 KiB; unlocking a key that asks for
     * 4 GiB would exhaust the server's heap (a whistleblower key is uploaded by a browser and unlocked at
     * sign-in).
     */
    static final int MAX_ARGON2_MEMORY_EXPONENT = 16;
    static final int MAX_ARGON2_PASSES = 10;

    private Keys() {
    }

    // ---------------------------------------------------------------- generation

    /** What a generated key is for; decides user ID, expiry and how the secret is locked. */
    public enum Purpose {
        /** Investigator key: locked with Argon2id + AES-256-OCB for storage; expires after 5 years. */
        INVESTIGATOR,
        /** Per-case whistleblower key: locked with iterated-salted S2K under the lock secret; no expiry. */
        WHISTLEBLOWER
    }

    /** Generates a v4 Ed25519/X25519 key, its secret parts locked with {@code passphrase} per {@code purpose}. */
    public static OpenPGPKey generate(String userId, char[] passphrase, Purpose purpose) throws PGPException {
        PBESecretKeyEncryptorFactory lock = purpose == Purpose.INVESTIGATOR ? storageLock() : lockSecretLock();
        OpenPGPKeyGenerator generator = new OpenPGPKeyGenerator(IMPL, PublicKeyPacket.VERSION_4,
                IMPL.pgpKeyPairGeneratorProvider(), IMPL.pgpDigestCalculatorProvider(), lock,
                IMPL.keyFingerPrintCalculator(), purpose == Purpose.WHISTLEBLOWER ? CASE_KEY_TIME : new Date());
        final boolean expires = purpose == Purpose.INVESTIGATOR;
        SignatureSubpacketsFunction directKey = subpackets -> {
            preferences(subpackets);
            if (!expires) {
                subpackets.removePacketsOfType(SignatureSubpacketTags.KEY_EXPIRE_TIME);
            }
            return subpackets;
        };
        SignatureSubpacketsFunction userIdPrefs = subpackets -> preferences(subpackets);
        return generator
                .withPrimaryKey(g -> g.generateLegacyEd25519KeyPair(),
                        SignatureParameters.Callback.Util.modifyHashedSubpackets(directKey))
                .addUserId(userId, SignatureParameters.Callback.Util.modifyHashedSubpackets(userIdPrefs))
                .addEncryptionSubkey(g -> g.generateLegacyX25519KeyPair())
                .build(passphrase);
    }

    private static PGPSignatureSubpacketGenerator preferences(PGPSignatureSubpacketGenerator subpackets) {
        subpackets.removePacketsOfType(SignatureSubpacketTags.PREFERRED_SYM_ALGS);
        subpackets.removePacketsOfType(SignatureSubpacketTags.PREFERRED_HASH_ALGS);
        subpackets.removePacketsOfType(SignatureSubpacketTags.PREFERRED_COMP_ALGS);
        subpackets.removePacketsOfType(SignatureSubpacketTags.PREFERRED_AEAD_ALGORITHMS);
        subpackets.removePacketsOfType(SignatureSubpacketTags.FEATURES);
        subpackets.setPreferredSymmetricAlgorithms(false, SYMMETRIC_PREFS);
        subpackets.setPreferredHashAlgorithms(false, HASH_PREFS);
        subpackets.setPreferredCompressionAlgorithms(false, COMPRESSION_PREFS);
        subpackets.setFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
        return subpackets;
    }

    /** Argon2id (t=3, p=4, m=64 MiB) + AES-256-OCB: the storage protection of investigator keys inside Candor. */
    static PBESecretKeyEncryptorFactory storageLock() {
        return new BcAEADSecretKeyEncryptorFactory();
    }

    /** Iterated-salted S2K (SHA-256), AES-256-CFB with SHA-1 check: what GnuPG 2.2 and OpenPGP.js read. */
    static PBESecretKeyEncryptorFactory iteratedLock(int countByte) {
        return (passphrase, publicKeyPacket) -> passphrase == null ? null
                : new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256, sha256(), countByte).build(passphrase);
    }

    static PBESecretKeyEncryptorFactory lockSecretLock() {
        return iteratedLock(LOCK_SECRET_S2K_COUNT);
    }

    private static PGPDigestCalculator sha256() {
        try {
            return new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256);
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PGPDigestCalculator sha1() {
        try {
            return new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- locking

    /** Re-locks every secret key of {@code key}: unlocks with {@code oldPassphrase}, locks with {@code lock}. */
    public static OpenPGPKey relock(OpenPGPKey key, char[] oldPassphrase, char[] newPassphrase,
                                    PBESecretKeyEncryptorFactory lock) throws PGPException, WrongPassphrase {
        PGPSecretKeyRing ring = key.getPGPSecretKeyRing();
        List<PGPSecretKey> copies = new ArrayList<>();
        for (Iterator<PGPSecretKey> it = ring.getSecretKeys(); it.hasNext(); ) {
            PGPSecretKey secret = it.next();
            if (secret.isPrivateKeyEmpty()) {
                copies.add(secret);
                continue;
            }
            PGPPrivateKey privateKey = extract(secret, decryptor(oldPassphrase));
            PBESecretKeyEncryptor encryptor = lock.build(newPassphrase.clone(), secret.getPublicKey().getPublicKeyPacket());
            copies.add(new PGPSecretKey(privateKey, secret.getPublicKey(), sha1(), secret.isMasterKey(), encryptor));
        }
        return new OpenPGPKey(new PGPSecretKeyRing(copies), IMPL);
    }

    public static OpenPGPKey relockForStorage(OpenPGPKey key, char[] oldPassphrase, char[] newPassphrase)
            throws PGPException, WrongPassphrase {
        return relock(key, oldPassphrase, newPassphrase, storageLock());
    }

    public static OpenPGPKey relockForGnuPG(OpenPGPKey key, char[] passphrase) throws PGPException, WrongPassphrase {
        return relock(key, passphrase, passphrase, iteratedLock(GNUPG_S2K_COUNT));
    }

    private static PBESecretKeyDecryptor decryptor(char[] passphrase) throws PGPException {
        return new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(passphrase);
    }

    private static PGPPrivateKey extract(PGPSecretKey secret, PBESecretKeyDecryptor decryptor) throws WrongPassphrase {
        try {
            PGPPrivateKey privateKey = secret.extractPrivateKey(decryptor);
            if (privateKey == null) {
                throw new WrongPassphrase("the secret key holds no key material");
            }
            return privateKey;
        } catch (PGPException e) {
            throw new WrongPassphrase("the passphrase does not unlock this key");
        }
    }

    /**
     * Unlocks the encryption-capable secret keys of {@code key}; at least one must unlock.
     *
     * @return the private keys, primary excluded unless it can encrypt
     */
    public static List<PGPPrivateKey> unlockDecryptionKeys(OpenPGPKey key, char[] passphrase) throws PGPException, WrongPassphrase {
        List<PGPPrivateKey> unlocked = new ArrayList<>();
        PBESecretKeyDecryptor decryptor = decryptor(passphrase);
        for (Iterator<PGPSecretKey> it = key.getPGPSecretKeyRing().getSecretKeys(); it.hasNext(); ) {
            PGPSecretKey secret = it.next();
            if (!secret.getPublicKey().isEncryptionKey() || secret.isPrivateKeyEmpty()) {
                continue;
            }
            try {
                PGPPrivateKey privateKey = secret.extractPrivateKey(decryptor);
                if (privateKey != null) {
                    unlocked.add(privateKey);
                }
            } catch (PGPException e) {
                throw new WrongPassphrase("the passphrase does not unlock this key");
            }
        }
        if (unlocked.isEmpty()) {
            throw new WrongPassphrase("this key holds no usable decryption key");
        }
        return unlocked;
    }

    // ---------------------------------------------------------------- parsing and validation

    /** Parses an armored or binary public or secret key (one key only). */
    public static OpenPGPCertificate parse(byte[] data) throws KeyRejected {
        List<OpenPGPCertificate> certs;
        try {
            certs = new OpenPGPKeyReader(IMPL).parseKeysOrCertificates(data);
        } catch (IOException | RuntimeException e) {
            throw new KeyRejected(Reason.MALFORMED, "this is not a readable OpenPGP key (broken armor or packets)", e);
        }
        if (certs.isEmpty()) {
            throw new KeyRejected(Reason.MALFORMED, "no OpenPGP key found in the input");
        }
        if (certs.size() > 1) {
            throw new KeyRejected(Reason.MALFORMED, "the input holds " + certs.size() + " keys; give exactly one");
        }
        return certs.get(0);
    }

    public static OpenPGPKey parseSecret(byte[] data) throws KeyRejected {
        OpenPGPCertificate cert = parse(data);
        if (!(cert instanceof OpenPGPKey key) || !cert.isSecretKey()) {
            throw new KeyRejected(Reason.NOT_A_SECRET_KEY, "this is a public key; a secret key is needed here");
        }
        for (Iterator<PGPSecretKey> it = key.getPGPSecretKeyRing().getSecretKeys(); it.hasNext(); ) {
            PGPSecretKey secret = it.next();
            if (secret.getPublicKey().isEncryptionKey() && secret.isPrivateKeyEmpty()) {
                throw new KeyRejected(Reason.NOT_A_SECRET_KEY,
                        "the secret part of encryption subkey " + keyId(secret.getKeyID()) + " is missing (a stub)");
            }
            int usage = secret.getS2KUsage();
            if (usage == SecretKeyPacket.USAGE_NONE) {
                throw new KeyRejected(Reason.UNSUPPORTED, "the secret key is not protected by a passphrase");
            }
            S2K s2k = secret.getS2K();
            if (s2k != null && s2k.getType() == S2K.ARGON_2 && (s2k.getMemorySizeExponent() > MAX_ARGON2_MEMORY_EXPONENT
                    || s2k.getPasses() > MAX_ARGON2_PASSES)) {
                throw new KeyRejected(Reason.UNSUPPORTED, "the key's passphrase protection asks for Argon2 with "
                        + (1L << Math.min(s2k.getMemorySizeExponent(), 62)) / 1024 + " MiB and " + s2k.getPasses()
                        + " passes; Candor unlocks keys with at most " + (1 << MAX_ARGON2_MEMORY_EXPONENT) / 1024
                        + " MiB and " + MAX_ARGON2_PASSES + " passes");
            }
        }
        return key;
    }

    /**
     * Checks that {@code cert} can receive sealed messages now and returns the public key to seal to (the newest
     * valid encryption-capable key). Refuses revoked, expired, weak, unsupported keys and keys without an
     * encryption key, each with its own reason.
     */
    public static PGPPublicKey validateRecipient(OpenPGPCertificate cert) throws KeyRejected {
        Date now = new Date();
        PGPPublicKeyRing ring = cert.getPGPPublicKeyRing();
        PGPPublicKey primary = ring.getPublicKey();
        if (primary.getVersion() != PublicKeyPacket.VERSION_4) {
            throw new KeyRejected(Reason.UNSUPPORTED, "version " + primary.getVersion()
                    + " keys are not supported: Candor uses v4 keys, which GnuPG 2.2 can read");
        }
        checkAlgorithm(primary, "primary key");
        if (primary.hasRevocation() || cert.getRevocation(now) != null) {
            throw new KeyRejected(Reason.REVOKED, "the key is revoked");
        }
        Date expiry = cert.getExpirationTime(now);
        if (expiry != null && !expiry.after(now)) {
            throw new KeyRejected(Reason.EXPIRED, "the key expired on " + day(expiry));
        }
        List<OpenPGPCertificate.OpenPGPComponentKey> encryptionKeys;
        try {
            encryptionKeys = cert.getEncryptionKeys(now);
        } catch (RuntimeException e) {
            encryptionKeys = List.of();
        }
        PGPPublicKey best = null;
        KeyRejected firstProblem = null;
        for (OpenPGPCertificate.OpenPGPComponentKey component : encryptionKeys) {
            PGPPublicKey candidate = component.getPGPPublicKey();
            try {
                checkAlgorithm(candidate, "encryption subkey " + keyId(candidate.getKeyID()));
            } catch (KeyRejected e) {
                firstProblem = firstProblem == null ? e : firstProblem;
                continue;
            }
            if (best == null || candidate.getCreationTime().after(best.getCreationTime())) {
                best = candidate;
            }
        }
        if (best != null) {
            return best;
        }
        if (firstProblem != null) {
            throw firstProblem;
        }
        throw explainNoEncryptionKey(ring, now);
    }

    private static KeyRejected explainNoEncryptionKey(PGPPublicKeyRing ring, Date now) {
        boolean sawRevoked = false;
        boolean sawExpired = false;
        for (Iterator<PGPPublicKey> it = ring.getPublicKeys(); it.hasNext(); ) {
            PGPPublicKey key = it.next();
            if (!key.isEncryptionKey() || key.isMasterKey()) {
                continue;
            }
            if (key.hasRevocation()) {
                sawRevoked = true;
            }
            long valid = key.getValidSeconds();
            if (valid > 0 && key.getCreationTime().getTime() + valid * 1000 <= now.getTime()) {
                sawExpired = true;
            }
        }
        if (sawRevoked) {
            return new KeyRejected(Reason.REVOKED, "every encryption subkey of this key is revoked");
        }
        if (sawExpired) {
            return new KeyRejected(Reason.EXPIRED, "every encryption subkey of this key has expired");
        }
        return new KeyRejected(Reason.NO_ENCRYPTION_KEY,
                "the key has no valid subkey that may encrypt (add an encryption subkey with GnuPG: gpg --quick-add-key)");
    }

    private static void checkAlgorithm(PGPPublicKey key, String what) throws KeyRejected {
        int algorithm = key.getAlgorithm();
        switch (algorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_ENCRYPT, PublicKeyAlgorithmTags.RSA_SIGN -> {
                int bits = key.getBitStrength();
                if (bits < MIN_RSA_BITS) {
                    throw new KeyRejected(Reason.TOO_WEAK, "RSA keys must have at least " + MIN_RSA_BITS
                            + " bits; the " + what + " has " + bits);
                }
            }
            case PublicKeyAlgorithmTags.ECDH, PublicKeyAlgorithmTags.ECDSA, PublicKeyAlgorithmTags.EDDSA_LEGACY,
                 PublicKeyAlgorithmTags.X25519, PublicKeyAlgorithmTags.X448, PublicKeyAlgorithmTags.Ed25519,
                 PublicKeyAlgorithmTags.Ed448 -> {
                // curves are checked by Bouncy Castle when the key is used
            }
            default -> throw new KeyRejected(Reason.UNSUPPORTED, "the " + what + " uses public-key algorithm "
                    + algorithm + " (" + algorithmName(algorithm) + "), which Candor does not accept");
        }
    }

    private static String algorithmName(int algorithm) {
        return switch (algorithm) {
            case PublicKeyAlgorithmTags.DSA -> "DSA";
            case PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT, PublicKeyAlgorithmTags.ELGAMAL_GENERAL -> "ElGamal";
            default -> "unknown or experimental";
        };
    }

    /**
     * Checks that a case key made outside Candor's server (by the whistleblower's browser) has exactly the form
     * Candor itself makes, before anything else is done with it: one v4 legacy Ed25519 primary key with one v4
     * legacy X25519 subkey and the user ID {@link #CASE_KEY_USER_ID}; every key and every signature created at
     * {@link #CASE_KEY_TIME}; every secret part locked with iterated-salted S2K, SHA-256, 1024 bytes hashed,
     * AES-256 and a SHA-1 check (usage 254). Only reads packets: no signature is verified and nothing unlocked.
     */
    public static void checkCaseKeyForm(OpenPGPKey key) throws KeyRejected {
        PGPSecretKeyRing ring = key.getPGPSecretKeyRing();
        int count = 0;
        for (Iterator<PGPSecretKey> it = ring.getSecretKeys(); it.hasNext(); count++) {
            PGPSecretKey secret = it.next();
            PGPPublicKey publicKey = secret.getPublicKey();
            String what = count == 0 ? "primary key" : "subkey";
            if (publicKey.getVersion() != PublicKeyPacket.VERSION_4) {
                throw new KeyRejected(Reason.UNSUPPORTED, "the case key's " + what + " is a version "
                        + publicKey.getVersion() + " key; a case key is a version 4 key");
            }
            int expectedAlgorithm = count == 0 ? PublicKeyAlgorithmTags.EDDSA_LEGACY : PublicKeyAlgorithmTags.ECDH;
            if (count > 1 || publicKey.getAlgorithm() != expectedAlgorithm) {
                throw new KeyRejected(Reason.UNSUPPORTED,
                        "a case key is one Ed25519 primary key with one X25519 encryption subkey");
            }
            if (!CASE_KEY_TIME.equals(publicKey.getCreationTime())) {
                throw new KeyRejected(Reason.UNSUPPORTED, "the case key's " + what + " carries the creation time "
                        + publicKey.getCreationTime().toInstant() + "; a case key must carry " + CASE_KEY_TIME.toInstant());
            }
            checkSignatureTimes(publicKey, what);
            checkLockSecretS2K(secret, what);
        }
        if (count != 2) {
            throw new KeyRejected(Reason.UNSUPPORTED, "a case key is one Ed25519 primary key with one X25519 encryption subkey");
        }
        List<String> userIds = new ArrayList<>();
        ring.getPublicKey().getUserIDs().forEachRemaining(userIds::add);
        if (!userIds.equals(List.of(CASE_KEY_USER_ID)) || ring.getPublicKey().getUserAttributes().hasNext()) {
            throw new KeyRejected(Reason.UNSUPPORTED, "a case key has exactly one user ID, \"" + CASE_KEY_USER_ID + "\"");
        }
    }

    private static void checkSignatureTimes(PGPPublicKey publicKey, String what) throws KeyRejected {
        for (Iterator<PGPSignature> it = publicKey.getSignatures(); it.hasNext(); ) {
            PGPSignature signature = it.next();
            if (signature.getVersion() != SignaturePacket.VERSION_4) {
                throw new KeyRejected(Reason.UNSUPPORTED, "a signature on the case key's " + what + " is version "
                        + signature.getVersion() + "; a case key carries version 4 signatures");
            }
            if (!CASE_KEY_TIME.equals(signature.getCreationTime())) {
                throw new KeyRejected(Reason.UNSUPPORTED, "a signature on the case key's " + what + " carries the time "
                        + signature.getCreationTime().toInstant() + "; a case key's signatures must carry "
                        + CASE_KEY_TIME.toInstant());
            }
            PGPSignatureSubpacketVector hashed = signature.getHashedSubPackets();
            if (hashed != null && (hashed.getKeyExpirationTime() != 0 || hashed.getSignatureExpirationTime() != 0)) {
                throw new KeyRejected(Reason.UNSUPPORTED, "a case key and its signatures do not expire");
            }
        }
    }

    private static void checkLockSecretS2K(PGPSecretKey secret, String what) throws KeyRejected {
        S2K s2k = secret.getS2K();
        boolean pinned = secret.getS2KUsage() == SecretKeyPacket.USAGE_SHA1
                && secret.getKeyEncryptionAlgorithm() == SymmetricKeyAlgorithmTags.AES_256
                && s2k != null && s2k.getType() == S2K.SALTED_AND_ITERATED
                && s2k.getHashAlgorithm() == HashAlgorithmTags.SHA256
                && s2k.getIterationCount() == LOCK_SECRET_S2K_BYTES;
        if (!pinned) {
            throw new KeyRejected(Reason.UNSUPPORTED, "the case key's " + what + " is locked with " + describe(secret)
                    + "; a case key is locked with iterated-salted S2K (SHA-256, " + LOCK_SECRET_S2K_BYTES
                    + " bytes hashed) and AES-256");
        }
    }

    /**
     * Checks, before unlocking a stored case key, that its S2K costs at most {@link #MOST_S2K_BYTES_TO_UNLOCK}
     * bytes of hashing: keys stored before {@link #checkCaseKeyForm} existed may carry anything.
     */
    public static void checkUnlockCost(OpenPGPKey key) throws KeyRejected {
        for (Iterator<PGPSecretKey> it = key.getPGPSecretKeyRing().getSecretKeys(); it.hasNext(); ) {
            PGPSecretKey secret = it.next();
            S2K s2k = secret.getS2K();
            if (secret.isPrivateKeyEmpty() || !secret.getPublicKey().isEncryptionKey()) {
                continue;
            }
            if (s2k == null || s2k.getType() != S2K.SALTED_AND_ITERATED || s2k.getIterationCount() > MOST_S2K_BYTES_TO_UNLOCK) {
                throw new KeyRejected(Reason.UNSUPPORTED, "the case key is locked with " + describe(secret)
                        + ", which costs more to unlock than Candor allows");
            }
        }
    }

    private static String describe(PGPSecretKey secret) {
        S2K s2k = secret.getS2K();
        if (s2k == null) {
            return "S2K usage " + secret.getS2KUsage();
        }
        return switch (s2k.getType()) {
            case S2K.ARGON_2 -> "Argon2 (" + (1L << s2k.getMemorySizeExponent()) + " KiB, " + s2k.getPasses()
                    + " passes, " + s2k.getParallelism() + " lanes)";
            case S2K.SALTED_AND_ITERATED -> "iterated-salted S2K (hash " + s2k.getHashAlgorithm() + ", "
                    + s2k.getIterationCount() + " bytes hashed, cipher " + secret.getKeyEncryptionAlgorithm()
                    + ", usage " + secret.getS2KUsage() + ")";
            default -> "S2K type " + s2k.getType();
        };
    }

    // ---------------------------------------------------------------- encoding

    public static String fingerprint(OpenPGPCertificate cert) {
        return HexFormat.of().withUpperCase().formatHex(cert.getFingerprint());
    }

    public static String keyId(long keyId) {
        return String.format(Locale.ROOT, "%016X", keyId);
    }

    private static String day(Date date) {
        return date.toInstant().toString().substring(0, 10);
    }

    /** ASCII armor with the CRC line (GnuPG 2.2 refuses armor without it). */
    public static String armor(byte[] binary) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().enableCRC(true).build(bytes)) {
            armor.write(binary);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    public static byte[] encodePublic(OpenPGPCertificate cert) {
        try {
            return cert.getPGPPublicKeyRing().getEncoded(PacketFormat.CURRENT);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] encodeSecret(OpenPGPKey key) {
        try {
            return key.getPGPSecretKeyRing().getEncoded(PacketFormat.CURRENT);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The public certificate of a key, as its own object.
     *
     * @throws KeyRejected if the key's packets do not form a certificate (Bouncy Castle throws
     *                     IllegalArgumentException for a key that begins with a subkey; found by fuzzing)
     */
    public static OpenPGPCertificate publicPart(OpenPGPCertificate cert) throws KeyRejected {
        try {
            return new OpenPGPKeyReader(IMPL).parseCertificate(encodePublic(cert));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException malformed) {
            throw new KeyRejected(Reason.MALFORMED, "the key's packets do not form one OpenPGP key", malformed);
        }
    }
}
