package org.candor.crypto;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.candor.crypto.internal.Keys;

/**
 * An investigator's OpenPGP key: the public part, and the secret part locked under the investigator's passphrase.
 * Keeps docs/design.md property 4: a standard OpenPGP key that GnuPG can use, stored only encrypted, unlocked in memory
 * for a session ({@link #unlock}); an investigator may bring an existing key ({@link #importArmored}).
 *
 * <p>Generated keys are v4, Ed25519 (legacy, algorithm 22) for certification with an X25519 (legacy ECDH,
 * algorithm 18) encryption subkey, and expire after 5 years. Inside Candor the secret part is locked with Argon2id
 * (3 passes, 4 lanes, 64 MiB) and AES-256-OCB ({@link #toStorage()}); for GnuPG 2.2, which cannot read that,
 * {@link #exportLockedSecretArmored} re-locks a copy with iterated-salted S2K (SHA-256, maximum count) and
 * AES-256. Instances are immutable: a passphrase change returns a new key. Passphrase arrays passed in are not
 * modified.
 */
public final class InvestigatorKey {

    /** Shortest passphrase accepted for a new key or a new passphrase. */
    public static final int MIN_PASSPHRASE_LENGTH = 10;

    private final OpenPGPKey key;
    private final RecipientKey recipient;

    private InvestigatorKey(OpenPGPKey key) throws KeyRejected {
        this.key = key;
        this.recipient = RecipientKey.of(key);
    }

    /**
     * Generates a new key for {@code userId} (for example {@code "Jane Roe <jane@example.org>"}), locked under
     * {@code passphrase}.
     */
    public static InvestigatorKey generate(String userId, char[] passphrase) {
        requireUserId(userId);
        requireStrong(passphrase);
        try {
            return new InvestigatorKey(Keys.generate(userId, passphrase.clone(), Keys.Purpose.INVESTIGATOR));
        } catch (PGPException | KeyRejected e) {
            throw new IllegalStateException("key generation failed", e);
        }
    }

    /**
     * Imports an existing secret key (for example from {@code gpg --export-secret-keys --armor}), checks it like
     * a {@link RecipientKey}, checks that {@code passphrase} unlocks it, and re-locks it with Candor's storage
     * protection under the same passphrase.
     *
     * @throws KeyRejected      if the key is malformed, public only, unprotected, revoked, expired, weak or
     *                          without an encryption subkey
     * @throws WrongPassphrase if the passphrase does not unlock it
     */
    public static InvestigatorKey importArmored(String armoredSecretKey, char[] passphrase) throws KeyRejected, WrongPassphrase {
        OpenPGPKey parsed = Keys.parseSecret(armoredSecretKey.getBytes(StandardCharsets.US_ASCII));
        RecipientKey.of(parsed);
        try {
            return new InvestigatorKey(Keys.relockForStorage(parsed, passphrase, passphrase));
        } catch (PGPException e) {
            throw new KeyRejected(KeyRejected.Reason.UNSUPPORTED, "the secret key cannot be re-locked: " + e.getMessage(), e);
        }
    }

    /** Reads a key written by {@link #toStorage()}. */
    public static InvestigatorKey fromStorage(byte[] stored) throws KeyRejected {
        return new InvestigatorKey(Keys.parseSecret(stored));
    }

    /** The locked key as Candor stores it (binary OpenPGP transferable secret key, Argon2id + AES-256-OCB). */
    public byte[] toStorage() {
        return Keys.encodeSecret(key);
    }

    /** The public part, to seal messages to. */
    public RecipientKey recipient() {
        return recipient;
    }

    public String fingerprint() {
        return recipient.fingerprint();
    }

    /** The public key in ASCII armor, for {@code gpg --import}. */
    public String exportPublicArmored() {
        return recipient.toArmored();
    }

    /**
     * A copy of the secret key for {@code gpg --import}, locked under the same passphrase with iterated-salted S2K,
     * in ASCII armor with CRC.
     */
    public String exportLockedSecretArmored(char[] passphrase) throws WrongPassphrase {
        try {
            return Keys.armor(Keys.encodeSecret(Keys.relockForGnuPG(key, passphrase)));
        } catch (PGPException e) {
            throw new IllegalStateException("re-locking for export failed", e);
        }
    }

    /** Returns this key locked under {@code newPassphrase}; this instance stays locked under the old one. */
    public InvestigatorKey changePassphrase(char[] oldPassphrase, char[] newPassphrase) throws WrongPassphrase {
        requireStrong(newPassphrase);
        try {
            return new InvestigatorKey(Keys.relockForStorage(key, oldPassphrase, newPassphrase));
        } catch (PGPException | KeyRejected e) {
            throw new IllegalStateException("re-locking failed", e);
        }
    }

    /** Unlocks the decryption key in memory; close the result when the session ends. */
    public UnlockedKey unlock(char[] passphrase) throws WrongPassphrase {
        try {
            return new UnlockedKey(fingerprint(), Keys.unlockDecryptionKeys(key, passphrase));
        } catch (PGPException e) {
            throw new WrongPassphrase("the key cannot be unlocked: " + e.getMessage());
        }
    }

    private static void requireUserId(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("a user ID (name and e-mail address) is required");
        }
    }

    private static void requireStrong(char[] passphrase) {
        if (passphrase == null || passphrase.length < MIN_PASSPHRASE_LENGTH) {
            throw new IllegalArgumentException("the passphrase must have at least " + MIN_PASSPHRASE_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return "InvestigatorKey[" + fingerprint() + "]";
    }
}
