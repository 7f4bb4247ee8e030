package org.candor.portal.platform.secrets;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.candor.portal.platform.config.PortalConfig;
import org.candor.portal.platform.config.PortalRole;
import org.candor.portal.platform.persistence.CandorDataSourceDefinition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The portal's own secrets, one 256-bit key file per purpose (docs/design.md properties 3 and 4, and
 * the split of roles across hosts): each file is read only by a role that needs it and made when
 * that role first starts, so the internet-facing intake holds the reply-code pepper and its form
 * token key and never the key that seals the staff members' TOTP seeds.
 *
 * <p>Files live in {@code candor.secrets.dir} (default {@code ${candor.data.dir}/keys}), 0600 in a
 * 0700 folder; a key file others can read stops the start ({@link KeyFile}). An installation made
 * before the split holds one master secret ({@code server-secrets.key}, or
 * {@code candor.secrets.key-file}) from which every purpose was derived: a missing purpose file is
 * then derived from it once, with the derivation the master used, so reply codes still open their
 * cases and enrolled TOTP seeds still open (docs/operations.md, "Keys and secrets on the server").
 */
@ApplicationScoped
public class ServerSecrets {

    /** One secret and what it is for. */
    public enum Purpose {
        /** The key of the reply-code lookup handles: the intake (submission and contact) needs it. */
        REPLY_CODE_PEPPER("reply-code-pepper.key", "reply-code-pepper", EnumSet.of(PortalRole.INTAKE),
                "select count(*) from case_file", "cases are found by their reply codes with it (%d of them); a new key"
                        + " would lock every whistleblower out of their case"),
        /** The key that signs the intake's form tokens. */
        FORM_TOKEN("form-token.key", "intake-form-token", EnumSet.of(PortalRole.INTAKE), null, null),
        /** The AES-256-GCM key that seals staff members' TOTP seeds: the staff roles need it. */
        STAFF_SECRETS("staff-secrets.key", "seal/" + STAFF_TOTP,
                EnumSet.of(PortalRole.DESK, PortalRole.OVERSIGHT, PortalRole.ADMIN),
                "select count(*) from staff_member where totp_secret_sealed is not null", "staff accounts have their"
                        + " second factor sealed with it (%d of them); a new key would lock every one of them out");

        private final String fileName;
        private final String legacyLabel;
        private final Set<PortalRole> neededBy;
        /** Counts what the database holds under this key, or null when losing the key loses nothing stored. */
        private final String countSealedWithIt;
        private final String whyNeeded;

        Purpose(String fileName, String legacyLabel, Set<PortalRole> neededBy, String countSealedWithIt, String whyNeeded) {
            this.fileName = fileName;
            this.legacyLabel = legacyLabel;
            this.neededBy = neededBy;
            this.countSealedWithIt = countSealedWithIt;
            this.whyNeeded = whyNeeded;
        }

        /** The key file's name in the secrets folder. */
        public String fileName() {
            return fileName;
        }

        /** Whether an instance serving these roles needs this secret. */
        public boolean neededBy(Set<PortalRole> roles) {
            return roles.stream().anyMatch(neededBy::contains);
        }
    }

    /** What a staff member's TOTP seed is sealed for (the GCM associated data, as before the split). */
    static final String STAFF_TOTP = "staff-totp";

    private static final Logger LOG = Logger.getLogger(ServerSecrets.class.getName());
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "candor.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "candor.secrets.dir")
    Optional<String> secretsDir;

    @Inject
    @ConfigProperty(name = "candor.secrets.key-file")
    Optional<String> legacyKeyFile;

    @Inject
    PortalConfig config;

    /** The database, to tell a missing key file of a new installation from a lost one; null outside a container. */
    @Resource(lookup = CandorDataSourceDefinition.JNDI_NAME)
    DataSource database;

    private Path folder;
    private Path legacy;
    private final Map<Purpose, byte[]> loaded = new EnumMap<>(Purpose.class);

    /** The secrets of a data folder, outside a container (tests, tools); nothing is read until asked. */
    public static ServerSecrets inFolder(Path dataDir) {
        ServerSecrets secrets = new ServerSecrets();
        secrets.dataDir = dataDir.toString();
        secrets.secretsDir = Optional.empty();
        secrets.legacyKeyFile = Optional.empty();
        secrets.locate();
        return secrets;
    }

    @PostConstruct
    void locate() {
        folder = secretsDir.filter(s -> !s.isBlank()).map(Path::of).orElse(Path.of(dataDir, "keys"));
        legacy = legacyKeyFile.filter(s -> !s.isBlank()).map(Path::of).orElse(folder.resolve("server-secrets.key"));
    }

    /**
     * Reads (or makes, or derives from the former master secret) the secrets the configured roles
     * need, before any request is served: a key file others can read stops the start here, with
     * one line that says which file and what to do. Secrets of other roles are not touched.
     *
     * <p>A missing key file is made only when nothing stored depends on it: when the database holds
     * what was sealed or keyed with the lost key (second factors, reply codes), a new key would
     * silently lock every one of those people out, so the start is refused, before any file is
     * made, with the remedy. Runs right after the schema migrations ({@code SchemaMigrations}), before the
     * observers that write (the setup link, the blob store, the audit key).
     */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 20) @Initialized(ApplicationScoped.class) Object event) {
        Set<PortalRole> roles = config.roles();
        for (Purpose purpose : Purpose.values()) {
            if (purpose.neededBy(roles)) {
                refuseIfLost(purpose);
            }
        }
        for (Purpose purpose : Purpose.values()) {
            if (purpose.neededBy(roles)) {
                key(purpose);
            }
        }
    }

    /** Refuses to make a new key where the database already holds what only the missing one opens. */
    private void refuseIfLost(Purpose purpose) {
        Path file = folder.resolve(purpose.fileName());
        if (database == null || purpose.countSealedWithIt == null || Files.exists(file) || Files.exists(legacy)) {
            return;
        }
        long stored;
        try (Connection c = database.getConnection(); PreparedStatement count = c.prepareStatement(purpose.countSealedWithIt);
                ResultSet row = count.executeQuery()) {
            stored = row.next() ? row.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell whether the missing key file " + file + " was in use", e);
        }
        if (stored > 0) {
            String refusal = "Candor refuses to start: the key file " + file + " is missing, but "
                    + String.format(java.util.Locale.ROOT, purpose.whyNeeded, stored) + ". Restore the file from a backup or copy it from another host of this"
                    + " installation serving the same role (owner-only: chmod 600), or set candor.secrets.dir to the"
                    + " folder that holds it";
            LOG.severe(refusal);
            throw new IllegalStateException(refusal);
        }
    }

    /** The key of a purpose, from its file; the file is made (or derived from the former master) on first need. */
    public synchronized byte[] key(Purpose purpose) {
        byte[] key = loaded.get(purpose);
        if (key == null) {
            Path file = folder.resolve(purpose.fileName());
            boolean existed = Files.exists(file);
            key = KeyFile.readOrCreate(file, KEY_BYTES, () -> initialKey(purpose));
            if (!existed) {
                LOG.info(() -> "Made the key file " + file + (Files.exists(legacy) ? " from the former master secret " + legacy : ""));
            }
            loaded.put(purpose, key);
        }
        return key.clone();
    }

    /** A fresh key, or, on an installation from before the split, the key the master secret gave this purpose. */
    private byte[] initialKey(Purpose purpose) {
        if (Files.exists(legacy)) {
            return derive(KeyFile.readOrCreate(legacy, KEY_BYTES, () -> {
                throw new IllegalStateException("the former master secret " + legacy + " disappeared");
            }), purpose.legacyLabel, KEY_BYTES);
        }
        byte[] fresh = new byte[KEY_BYTES];
        RANDOM.nextBytes(fresh);
        return fresh;
    }

    /**
     * HKDF-SHA-256 expand of a master key, as the single master secret derived each purpose's key;
     * also gives one purpose's key file a separate sub-key for a narrower use of the same host.
     */
    public static byte[] derive(byte[] master, String purpose, int length) {
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

    /** Seals a staff member's TOTP seed for storage: base64 of nonce and AES-256-GCM ciphertext. */
    public String sealTotpSeed(byte[] seed) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce).doFinal(seed);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /** Opens what {@link #sealTotpSeed} made; fails if it was altered or sealed under another key. */
    public byte[] openTotpSeed(String sealed) {
        byte[] in = Base64.getDecoder().decode(sealed);
        try {
            return cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(in, NONCE_BYTES))
                    .doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed staff secret was altered or belongs to another key", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(mode, new SecretKeySpec(key(Purpose.STAFF_SECRETS), "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(STAFF_TOTP.getBytes(StandardCharsets.UTF_8));
        return gcm;
    }

    @Override
    public String toString() {
        return "ServerSecrets[redacted]";
    }
}
