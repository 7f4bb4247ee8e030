package org.candor.portal.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.candor.portal.platform.storage.PrivateDataDirectory;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The portal's audit signing key, loaded (or generated) on first use from
 * {@code candor.audit.signing-key-file}, by default {@code ${candor.data.dir}/keys/audit-signing.key}.
 * Beside it the public key is written in PEM ({@code audit-signing.pub}) for the verify command.
 */
@ApplicationScoped
public class AuditSigner {

    /** The configuration key naming the key file. */
    public static final String KEY_FILE = "candor.audit.signing-key-file";

    private static final Logger LOG = Logger.getLogger(AuditSigner.class.getName());

    private volatile AuditSigningKey key;

    /** The key; loads or generates it the first time. */
    public AuditSigningKey key() {
        AuditSigningKey k = key;
        if (k == null) {
            synchronized (this) {
                k = key;
                if (k == null) {
                    k = load(keyFile());
                    key = k;
                }
            }
        }
        return k;
    }

    /** The key file this portal uses. */
    public static Path keyFile() {
        Config config = ConfigProvider.getConfig(AuditSigner.class.getClassLoader());
        return config.getOptionalValue(KEY_FILE, String.class)
                .map(Path::of)
                .orElseGet(() -> Path.of(config.getOptionalValue("candor.data.dir", String.class).orElse("./candor-data"),
                        "keys", "audit-signing.key"));
    }

    private static AuditSigningKey load(Path file) {
        AuditSigningKey loaded = AuditSigningKey.loadOrCreate(file);
        Path publicFile = AuditKeys.publicKeyFileBeside(file);
        String pem = AuditKeys.toPem(loaded.publicKey());
        try {
            if (!Files.exists(publicFile) || !Files.readString(publicFile, StandardCharsets.US_ASCII).equals(pem)) {
                Files.writeString(publicFile, pem, StandardCharsets.US_ASCII);
                PrivateDataDirectory.tighten(publicFile.getParent());
            }
        } catch (java.io.IOException e) {
            LOG.warning(() -> "Could not write the audit public key beside its key file: " + e.getClass().getName());
        }
        LOG.info(() -> "Audit entries are signed with key " + loaded.keyId() + " from " + file.toAbsolutePath());
        return loaded;
    }
}
