package org.candor.portal.platform.secrets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSecretsTest {

    @TempDir
    Path dir;

    @Test
    void makesTheMasterKeyReadableByItsOwnerOnlyAndReadsTheSameKeyBack() throws Exception {
        Path file = dir.resolve("keys").resolve("server-secrets.key");
        byte[] first = ServerSecrets.readOrCreate(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertArrayEquals(first, ServerSecrets.readOrCreate(file));
        assertEquals(32, first.length);
    }

    @Test
    void derivesIndependentKeysPerPurposeAndSealsWithIntegrity() {
        ServerSecrets secrets = ServerSecrets.inFolder(dir);
        assertFalse(Arrays.equals(secrets.derive("a", 32), secrets.derive("b", 32)));
        assertArrayEquals(secrets.derive("a", 32), secrets.derive("a", 32));

        String sealed = secrets.seal("totp", "seed".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(sealed, secrets.seal("totp", "seed".getBytes(StandardCharsets.UTF_8)), "a fresh nonce each time");
        assertArrayEquals("seed".getBytes(StandardCharsets.UTF_8), secrets.open("totp", sealed));
        assertThrows(IllegalStateException.class, () -> secrets.open("other purpose", sealed));
        char[] altered = sealed.toCharArray();
        altered[20] = altered[20] == 'A' ? 'B' : 'A';
        assertThrows(IllegalStateException.class, () -> secrets.open("totp", new String(altered)));
    }
}
