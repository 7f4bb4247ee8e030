package org.candor.portal.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.candor.portal.platform.config.PortalConfig;
import org.candor.portal.platform.config.PortalRole;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The portal's audit signing key (docs/design.md property 8), loaded at the start of every instance
 * that serves a staff role (those record entries; the intake records none and never reads it) from
 * {@code candor.audit.signing-key-file}, by default {@code ${candor.data.dir}/keys/audit-signing.key}.
 * Beside it the public key is written in PEM ({@code audit-signing.pub}) for the verify command,
 * once: a pair is made only on a fresh installation, and a public key whose private half is
 * missing or another stops the start ({@link #load}).
 */
@ApplicationScoped
public class AuditSigner {

    /** The configuration key naming the key file. */
    public static final String KEY_FILE = "candor.audit.signing-key-file";

    private static final Logger LOG = Logger.getLogger(AuditSigner.class.getName());

    private volatile AuditSigningKey key;

    @Inject
    PortalConfig config;

    /** Loads the key before any request where a staff role is served, so that a refused key stops the start. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (config.serves(PortalRole.DESK) || config.serves(PortalRole.OVERSIGHT) || config.serves(PortalRole.ADMIN)) {
            key();
        }
    }

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

    /**
     * Loads the key, making a pair only on a fresh installation. The public key beside it is the
     * pin auditors hold: it is written once and never replaced. A public key without its private
     * key (lost, or removed to make the portal start a new chain) and a public key of another pair
     * both stop the start with {@link AuditKeyRefused}, so a new key is always an operator's
     * visible decision (docs/operations.md), never a silent one.
     */
    static AuditSigningKey load(Path file) {
        Path publicFile = AuditKeys.publicKeyFileBeside(file);
        if (!Files.exists(file) && Files.exists(publicFile)) {
            throw new AuditKeyRefused("Candor refuses to start: the audit public key " + publicFile
                    + " exists but its private key " + file + " does not; restore the private key from its backup"
                    + " (a new key pair would not be trusted by auditors: see docs/operations.md, \"Audit signing key\")");
        }
        AuditSigningKey loaded = AuditSigningKey.loadOrCreate(file);
        String pem = AuditKeys.toPem(loaded.publicKey());
        try {
            if (!Files.exists(publicFile)) {
                Files.writeString(publicFile, pem, StandardCharsets.US_ASCII);
                if (publicFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(publicFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                }
            } else if (!AuditKeys.keyId(AuditKeys.fromPem(Files.readString(publicFile, StandardCharsets.US_ASCII)))
                    .equals(loaded.keyId())) {
                throw new AuditKeyRefused("Candor refuses to start: the audit public key " + publicFile
                        + " is not the public half of " + file + "; restore the pair that belongs together"
                        + " (see docs/operations.md, \"Audit signing key\")");
            }
        } catch (java.io.IOException e) {
            LOG.warning(() -> "Could not write the audit public key beside its key file: " + e.getClass().getName());
        }
        LOG.info(() -> "Audit entries are signed with key " + loaded.keyId() + " from " + file.toAbsolutePath());
        return loaded;
    }

    /** The audit key files do not belong together: the portal does not start rather than sign with a new key. */
    public static final class AuditKeyRefused extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        AuditKeyRefused(String message) {
            super(message);
        }
    }
}
