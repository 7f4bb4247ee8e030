package org.candor.portal.platform.secrets;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The portal's own secret: one 256-bit master key kept in a file beside (not in) the database,
 * from which each purpose derives its own key (HKDF-SHA-256 expand, one label per purpose).
 *
 * <p>Secrets the server must read back, such as staff TOTP seeds, are sealed with AES-256-GCM
 * under a derived key, so a copy of the database alone does not yield them. The file is made on
 * first start, readable by its owner only; several instances must share it
 * ({@code candor.secrets.key-file}, docs/operations.md).
 */
@ApplicationScoped
public class ServerSecrets {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "candor.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "candor.secrets.key-file")
    Optional<String> keyFile;

    private byte[] master;

    /** The server secrets of a data folder, outside a container (tests, tools). */
    public static ServerSecrets inFolder(Path dataDir) {
        ServerSecrets secrets = new ServerSecrets();
        secrets.dataDir = dataDir.toString();
        secrets.keyFile = Optional.empty();
        secrets.load();
        return secrets;
    }

    @PostConstruct
    void load() {
        Path file = keyFile.map(Path::of).orElse(Path.of(dataDir, "keys", "server-secrets.key"));
        master = readOrCreate(file);
    }

    /** Loads the master key from a file, making the file with a fresh key if there is none. */
    static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (key.length != KEY_BYTES) {
                throw new IllegalStateException("the server secrets file " + file + " does not hold a 256-bit key");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the server secrets file " + file, e);
        }
    }

    /**
     * Makes the file with a fresh key, readable by its owner only from the moment it exists (the
     * folder too), so that no crash can leave the secret readable by others.
     */
    private static void create(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.exists(folder)) {
            if (posix) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(folder);
            }
        }
        byte[] fresh = new byte[KEY_BYTES];
        RANDOM.nextBytes(fresh);
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (SeekableByteChannel out = posix
                ? Files.newByteChannel(file, options, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.newByteChannel(file, options)) {
            out.write(ByteBuffer.wrap(Base64.getEncoder().encode(fresh)));
        } catch (FileAlreadyExistsException raced) {
            // another instance made it first: use theirs
        }
    }

    /** A key for one purpose; the same purpose always gives the same key. */
    public byte[] derive(String purpose, int length) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(master, "HmacSHA256"));
            byte[] out = new byte[length];
            byte[] block = new byte[0];
            int done = 0;
            for (byte counter = 1; done < length; counter++) {
                hmac.update(block);
                hmac.update(("candor/" + purpose).getBytes(StandardCharsets.UTF_8));
                hmac.update(counter);
                block = hmac.doFinal();
                int n = Math.min(block.length, length - done);
                System.arraycopy(block, 0, out, done, n);
                done += n;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java platform", e);
        }
    }

    /** Seals bytes for storage under the key of a purpose: base64 of nonce and AES-GCM ciphertext. */
    public String seal(String purpose, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher gcm = cipher(Cipher.ENCRYPT_MODE, purpose, nonce);
            byte[] sealed = gcm.doFinal(plaintext);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /** Opens what {@link #seal} made for the same purpose; fails if it was altered. */
    public byte[] open(String purpose, String sealed) {
        byte[] in = Base64.getDecoder().decode(sealed);
        try {
            Cipher gcm = cipher(Cipher.DECRYPT_MODE, purpose, java.util.Arrays.copyOf(in, NONCE_BYTES));
            return gcm.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed server secret was altered or belongs to another key", e);
        }
    }

    private Cipher cipher(int mode, String purpose, byte[] nonce) throws GeneralSecurityException {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(mode, new SecretKeySpec(derive("seal/" + purpose, KEY_BYTES), "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
        return gcm;
    }

    @Override
    public String toString() {
        return "ServerSecrets[redacted]";
    }
}
