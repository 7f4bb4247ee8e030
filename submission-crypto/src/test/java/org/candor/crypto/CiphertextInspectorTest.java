package org.candor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Date;

import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CiphertextInspectorTest {

    private static WhistleblowerKey alice;
    private static WhistleblowerKey bob;
    private static UnlockedKey aliceUnlocked;

    @BeforeAll
    static void keys() throws Exception {
        ReplyCode code = ReplyCode.generate();
        alice = WhistleblowerKey.generate(ReplyCodeDerivation.lockSecret(code));
        aliceUnlocked = alice.unlock(ReplyCodeDerivation.lockSecret(code));
        bob = WhistleblowerKey.generate(ReplyCodeDerivation.lockSecret(ReplyCode.generate()));
    }

    @Test
    void acceptsAMessageToExactlyTheExpectedRecipientsAndCopiesIt() throws IOException {
        byte[] sealed = Sealer.to(alice.recipient(), bob.recipient()).seal(new byte[5000], Sealer.Content.BINARY);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        CiphertextInspector.Report report = CiphertextInspector.expecting(bob.recipient(), alice.recipient())
                .inspectWhileCopying(new ByteArrayInputStream(sealed), copy);
        assertEquals(java.util.Set.of(alice.fingerprint(), bob.fingerprint()), report.recipientFingerprints());
        assertEquals(1, report.seipdVersion());
        assertEquals(sealed.length, report.ciphertextBytes());
        assertArrayEquals(sealed, copy.toByteArray());
    }

    @Test
    void refusesAMessageWithAMissingRecipient() {
        byte[] sealed = Sealer.to(alice.recipient()).seal(new byte[10], Sealer.Content.BINARY);
        RecipientMismatch e = assertThrows(RecipientMismatch.class, () -> CiphertextInspector
                .expecting(alice.recipient(), bob.recipient()).inspect(new ByteArrayInputStream(sealed)));
        assertEquals(java.util.Set.of(bob.fingerprint()), e.missing());
    }

    @Test
    void refusesAMessageWithAnExtraRecipient() {
        byte[] sealed = Sealer.to(alice.recipient(), bob.recipient()).seal(new byte[10], Sealer.Content.BINARY);
        RecipientMismatch e = assertThrows(RecipientMismatch.class,
                () -> CiphertextInspector.expecting(alice.recipient()).inspect(new ByteArrayInputStream(sealed)));
        assertEquals(1, e.unexpected().size());
    }

    @Test
    void refusesPlainOpenPgpData() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream literal = new PGPLiteralDataGenerator().open(out, PGPLiteralData.BINARY, "", 5, new Date())) {
            literal.write("hello".getBytes());
        }
        assertThrows(MalformedMessage.class, () -> CiphertextInspector.expecting(alice.recipient())
                .inspect(new ByteArrayInputStream(out.toByteArray())));
        assertThrows(MalformedMessage.class, () -> Opener.with(aliceUnlocked).open(new ByteArrayInputStream(out.toByteArray())));
    }

    @Test
    void refusesGarbageEmptyInputAndTrailingData() {
        assertThrows(MalformedMessage.class, () -> CiphertextInspector.expecting(alice.recipient())
                .inspect(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5})));
        assertThrows(MalformedMessage.class, () -> CiphertextInspector.expecting(alice.recipient())
                .inspect(new ByteArrayInputStream(new byte[0])));
        byte[] sealed = Sealer.to(alice.recipient()).seal(new byte[10], Sealer.Content.BINARY);
        byte[] twice = new byte[sealed.length * 2];
        System.arraycopy(sealed, 0, twice, 0, sealed.length);
        System.arraycopy(sealed, 0, twice, sealed.length, sealed.length);
        assertThrows(MalformedMessage.class,
                () -> CiphertextInspector.expecting(alice.recipient()).inspect(new ByteArrayInputStream(twice)));
    }

    @Test
    void refusesMessagesWithoutIntegrityProtectionBeforeDecryptingAnything() throws Exception {
        byte[] sed = legacyMessage(alice.recipient().sealingKey(), false);
        assertThrows(IntegrityCheckFailed.class,
                () -> CiphertextInspector.expecting(alice.recipient()).inspect(new ByteArrayInputStream(sed)));
        assertThrows(IntegrityCheckFailed.class, () -> Opener.with(aliceUnlocked).open(new ByteArrayInputStream(sed)));
    }

    @Test
    void opensAndAcceptsAMessageBouncyCastleSealedWithItsOwnCipherCode() throws Exception {
        byte[] seipd = legacyMessage(alice.recipient().sealingKey(), true);
        CiphertextInspector.expecting(alice.recipient()).inspect(new ByteArrayInputStream(seipd));
        assertArrayEquals("old style".getBytes(), Opener.with(aliceUnlocked).openAll(new ByteArrayInputStream(seipd), 100));
    }

    @Test
    void refusesAWildcardRecipient() throws Exception {
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(
                new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true)
                        .setSecureRandom(new SecureRandom()));
        BcPublicKeyKeyEncryptionMethodGenerator method = new BcPublicKeyKeyEncryptionMethodGenerator(alice.recipient().sealingKey());
        method.setUseWildcardRecipient(true);
        generator.addMethod(method);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encrypted = generator.open(out, new byte[1024]);
             OutputStream literal = new PGPLiteralDataGenerator().open(encrypted, PGPLiteralData.BINARY, "", 2, new Date())) {
            literal.write("hi".getBytes());
        }
        RecipientMismatch e = assertThrows(RecipientMismatch.class, () -> CiphertextInspector.expecting(alice.recipient())
                .inspect(new ByteArrayInputStream(out.toByteArray())));
        assertTrue(e.getMessage().contains("wildcard"), e.getMessage());
    }

    /** A message made with Bouncy Castle's own generator: SEIPDv1, or the legacy SED packet without integrity. */
    static byte[] legacyMessage(PGPPublicKey to, boolean integrity) throws IOException, PGPException {
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(
                new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(integrity)
                        .setSecureRandom(new SecureRandom()));
        generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(to));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PGPCompressedDataGenerator compressed = new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZIP);
        try (OutputStream encrypted = generator.open(out, new byte[1024]);
             OutputStream zip = compressed.open(encrypted);
             OutputStream literal = new PGPLiteralDataGenerator().open(zip, PGPLiteralData.BINARY, "", 9, new Date())) {
            literal.write("old style".getBytes());
        }
        return out.toByteArray();
    }
}
