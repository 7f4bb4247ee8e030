package org.candor.crypto;

import java.time.Instant;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.candor.crypto.internal.Keys;

/**
 * The per-case whistleblower key pair, whose secret part is locked by the {@link LockSecret} derived from the
 * case's reply code. Keeps docs/design.md property 5 (two-way contact: replies are sealed to this key and to the case's
 * investigators, and the whistleblower reads them only after presenting the code).
 *
 * <p>Same algorithms as investigator keys (v4, legacy Ed25519 + X25519) with no expiry (retention, not a date,
 * ends a case). The secret part is locked with iterated-salted S2K (SHA-256, AES-256, count byte 0) under the
 * lock secret in lower-case hex: the lock secret already has 256 random bits, so stretching adds nothing, and a
 * browser can unlock it with OpenPGP.js without WebAssembly (Argon2 would need it).
 *
 * <p>Keeps docs/design.md property 6 too: the key and its self-signatures carry one fixed creation time,
 * {@link #CREATION_TIME}, never the moment of the submission nor a browser's clock. A key made by a browser is
 * read with {@link #fromBrowser}, which refuses any other form before anything is done with it, so that its
 * unlock cost at every sign-in stays bounded (docs/design.md property 12).
 */
public final class WhistleblowerKey {

    private final OpenPGPKey key;
    private final RecipientKey recipient;

    private WhistleblowerKey(OpenPGPKey key) throws KeyRejected {
        this.key = key;
        this.recipient = RecipientKey.of(key);
    }

    /** Generates a case key locked by {@code lockSecret}. */
    public static WhistleblowerKey generate(LockSecret lockSecret) {
        try {
            return new WhistleblowerKey(Keys.generate(Keys.CASE_KEY_USER_ID, lockSecret.passphrase(), Keys.Purpose.WHISTLEBLOWER));
        } catch (PGPException | KeyRejected e) {
            throw new IllegalStateException("key generation failed", e);
        }
    }

    /** The creation time of every case key and of its self-signatures (docs/protocol.md, "Case keys"). */
    public static final Instant CREATION_TIME = Keys.CASE_KEY_TIME.toInstant();

    /**
     * Reads a locked case key made by the whistleblower's browser and refuses it unless it has exactly the form
     * this class generates (docs/protocol.md, "Case keys"): the fixed creation time on every key and signature,
     * the pinned S2K, Ed25519/X25519 v4 keys, one user ID. The check reads packets only; nothing is unlocked.
     */
    public static WhistleblowerKey fromBrowser(byte[] uploaded) throws KeyRejected {
        OpenPGPKey key = Keys.parseSecret(uploaded);
        Keys.checkCaseKeyForm(key);
        return new WhistleblowerKey(key);
    }

    /** Reads a key written by {@link #toStorage()}. */
    public static WhistleblowerKey fromStorage(byte[] stored) throws KeyRejected {
        return new WhistleblowerKey(Keys.parseSecret(stored));
    }

    /** The locked key as stored with the case (binary OpenPGP transferable secret key). */
    public byte[] toStorage() {
        return Keys.encodeSecret(key);
    }

    /** The locked key in ASCII armor, as handed to the whistleblower's browser (OpenPGP.js reads it). */
    public String toLockedArmored() {
        return Keys.armor(Keys.encodeSecret(key));
    }

    public RecipientKey recipient() {
        return recipient;
    }

    public String fingerprint() {
        return recipient.fingerprint();
    }

    /** Unlocks the key with the secret derived from the presented reply code. */
    public UnlockedKey unlock(LockSecret lockSecret) throws WrongPassphrase {
        try {
            Keys.checkUnlockCost(key);
        } catch (KeyRejected tooDear) {
            throw new WrongPassphrase(tooDear.getMessage());
        }
        try {
            return new UnlockedKey(fingerprint(), Keys.unlockDecryptionKeys(key, lockSecret.passphrase()));
        } catch (PGPException e) {
            throw new WrongPassphrase("the reply code does not unlock this case key");
        }
    }

    @Override
    public String toString() {
        return "WhistleblowerKey[" + fingerprint() + "]";
    }
}
