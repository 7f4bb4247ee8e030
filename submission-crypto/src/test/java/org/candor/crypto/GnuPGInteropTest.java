package org.candor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interoperability with GnuPG 2.2 both ways, with Candor-made and GnuPG-made keys, in a temporary GNUPGHOME.
 */
class GnuPGInteropTest {

    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    private static final String PASS = new String(PASSPHRASE);

    private static GnuPG gpg;
    private static InvestigatorKey candorKey;
    private static String gnupgFingerprint;

    @BeforeAll
    static void setUp() throws IOException {
        assumeTrue(GnuPG.available(), "gpg is not installed");
        gpg = new GnuPG();
        candorKey = InvestigatorKey.generate("Candor Investigator <investigator@example.org>", PASSPHRASE);
        gpg.run(candorKey.exportLockedSecretArmored(PASSPHRASE).getBytes(StandardCharsets.US_ASCII),
                "--passphrase", PASS, "--import");
        gpg.run(null, "--passphrase", PASS, "--quick-generate-key", "GnuPG User <gnupg@example.org>",
                "future-default", "default", "never");
        gnupgFingerprint = gpg.fingerprint("gnupg@example.org");
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (gpg != null) {
            gpg.close();
        }
    }

    private static byte[] sample() {
        return SealAndOpenTest.random(300_000, 42);
    }

    @Test
    void gnupgDecryptsWhatCandorSealedToAnExportedCandorKey() throws IOException {
        byte[] plain = sample();
        byte[] sealed = Sealer.to(candorKey.recipient()).seal(plain, Sealer.Content.BINARY);
        assertArrayEquals(plain, gpg.run(sealed, "--passphrase", PASS, "--decrypt"));
    }

    @Test
    void gnupgDecryptsCompressedTextCandorSealed() throws IOException {
        byte[] text = "Dear investigators, this is my report.\n".repeat(500).getBytes(StandardCharsets.UTF_8);
        byte[] sealed = Sealer.to(candorKey.recipient()).seal(text, Sealer.Content.TEXT);
        assertArrayEquals(text, gpg.run(sealed, "--passphrase", PASS, "--decrypt"));
    }

    @Test
    void gnupgUsesAes256ForCandorKeysBecauseOfTheUserIdPreferences() throws IOException {
        byte[] encrypted = gpg.run("x".getBytes(StandardCharsets.US_ASCII), "--encrypt", "--recipient", candorKey.fingerprint());
        gpg.run(encrypted, "--passphrase", PASS, "--show-session-key", "--decrypt");
        String stderr = gpg.lastStderr();
        org.junit.jupiter.api.Assertions.assertTrue(stderr.contains("session key: '9:"), "algorithm 9 is AES-256: " + stderr);
    }

    @Test
    void candorOpensWhatGnupgEncryptedToACandorKey() throws IOException {
        byte[] plain = sample();
        byte[] encrypted = gpg.run(plain, "--encrypt", "--recipient", candorKey.fingerprint());
        try (UnlockedKey unlocked = candorKey.unlock(PASSPHRASE)) {
            assertArrayEquals(plain, Opener.with(unlocked).openAll(new ByteArrayInputStream(encrypted), 1 << 20));
        }
    }

    @Test
    void candorOpensArmoredAndCompressedGnupgMessages() throws IOException {
        byte[] text = "a line of text\n".repeat(2000).getBytes(StandardCharsets.UTF_8);
        byte[] encrypted = gpg.run(text, "--armor", "--compress-algo", "zlib", "--encrypt", "--recipient", candorKey.fingerprint());
        try (UnlockedKey unlocked = candorKey.unlock(PASSPHRASE)) {
            assertArrayEquals(text, Opener.with(unlocked).openAll(new ByteArrayInputStream(encrypted), 1 << 20));
        }
    }

    @Test
    void gnupgDecryptsWhatCandorSealedToAnImportedGnupgPublicKey() throws IOException {
        RecipientKey gnupgKey = RecipientKey.fromArmored(gpg.runText("--armor", "--export", gnupgFingerprint));
        assertEquals(gnupgFingerprint, gnupgKey.fingerprint());
        byte[] plain = sample();
        byte[] sealed = Sealer.to(gnupgKey, candorKey.recipient()).seal(plain, Sealer.Content.BINARY);
        assertArrayEquals(plain, gpg.run(sealed, "--passphrase", PASS, "--decrypt"));
    }

    @Test
    void candorOpensWithAnImportedGnupgSecretKeyWhatGnupgEncrypted() throws IOException {
        String armoredSecret = gpg.runText("--passphrase", PASS, "--armor", "--export-secret-keys", gnupgFingerprint);
        InvestigatorKey imported = InvestigatorKey.importArmored(armoredSecret, PASSPHRASE);
        assertEquals(gnupgFingerprint, imported.fingerprint());
        byte[] plain = sample();
        byte[] encrypted = gpg.run(plain, "--encrypt", "--recipient", gnupgFingerprint);
        try (UnlockedKey unlocked = imported.unlock(PASSPHRASE)) {
            assertArrayEquals(plain, Opener.with(unlocked).openAll(new ByteArrayInputStream(encrypted), 1 << 20));
        }
        assertThrows(WrongPassphrase.class, () -> InvestigatorKey.importArmored(armoredSecret, "not the passphrase".toCharArray()));
    }

    @Test
    void inspectorAcceptsGnupgMessagesToExactlyTheExpectedKeysAndRefusesHiddenRecipients() throws IOException {
        RecipientKey gnupgKey = RecipientKey.fromArmored(gpg.runText("--armor", "--export", gnupgFingerprint));
        byte[] both = gpg.run(sample(), "--encrypt", "--recipient", candorKey.fingerprint(), "--recipient", gnupgFingerprint);
        CiphertextInspector.Report report = CiphertextInspector.expecting(candorKey.recipient(), gnupgKey)
                .inspect(new ByteArrayInputStream(both));
        assertEquals(2, report.recipientFingerprints().size());
        assertEquals(1, report.seipdVersion());
        byte[] hidden = gpg.run(sample(), "--encrypt", "--hidden-recipient", candorKey.fingerprint());
        assertThrows(RecipientMismatch.class,
                () -> CiphertextInspector.expecting(candorKey.recipient()).inspect(new ByteArrayInputStream(hidden)));
    }

    @Test
    void gnupgAcceptsTheArmoredPublicKeyCandorExports() throws IOException {
        try (GnuPG other = new GnuPG()) {
            other.run(candorKey.exportPublicArmored().getBytes(StandardCharsets.US_ASCII), "--import");
            byte[] encrypted = other.run("hello".getBytes(StandardCharsets.US_ASCII), "--encrypt", "--recipient", candorKey.fingerprint());
            try (UnlockedKey unlocked = candorKey.unlock(PASSPHRASE)) {
                assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII),
                        Opener.with(unlocked).openAll(new ByteArrayInputStream(encrypted), 100));
            }
        }
    }
}
