package org.candor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyGenerator;
import org.bouncycastle.openpgp.api.SignatureParameters;
import org.bouncycastle.openpgp.operator.PBESecretKeyEncryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcAEADSecretKeyEncryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.candor.crypto.internal.Keys;
import org.junit.jupiter.api.Test;

/**
 * The form of case keys (docs/protocol.md, "Case keys"; docs/design.md properties 6 and 12): a key Candor makes
 * carries the fixed creation time on every key and self-signature, and a key uploaded by a browser is refused
 * unless it has exactly that form and the pinned S2K. The refused keys are made here with Bouncy Castle, each
 * breaking one rule, the way an attacker would send them.
 */
class CaseKeyFormTest {

    private static final Instant FIXED = Instant.parse("2000-01-01T00:00:00Z");
    private static final String CODE_SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void aGeneratedCaseKeyAndItsSignaturesCarryOnlyTheFixedTime() throws Exception {
        WhistleblowerKey key = WhistleblowerKey.generate(ReplyCodeDerivation.lockSecret(ReplyCode.generate()));
        assertEquals(FIXED, WhistleblowerKey.CREATION_TIME);
        OpenPGPKey parsed = Keys.parseSecret(key.toStorage());
        int keys = 0;
        int signatures = 0;
        for (Iterator<PGPPublicKey> it = parsed.getPGPPublicKeyRing().getPublicKeys(); it.hasNext(); keys++) {
            PGPPublicKey publicKey = it.next();
            assertEquals(FIXED, publicKey.getCreationTime().toInstant(), "key creation time");
            for (Iterator<PGPSignature> s = publicKey.getSignatures(); s.hasNext(); signatures++) {
                assertEquals(FIXED, s.next().getCreationTime().toInstant(), "signature creation time");
            }
        }
        assertEquals(2, keys);
        assertTrue(signatures >= 2, "a user-ID and a subkey-binding signature at least");
        assertTrue(key.toLockedArmored().contains("BEGIN PGP PRIVATE KEY BLOCK"));
    }

    @Test
    void aKeyOfCandorsOwnFormIsAcceptedFromABrowserAndStillUnlocksAndReceives() throws Exception {
        ReplyCode code = ReplyCode.generate();
        WhistleblowerKey made = WhistleblowerKey.generate(ReplyCodeDerivation.lockSecret(code));
        WhistleblowerKey uploaded = WhistleblowerKey.fromBrowser(made.toStorage());
        assertEquals(made.fingerprint(), uploaded.fingerprint());
        java.io.ByteArrayOutputStream sealed = new java.io.ByteArrayOutputStream();
        try (var out = Sealer.to(List.of(uploaded.recipient())).open(sealed, Sealer.Content.BINARY)) {
            out.write("reply".getBytes(StandardCharsets.UTF_8));
        }
        try (UnlockedKey unlocked = uploaded.unlock(ReplyCodeDerivation.lockSecret(code));
             InputStream in = new ByteArrayInputStream(sealed.toByteArray())) {
            assertArrayEquals("reply".getBytes(StandardCharsets.UTF_8), Opener.with(unlocked).openAll(in, 1024));
        }
    }

    @Test
    void refusesAKeyThatCarriesTheExactTimeOfItsMaking() throws Exception {
        KeyRejected refused = refused(key(new Date(), null, iterated(0x00), PublicKeyPacket.VERSION_4));
        assertTrue(refused.getMessage().contains("creation time"), refused.getMessage());
    }

    @Test
    void refusesAKeyWithTheFixedKeyTimeButExactSignatureTimes() throws Exception {
        KeyRejected refused = refused(key(Date.from(FIXED), new Date(), iterated(0x00), PublicKeyPacket.VERSION_4));
        assertTrue(refused.getMessage().contains("signature"), refused.getMessage());
    }

    @Test
    void refusesAKeyLockedWithArgon2() throws Exception {
        KeyRejected refused = refused(key(Date.from(FIXED), null, new BcAEADSecretKeyEncryptorFactory(), PublicKeyPacket.VERSION_4));
        assertTrue(refused.getMessage().contains("Argon2"), refused.getMessage());
    }

    @Test
    void refusesAKeyWithAHugeIterationCount() throws Exception {
        KeyRejected refused = refused(key(Date.from(FIXED), null, iterated(0xff), PublicKeyPacket.VERSION_4));
        assertTrue(refused.getMessage().contains("65011712 bytes hashed"), refused.getMessage());
    }

    @Test
    void refusesAKeyLockedCheaplyWhoseCountWasRaisedInThePacketAfterwards() throws Exception {
        byte[] cheap = WhistleblowerKey.generate(ReplyCodeDerivation.lockSecret(ReplyCode.generate())).toStorage();
        byte[] raised = raiseCountByte(cheap);
        KeyRejected refused = refused(raised);
        assertTrue(refused.getMessage().contains("65011712 bytes hashed"), refused.getMessage());
    }

    @Test
    void refusesAVersion6Key() throws Exception {
        KeyRejected refused = refused(key(Date.from(FIXED), null, iterated(0x00), PublicKeyPacket.VERSION_6));
        assertTrue(refused.getMessage().contains("version 6"), refused.getMessage());
    }

    @Test
    void refusesAKeyLockedWithAnotherCipherOrHash() throws Exception {
        PBESecretKeyEncryptorFactory aes128 = (passphrase, packet) -> new BcPBESecretKeyEncryptorBuilder(
                SymmetricKeyAlgorithmTags.AES_128, digest(HashAlgorithmTags.SHA256), 0x00)
                .build(passphrase);
        PBESecretKeyEncryptorFactory sha512 = (passphrase, packet) -> new BcPBESecretKeyEncryptorBuilder(
                SymmetricKeyAlgorithmTags.AES_256, digest(HashAlgorithmTags.SHA512), 0x00)
                .build(passphrase);
        assertTrue(refused(key(Date.from(FIXED), null, aes128, PublicKeyPacket.VERSION_4)).getMessage().contains("cipher 7"));
        assertTrue(refused(key(Date.from(FIXED), null, sha512, PublicKeyPacket.VERSION_4)).getMessage().contains("hash 10"));
    }

    @Test
    void refusesAnRsaKey() throws Exception {
        OpenPGPKey rsa = new OpenPGPKeyGenerator(Keys.IMPL, PublicKeyPacket.VERSION_4, Keys.IMPL.pgpKeyPairGeneratorProvider(),
                Keys.IMPL.pgpDigestCalculatorProvider(), iterated(0x00), Keys.IMPL.keyFingerPrintCalculator(), Date.from(FIXED))
                .withPrimaryKey(g -> g.generateRsaKeyPair(3072))
                .addUserId(Keys.CASE_KEY_USER_ID)
                .addEncryptionSubkey(g -> g.generateRsaKeyPair(3072))
                .build(CODE_SECRET.toCharArray());
        assertTrue(refused(Keys.encodeSecret(rsa)).getMessage().contains("Ed25519"));
    }

    @Test
    void aStoredKeyThatWouldCostTooMuchToUnlockIsNotUnlocked() throws Exception {
        OpenPGPKey argon2 = key(Date.from(FIXED), null, new BcAEADSecretKeyEncryptorFactory(), PublicKeyPacket.VERSION_4);
        WhistleblowerKey stored = WhistleblowerKey.fromStorage(Keys.encodeSecret(argon2));
        try (LockSecret secret = new LockSecret(java.util.HexFormat.of().parseHex(CODE_SECRET))) {
            WrongPassphrase refused = assertThrows(WrongPassphrase.class, () -> stored.unlock(secret));
            assertTrue(refused.getMessage().contains("Argon2"), refused.getMessage());
        }
    }

    private static KeyRejected refused(OpenPGPKey key) {
        return refused(Keys.encodeSecret(key));
    }

    private static KeyRejected refused(byte[] key) {
        KeyRejected refused = assertThrows(KeyRejected.class, () -> WhistleblowerKey.fromBrowser(key));
        assertEquals(KeyRejected.Reason.UNSUPPORTED, refused.reason(), refused.getMessage());
        return refused;
    }

    private static PBESecretKeyEncryptorFactory iterated(int countByte) {
        return (passphrase, packet) -> new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256,
                digest(HashAlgorithmTags.SHA256), countByte).build(passphrase);
    }

    private static org.bouncycastle.openpgp.operator.PGPDigestCalculator digest(int algorithm) {
        try {
            return new BcPGPDigestCalculatorProvider().get(algorithm);
        } catch (org.bouncycastle.openpgp.PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key of Candor's algorithms and user ID; the signatures carry {@code signatureTime} when it is given. */
    private static OpenPGPKey key(Date keyTime, Date signatureTime, PBESecretKeyEncryptorFactory lock, int version)
            throws Exception {
        SignatureParameters.Callback at = new SignatureParameters.Callback() {
            @Override
            public SignatureParameters apply(SignatureParameters parameters) {
                SignatureParameters noExpiry = SignatureParameters.Callback.Util.modifyHashedSubpackets(subpackets -> {
                    subpackets.removePacketsOfType(SignatureSubpacketTags.KEY_EXPIRE_TIME);
                    return subpackets;
                }).apply(parameters);
                return signatureTime == null ? noExpiry : noExpiry.setSignatureCreationTime(signatureTime);
            }
        };
        OpenPGPKeyGenerator generator = new OpenPGPKeyGenerator(Keys.IMPL, version, Keys.IMPL.pgpKeyPairGeneratorProvider(),
                Keys.IMPL.pgpDigestCalculatorProvider(), lock, Keys.IMPL.keyFingerPrintCalculator(), keyTime);
        return generator
                .withPrimaryKey(g -> version == PublicKeyPacket.VERSION_6 ? g.generateEd25519KeyPair() : g.generateLegacyEd25519KeyPair(), at)
                .addUserId(Keys.CASE_KEY_USER_ID, at)
                .addEncryptionSubkey(g -> version == PublicKeyPacket.VERSION_6 ? g.generateX25519KeyPair() : g.generateLegacyX25519KeyPair(), at)
                .build(CODE_SECRET.toCharArray());
    }

    /** Raises the S2K count byte of every secret key packet from 0 to 255, as an attacker can after locking. */
    private static byte[] raiseCountByte(byte[] key) {
        byte[] raised = key.clone();
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i + 12 < raised.length; i++) {
            // usage 254, AES-256 (9), iterated-salted (3), SHA-256 (8), 8 bytes of salt, then the count byte
            if ((raised[i] & 0xff) == 254 && raised[i + 1] == 9 && raised[i + 2] == 3 && raised[i + 3] == 8
                    && raised[i + 12] == 0) {
                found.add(i + 12);
            }
        }
        assertEquals(2, found.size(), "one S2K per secret key packet");
        found.forEach(at -> raised[at] = (byte) 0xff);
        return raised;
    }
}
