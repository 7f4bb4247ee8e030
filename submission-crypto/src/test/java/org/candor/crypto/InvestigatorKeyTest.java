package org.candor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Investigator keys: lifecycle, and the refusals of unusable keys (made with GnuPG, in a temporary home). */
class InvestigatorKeyTest {

    private static final char[] PASSPHRASE = "a long enough passphrase".toCharArray();
    private static InvestigatorKey key;
    private static GnuPG gpg;

    @BeforeAll
    static void setUp() throws IOException {
        key = InvestigatorKey.generate("Jane Roe <jane@example.org>", PASSPHRASE);
        if (GnuPG.available()) {
            gpg = new GnuPG();
        }
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (gpg != null) {
            gpg.close();
        }
    }

    @Test
    void generatesAnEd25519KeyWithAnX25519SubkeyThatPrintsOnlyItsFingerprint() throws IOException {
        assertTrue(key.fingerprint().matches("[0-9A-F]{40}"));
        assertEquals("InvestigatorKey[" + key.fingerprint() + "]", key.toString());
        String armored = key.exportPublicArmored();
        assertTrue(armored.contains("BEGIN PGP PUBLIC KEY BLOCK"));
        assertTrue(armored.lines().anyMatch(line -> line.startsWith("=")), "armor has the CRC line GnuPG 2.2 needs");
        assertEquals(key.recipient(), RecipientKey.fromArmored(armored));
    }

    @Test
    void unlocksWithItsPassphraseOnlyAndSurvivesStorage() throws IOException {
        InvestigatorKey stored = InvestigatorKey.fromStorage(key.toStorage());
        byte[] sealed = Sealer.to(stored.recipient()).seal("hello".getBytes(), Sealer.Content.BINARY);
        try (UnlockedKey unlocked = stored.unlock(PASSPHRASE)) {
            assertArrayEquals("hello".getBytes(), Opener.with(unlocked).openAll(new ByteArrayInputStream(sealed), 10));
            assertFalse(unlocked.toString().contains("PRIVATE"));
        }
        assertThrows(WrongPassphrase.class, () -> key.unlock("wrong passphrase!".toCharArray()));
    }

    @Test
    void changesThePassphrase() throws IOException {
        char[] newPassphrase = "another long passphrase".toCharArray();
        InvestigatorKey changed = key.changePassphrase(PASSPHRASE, newPassphrase);
        assertEquals(key.fingerprint(), changed.fingerprint());
        changed.unlock(newPassphrase).close();
        assertThrows(WrongPassphrase.class, () -> changed.unlock(PASSPHRASE));
        assertThrows(WrongPassphrase.class, () -> key.changePassphrase("not it at all".toCharArray(), newPassphrase));
        assertThrows(IllegalArgumentException.class, () -> key.changePassphrase(PASSPHRASE, "short".toCharArray()));
    }

    @Test
    void refusesMalformedArmorAndPublicKeysWhereASecretKeyIsNeeded() {
        assertEquals(KeyRejected.Reason.MALFORMED,
                assertThrows(KeyRejected.class, () -> RecipientKey.fromArmored("not a key")).reason());
        String armored = key.exportPublicArmored();
        String broken = armored.substring(0, armored.length() / 2) + "\n-----END PGP PUBLIC KEY BLOCK-----\n";
        assertEquals(KeyRejected.Reason.MALFORMED, assertThrows(KeyRejected.class, () -> RecipientKey.fromArmored(broken)).reason());
        assertEquals(KeyRejected.Reason.NOT_A_SECRET_KEY,
                assertThrows(KeyRejected.class, () -> InvestigatorKey.importArmored(armored, PASSPHRASE)).reason());
    }

    private KeyRejected rejectedGnupgKey(String userId, String algorithm, String usage, String expire, String... extra) throws IOException {
        assumeTrue(gpg != null, "gpg is not installed");
        String[] args = new String[extra.length + 7];
        System.arraycopy(extra, 0, args, 0, extra.length);
        System.arraycopy(new String[] {"--passphrase", "", "--quick-generate-key", userId, algorithm, usage, expire},
                0, args, extra.length, 7);
        gpg.run(null, args);
        String armored = gpg.runText("--armor", "--export", userId);
        return assertThrows(KeyRejected.class, () -> RecipientKey.fromArmored(armored));
    }

    @Test
    void refusesRsaKeysBelow3072Bits() throws IOException {
        KeyRejected e = rejectedGnupgKey("rsa2048@example.org", "rsa2048", "default", "never");
        assertEquals(KeyRejected.Reason.TOO_WEAK, e.reason());
        assertTrue(e.getMessage().contains("3072"), e.getMessage());
    }

    @Test
    void refusesKeysWithoutAnEncryptionSubkey() throws IOException {
        assertEquals(KeyRejected.Reason.NO_ENCRYPTION_KEY, rejectedGnupgKey("signonly@example.org", "ed25519", "sign", "never").reason());
    }

    @Test
    void refusesExpiredKeys() throws IOException {
        assertEquals(KeyRejected.Reason.EXPIRED, rejectedGnupgKey("expired@example.org", "future-default", "default", "1d",
                "--faked-system-time", "20200101T000000").reason());
    }

    @Test
    void refusesUnsupportedAlgorithms() throws IOException {
        assertEquals(KeyRejected.Reason.UNSUPPORTED, rejectedGnupgKey("dsa@example.org", "dsa2048", "default", "never").reason());
    }

    @Test
    void refusesRevokedKeys() throws IOException {
        assumeTrue(gpg != null, "gpg is not installed");
        gpg.run(null, "--passphrase", "", "--quick-generate-key", "revoked@example.org", "future-default", "default", "never");
        String fingerprint = gpg.fingerprint("revoked@example.org");
        Path certificate = gpg.home.resolve("openpgp-revocs.d").resolve(fingerprint + ".rev");
        String revocation = Files.readString(certificate, StandardCharsets.US_ASCII).replace(":-----BEGIN", "-----BEGIN");
        gpg.run(revocation.getBytes(StandardCharsets.US_ASCII), "--import");
        String armored = gpg.runText("--armor", "--export", fingerprint);
        assertEquals(KeyRejected.Reason.REVOKED, assertThrows(KeyRejected.class, () -> RecipientKey.fromArmored(armored)).reason());
    }

    @Test
    void acceptsRsa3072KeysFromGnupg() throws IOException {
        assumeTrue(gpg != null, "gpg is not installed");
        gpg.run(null, "--passphrase", "", "--quick-generate-key", "rsa3072@example.org", "rsa3072", "cert,sign", "never");
        gpg.run(null, "--passphrase", "", "--quick-add-key", gpg.fingerprint("rsa3072@example.org"), "rsa3072", "encr", "never");
        RecipientKey rsa = RecipientKey.fromArmored(gpg.runText("--armor", "--export", "rsa3072@example.org"));
        byte[] sealed = Sealer.to(rsa).seal("to rsa".getBytes(), Sealer.Content.BINARY);
        assertArrayEquals("to rsa".getBytes(), gpg.run(sealed, "--passphrase", "", "--decrypt"));
    }
}
