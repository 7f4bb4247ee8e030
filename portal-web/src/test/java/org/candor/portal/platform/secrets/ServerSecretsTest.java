package org.candor.portal.platform.secrets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.candor.crypto.Pepper;
import org.candor.crypto.ReplyCode;
import org.candor.portal.platform.config.PortalConfig;
import org.candor.portal.staff.Totp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal's key files on a real file system: one per purpose, owner-only, made only for the
 * roles that need them, refused when others can read them, and derived once from the single
 * master secret of an installation made before the split.
 */
class ServerSecretsTest {

    @TempDir
    Path dir;

    private ServerSecrets startedWith(String... roles) {
        ServerSecrets secrets = ServerSecrets.inFolder(dir);
        secrets.config = new PortalConfig(List.of(roles), "http://localhost:8080", false, Optional.empty());
        secrets.onStart(new Object());
        return secrets;
    }

    private Set<String> keyFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("keys"))) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void anIntakeOnlyStartMakesThePepperAndFormTokenKeysAndNeverTouchesTheStaffSecret() throws Exception {
        Files.createDirectories(dir.resolve("keys"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------"))); // made here to watch it from the start
        List<String> created = new ArrayList<>();
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            dir.resolve("keys").register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            startedWith("intake");
            WatchKey key;
            while ((key = watcher.poll()) != null) {
                for (WatchEvent<?> event : key.pollEvents()) {
                    created.add(event.context().toString());
                }
                key.reset();
            }
        }
        assertEquals(Set.of("form-token.key", "reply-code-pepper.key"), keyFiles());
        assertTrue(created.stream().noneMatch(name -> name.contains("staff")), "no staff secret at any moment: " + created);
        assertEquals("rw-------", mode(dir.resolve("keys/reply-code-pepper.key")));
        assertEquals("rw-------", mode(dir.resolve("keys/form-token.key")));

        // a staff secret lying on the intake host, even one others could read, is not read by an intake start
        Path staff = dir.resolve("keys/staff-secrets.key");
        Files.writeString(staff, Base64.getEncoder().encodeToString(new byte[32]));
        Files.setPosixFilePermissions(staff, PosixFilePermissions.fromString("rw-r--r--"));
        startedWith("intake");
        KeyFile.KeyFileExposed refused = assertThrows(KeyFile.KeyFileExposed.class, () -> startedWith("desk"));
        assertTrue(refused.getMessage().contains("staff-secrets.key"), refused.getMessage());
    }

    @Test
    void staffRolesMakeOnlyTheStaffSecretAndEachPurposeHasItsOwnKey() throws Exception {
        ServerSecrets staff = startedWith("desk", "oversight", "admin");
        assertEquals(Set.of("staff-secrets.key"), keyFiles());
        assertEquals("rw-------", mode(dir.resolve("keys/staff-secrets.key")));
        assertEquals("rwx------", mode(dir.resolve("keys")), "the folder made for the key files is owner-only too");
        byte[] seed = Totp.newSecret();
        String sealed = staff.sealTotpSeed(seed);
        assertNotEquals(sealed, staff.sealTotpSeed(seed), "a fresh nonce each time");
        assertArrayEquals(seed, staff.openTotpSeed(sealed));
        byte[] altered = sealed.getBytes(StandardCharsets.US_ASCII);
        altered[20] = (byte) (altered[20] == 'A' ? 'B' : 'A');
        assertThrows(IllegalStateException.class, () -> staff.openTotpSeed(new String(altered, StandardCharsets.US_ASCII)));

        ServerSecrets all = startedWith("intake", "desk", "oversight", "admin");
        assertEquals(Set.of("form-token.key", "reply-code-pepper.key", "staff-secrets.key"), keyFiles());
        byte[] pepper = all.key(ServerSecrets.Purpose.REPLY_CODE_PEPPER);
        assertFalse(Arrays.equals(pepper, all.key(ServerSecrets.Purpose.FORM_TOKEN)));
        assertFalse(Arrays.equals(pepper, all.key(ServerSecrets.Purpose.STAFF_SECRETS)));
        assertArrayEquals(pepper, startedWith("intake").key(ServerSecrets.Purpose.REPLY_CODE_PEPPER), "read back, not made anew");
        assertArrayEquals(seed, all.openTotpSeed(sealed));
    }

    @Test
    void aKeyFileOthersCanReadStopsTheStartWithOneLineThatSaysWhatToDo() throws Exception {
        startedWith("intake");
        Path pepper = dir.resolve("keys/reply-code-pepper.key");
        for (String exposed : List.of("rw-r-----", "rw----r--", "rw-rw----")) {
            Files.setPosixFilePermissions(pepper, PosixFilePermissions.fromString(exposed));
            KeyFile.KeyFileExposed refused = assertThrows(KeyFile.KeyFileExposed.class, () -> startedWith("intake"));
            assertFalse(refused.getMessage().contains("\n"), "one line");
            assertTrue(refused.getMessage().contains(pepper.toString()) && refused.getMessage().contains("chmod 600"),
                    refused.getMessage());
        }
        Files.setPosixFilePermissions(pepper, PosixFilePermissions.fromString("rw-------"));
        startedWith("intake");
    }

    @Test
    void anInstallationWithOnlyTheFormerMasterSecretKeepsItsReplyCodesAndItsEnrolledSecondFactors() throws Exception {
        // what the version with one master secret left behind: the master file, handles and a sealed TOTP seed
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        Path keys = Files.createDirectories(dir.resolve("keys"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path legacy = keys.resolve("server-secrets.key");
        Files.writeString(legacy, Base64.getEncoder().encodeToString(master));
        Files.setPosixFilePermissions(legacy, PosixFilePermissions.fromString("rw-------"));
        String code;
        String oldHandle;
        try (ReplyCode replyCode = ReplyCode.generate()) {
            code = replyCode.display();
            oldHandle = Pepper.fromBytes(formerDerive(master, "reply-code-pepper")).handle(replyCode).toHex();
        }
        byte[] seed = Totp.newSecret();
        String oldSealed = formerSeal(master, seed);

        ServerSecrets intake = startedWith("intake");
        assertEquals(Set.of("form-token.key", "reply-code-pepper.key", "server-secrets.key"), keyFiles());
        try (ReplyCode typed = ReplyCode.parse(code)) {
            assertEquals(oldHandle, Pepper.fromBytes(intake.key(ServerSecrets.Purpose.REPLY_CODE_PEPPER)).handle(typed).toHex(),
                    "the code typed after the upgrade finds its case");
        }

        ServerSecrets staff = startedWith("desk", "oversight", "admin");
        byte[] opened = staff.openTotpSeed(oldSealed);
        assertArrayEquals(seed, opened);
        Instant now = Instant.now();
        assertTrue(Totp.matchingStep(opened, Totp.code(seed, Totp.step(now)), now).isPresent(), "the second factor still verifies");

        // once derived, the split files are the secrets: the former master may leave the hosts
        Files.delete(legacy);
        ServerSecrets after = startedWith("intake", "desk");
        assertArrayEquals(seed, after.openTotpSeed(oldSealed));
        try (ReplyCode typed = ReplyCode.parse(code)) {
            assertEquals(oldHandle, Pepper.fromBytes(after.key(ServerSecrets.Purpose.REPLY_CODE_PEPPER)).handle(typed).toHex());
        }
    }

    /** How the version with one master secret sealed a TOTP seed (AES-256-GCM, key derived for "seal/staff-totp"). */
    private static String formerSeal(byte[] master, byte[] seed) throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(formerDerive(master, "seal/staff-totp"), "AES"),
                new GCMParameterSpec(128, nonce));
        gcm.updateAAD("staff-totp".getBytes(StandardCharsets.UTF_8));
        byte[] sealed = gcm.doFinal(seed);
        byte[] out = new byte[12 + sealed.length];
        System.arraycopy(nonce, 0, out, 0, 12);
        System.arraycopy(sealed, 0, out, 12, sealed.length);
        return Base64.getEncoder().encodeToString(out);
    }

    /** The former master secret's key for a purpose: HMAC-SHA-256(master, "candor/" + purpose || 0x01), one block. */
    private static byte[] formerDerive(byte[] master, String purpose) throws Exception {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(master, "HmacSHA256"));
        hmac.update(("candor/" + purpose).getBytes(StandardCharsets.UTF_8));
        hmac.update((byte) 1);
        return hmac.doFinal();
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
