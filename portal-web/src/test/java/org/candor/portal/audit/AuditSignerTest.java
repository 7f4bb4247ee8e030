package org.candor.portal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit key pair on disk: made once, its public half a pin that is never replaced silently. */
class AuditSignerTest {

    @TempDir
    Path dir;

    @Test
    void aFreshInstallationMakesAPairAndLaterStartsReadTheSamePair() throws Exception {
        Path file = dir.resolve("keys/audit-signing.key");
        AuditSigningKey made = AuditSigner.load(file);
        Path pub = dir.resolve("keys/audit-signing.pub");
        assertEquals(made.keyId(), AuditKeys.keyId(AuditKeys.fromPem(Files.readString(pub))));
        assertEquals(made.keyId(), AuditSigner.load(file).keyId());
        String fingerprint = AuditKeys.fingerprint(made.publicKey());
        assertTrue(fingerprint.matches("([0-9a-f]{4} ){15}[0-9a-f]{4}"), fingerprint);
        assertTrue(fingerprint.replace(" ", "").startsWith(made.keyId()), "the key id is the fingerprint's first half");
    }

    @Test
    void aPublicKeyWithoutItsPrivateKeyStopsTheStartInsteadOfANewPair() throws Exception {
        Path file = dir.resolve("keys/audit-signing.key");
        AuditSigner.load(file);
        Path pub = dir.resolve("keys/audit-signing.pub");
        String pinned = Files.readString(pub);
        Files.delete(file);
        AuditSigner.AuditKeyRefused refused = assertThrows(AuditSigner.AuditKeyRefused.class, () -> AuditSigner.load(file));
        assertTrue(refused.getMessage().contains(pub.toString()) && refused.getMessage().contains("restore the private key"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"), "one line");
        assertFalse(Files.exists(file), "no new private key was made");
        assertEquals(pinned, Files.readString(pub), "the pinned public key is untouched");
    }

    @Test
    void aPublicKeyOfAnotherPairIsNeverOverwritten() throws Exception {
        Path file = dir.resolve("keys/audit-signing.key");
        AuditSigner.load(file);
        Path pub = dir.resolve("keys/audit-signing.pub");
        String pinned = AuditKeys.toPem(AuditSigningKey.generate().publicKey());
        Files.writeString(pub, pinned, StandardCharsets.US_ASCII);
        FileTime before = Files.getLastModifiedTime(pub);
        AuditSigner.AuditKeyRefused refused = assertThrows(AuditSigner.AuditKeyRefused.class, () -> AuditSigner.load(file));
        assertTrue(refused.getMessage().contains("is not the public half of"), refused.getMessage());
        assertEquals(pinned, Files.readString(pub));
        assertEquals(before, Files.getLastModifiedTime(pub));
    }
}
