package org.candor.portal.platform.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory left open to other users (as a umask of 022 makes it) is closed when the portal
 * starts: the directory and the key, database and index folders become 0700 and their files 0600
 * (docs/design.md property 6).
 */
class PrivateDataDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void anOpenDataDirectoryIsClosedAtStart() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path keys = Files.createDirectories(data.resolve("keys"));
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-x---"));
        Path key = Files.writeString(keys.resolve("audit-signing.pub"), "public");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        Path database = Files.createDirectories(data.resolve("database"));
        Path h2 = Files.writeString(database.resolve("candor.mv.db"), "chunks");
        Files.setPosixFilePermissions(h2, PosixFilePermissions.fromString("rw-rw-r--"));

        PrivateDataDirectory.prepare(data);

        assertEquals("rwx------", mode(data));
        assertEquals("rwx------", mode(keys));
        assertEquals("rw-------", mode(key));
        assertEquals("rwx------", mode(database));
        assertEquals("rw-------", mode(h2));
    }

    @Test
    void aMissingDataDirectoryIsCreatedOwnerOnly() throws Exception {
        Path data = temp.resolve("new").resolve("data");
        PrivateDataDirectory.prepare(data);
        assertEquals("rwx------", mode(data));
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
