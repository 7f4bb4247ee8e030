package org.candor.portal.platform.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes the data directory and the folders inside it readable by the portal's own user only
 * (folders 0700, files 0600) and refuses to go on when that cannot be done. Keeps docs/design.md
 * property 6 on disk: a database, blob, index or key file that another local user can read gives
 * away what Candor keeps of a whistleblower (sizes, times, ciphertext to attack offline).
 *
 * <p>Java cannot set its own umask, so files that H2 and Lucene create take the mode of the
 * process's umask: the {@code ./candor} launcher sets {@code umask 077}, and the portal tightens
 * what it finds when it starts and when it opens the embedded database, so a start with a looser
 * umask (a service unit, a container) still ends with private files.
 */
public final class PrivateDataDirectory {

    static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateDataDirectory() {
    }

    /**
     * Creates the data directory as 0700 or tightens it, and tightens the key folder and everything
     * in it and in the database and search-index folders.
     *
     * @throws IllegalStateException with a one-line message when a folder stays readable by others
     */
    public static void prepare(Path dataDir) {
        if (!dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Path folder = dataDir.toAbsolutePath().normalize();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalStateException("Candor refuses to start: the data directory " + folder
                    + " is not a folder; set candor.data.dir to a folder of its own");
        }
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Candor refuses to start: the data directory " + folder
                    + " cannot be created (" + e.getClass().getSimpleName() + "); create it, owned by the portal's user,"
                    + " with: mkdir -m 700 " + folder);
        }
        for (String inside : new String[] {"", "database", "search-index", "keys", "blobs"}) {
            writable(inside.isEmpty() ? folder : folder.resolve(inside));
        }
        ownerOnly(folder, "data directory");
        for (String inside : new String[] {"database", "search-index"}) {
            tighten(folder.resolve(inside));
        }
        tightenKeyFolder(folder.resolve("keys"));
    }

    /**
     * The key folder and its public files are made private; a secret key file others can read is
     * left for its owner to refuse at start (ServerSecrets, AuditSigner): it may have been copied
     * already, which the operator must hear of rather than have silently mended.
     */
    private static void tightenKeyFolder(Path keys) {
        if (!Files.isDirectory(keys, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        ownerOnly(keys, "key folder");
        try (Stream<Path> files = Files.list(keys)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pub")).toList()) {
                setIfLooser(file, OWNER_FILE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the folder " + keys, e);
        }
    }

    /**
     * Refuses a folder the portal cannot write, before anything is written: without this, the
     * start got as far as the database or the first key file and failed there with a stack trace.
     */
    private static void writable(Path folder) {
        if (Files.isDirectory(folder) && !(Files.isWritable(folder) && Files.isExecutable(folder))) {
            throw new IllegalStateException("Candor refuses to start: the folder " + folder + " cannot be written by"
                    + " the portal's user (" + System.getProperty("user.name") + "); make it the portal's own with: chown -R "
                    + System.getProperty("user.name") + " " + folder + " && chmod 700 " + folder
                    + " (and lift any immutable flag: chattr -i)");
        }
    }

    /** Sets 0700 on every folder and 0600 on every file under {@code root} that is looser. */
    public static void tighten(Path root) {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)
                || !root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.toList()) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    ownerOnly(path, "folder");
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    setIfLooser(path, OWNER_FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the folder " + root, e);
        }
    }

    private static void ownerOnly(Path folder, String what) {
        try {
            setIfLooser(folder, OWNER_FOLDER);
        } catch (IOException e) {
            throw new IllegalStateException("Candor refuses to start: the " + what + " " + folder
                    + " is open to other users and its mode cannot be set to 0700 (" + e.getClass().getSimpleName()
                    + "); run: chmod 700 " + folder);
        }
        try {
            if (!Files.getPosixFilePermissions(folder).equals(OWNER_FOLDER)) {
                throw new IllegalStateException("Candor refuses to start: the " + what + " " + folder
                        + " is open to other users and its mode did not change to 0700; run: chmod 700 " + folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the mode of " + folder, e);
        }
    }

    private static void setIfLooser(Path path, Set<PosixFilePermission> wanted) throws IOException {
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (!wanted.containsAll(now) || !now.containsAll(wanted)) {
            Files.setPosixFilePermissions(path, wanted);
        }
    }
}
