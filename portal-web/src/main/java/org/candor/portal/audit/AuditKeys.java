package org.candor.portal.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Public keys of the audit log: their id and their PEM form (SubjectPublicKeyInfo, as
 * {@code openssl pkey -pubout} writes it). Plain Java, so the verifier needs nothing else.
 */
public final class AuditKeys {

    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private AuditKeys() {
    }

    /** A key's id: the first 16 bytes of SHA-256 over its DER encoding (SubjectPublicKeyInfo), in hex. */
    public static String keyId(PublicKey key) {
        return HexFormat.of().formatHex(Arrays.copyOf(AuditChain.sha256(key.getEncoded()), 16));
    }

    /**
     * A key's fingerprint, to compare by eye or read aloud: SHA-256 over its DER encoding
     * (SubjectPublicKeyInfo), 64 lower-case hex digits in groups of four. Its first 32 digits are
     * the {@link #keyId}. The same as {@code openssl pkey -pubin -outform DER | sha256sum}.
     */
    public static String fingerprint(PublicKey key) {
        String hex = HexFormat.of().formatHex(AuditChain.sha256(key.getEncoded()));
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            grouped.append(i == 0 ? "" : " ").append(hex, i, i + 4);
        }
        return grouped.toString();
    }

    /** The key in PEM, lines of 64 characters, ending with a line feed. */
    public static String toPem(PublicKey key) {
        return BEGIN + "\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n" + END + "\n";
    }

    /** Reads an Ed25519 public key in PEM. */
    public static PublicKey fromPem(String pem) {
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("not a PEM public key (no " + BEGIN + " block)");
        }
        String body = pem.substring(begin + BEGIN.length(), end).replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** Where the public key is kept beside a key file: {@code audit-signing.key} → {@code audit-signing.pub}. */
    public static Path publicKeyFileBeside(Path keyFile) {
        String name = keyFile.getFileName().toString().replaceFirst("\\.key$", "");
        return keyFile.resolveSibling(name + ".pub");
    }
}
