package org.candor.portal.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * The portal's Ed25519 key that signs every audit entry. Only a key id ever reaches
 * {@link #toString()}.
 *
 * <p>The key lives in one file, PKCS#8 in PEM ({@code -----BEGIN PRIVATE KEY-----}, readable by
 * {@code openssl pkey}), owner-only where the file system has POSIX permissions. The first start
 * generates it; every instance of one installation must use the same file, or their entries carry
 * keys an auditor does not know. Whoever can read the file can sign entries: see
 * {@code docs/threat-model.md}.
 */
public final class AuditSigningKey {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), followed by the 32-byte key. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private AuditSigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = AuditKeys.keyId(publicKey);
    }

    /** A fresh key, kept only in memory (for tests). */
    public static AuditSigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new AuditSigningKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java platform since 15", e);
        }
    }

    /**
     * The key in a file; when the file does not exist, a new key written there first. Several
     * processes starting at once end up with the same key: the file appears complete or not at
     * all, and a process that loses the race reads the winner's key.
     */
    public static AuditSigningKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit signing key file", e);
        }
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(dir, ".audit-signing-", ".tmp", ownerOnly);
        try {
            Files.writeString(temporary, generate().toPem(), StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, temporary); // atomic, and fails when another process was first
            } catch (UnsupportedOperationException noLinks) {
                Files.move(temporary, file); // refuses to replace an existing file
            }
        } catch (FileAlreadyExistsException anotherWasFirst) {
            // the other process's key is the one to use
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Reads a key from its PKCS#8 PEM text. */
    static AuditSigningKey fromPem(String pem) {
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the audit signing key file holds no " + BEGIN + " block");
        }
        byte[] der = Base64.getDecoder().decode(pem.substring(begin + BEGIN.length(), end).replaceAll("\\s", ""));
        try {
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            byte[] raw = ((EdECPrivateKey) privateKey).getBytes()
                    .orElseThrow(() -> new IllegalArgumentException("the audit signing key cannot be read"));
            byte[] publicRaw = new Ed25519PrivateKeyParameters(raw, 0).generatePublicKey().getEncoded();
            byte[] spki = new byte[SPKI_PREFIX.length + publicRaw.length];
            System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
            System.arraycopy(publicRaw, 0, spki, SPKI_PREFIX.length, publicRaw.length);
            java.util.Arrays.fill(raw, (byte) 0);
            PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            return new AuditSigningKey(privateKey, publicKey);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("the audit signing key file does not hold an Ed25519 private key", e);
        }
    }

    /** The PKCS#8 PEM text of the key, as kept in the key file. */
    String toPem() {
        return BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(privateKey.getEncoded())
                + "\n" + END + "\n";
    }

    /** Signs an entry's hash. */
    public byte[] sign(byte[] entryHash) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(privateKey);
            ed25519.update(entryHash);
            return ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The public half, for auditors. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** The key's id ({@link AuditKeys#keyId}), stored with every entry it signs. */
    public String keyId() {
        return keyId;
    }

    @Override
    public String toString() {
        return "AuditSigningKey[" + keyId + "]";
    }
}
