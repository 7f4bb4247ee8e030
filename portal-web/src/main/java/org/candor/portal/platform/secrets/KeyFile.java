package org.candor.portal.platform.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One secret key in a file of its own: base64 of the key, readable by the portal's account only.
 * A new file is made 0600 in a 0700 folder from the moment it exists, complete or not at all (a
 * temporary file linked into place, so two instances starting at once end up with the same key);
 * an existing file that others may read is refused with {@link KeyFileExposed}, whose message is
 * one line an operator can act on.
 */
public final class KeyFile {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private KeyFile() {
    }

    /** A key file that others than the portal's account may read or change. */
    public static final class KeyFileExposed extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        KeyFileExposed(Path file, Set<PosixFilePermission> permissions) {
            super("Candor refuses to start: the key file " + file + " can be read by others than its owner ("
                    + PosixFilePermissions.toString(permissions) + "); make it owner-only with: chmod 600 " + file);
        }
    }

    /**
     * Reads the key of {@code length} bytes in {@code file}; when there is no such file, writes
     * {@code initial}'s key there first.
     *
     * @throws KeyFileExposed if the file may be read by others than its owner
     */
    public static byte[] readOrCreate(Path file, int length, Supplier<byte[]> initial) {
        try {
            if (!Files.exists(file)) {
                create(file, initial.get());
            }
            refuseIfExposed(file);
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (key.length != length) {
                throw new IllegalStateException("Candor refuses to start: the key file " + file + " does not hold a "
                        + length * 8 + "-bit key");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file, e);
        }
    }

    /** Refuses a key file that group or others may read, write or run. */
    static void refuseIfExposed(Path file) throws IOException {
        if (!posix(file)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(OTHERS::contains)) {
            throw new KeyFileExposed(file, permissions);
        }
    }

    private static void create(Path file, byte[] key) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        boolean posix = posix(folder);
        if (!Files.isDirectory(folder)) {
            if (posix) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(folder);
            }
        }
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(folder, ".key-", ".tmp", ownerOnly);
        try {
            Files.write(temporary, Base64.getEncoder().encode(key));
            try {
                Files.createLink(file.toAbsolutePath(), temporary); // atomic, and fails when another process was first
            } catch (UnsupportedOperationException noLinks) {
                Files.move(temporary, file); // refuses to replace an existing file
            }
        } catch (FileAlreadyExistsException anotherWasFirst) {
            // the other process's key is the one to use
        } finally {
            Files.deleteIfExists(temporary);
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
