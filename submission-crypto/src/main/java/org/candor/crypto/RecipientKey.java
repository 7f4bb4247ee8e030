package org.candor.crypto;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.candor.crypto.internal.Keys;

/**
 * A public OpenPGP key that Candor has checked and may seal messages to: v4, not revoked, not expired, with a
 * valid encryption-capable key of an accepted algorithm (RSA at least 3072 bits, or elliptic curves). Keeps
 * docs/design.md property 4 (standard keys, interoperable with GnuPG) by refusing, with a {@link KeyRejected} reason,
 * any key that would make a message weaker or unreadable.
 *
 * <p>Values are immutable and compared by fingerprint. A recipient key holds no secret.
 */
public final class RecipientKey {

    private final OpenPGPCertificate certificate;
    private final PGPPublicKey sealTo;
    private final Set<Long> encryptionKeyIds;
    private final String fingerprint;

    private RecipientKey(OpenPGPCertificate certificate) throws KeyRejected {
        this.certificate = certificate;
        this.sealTo = Keys.validateRecipient(certificate);
        Set<Long> ids = new HashSet<>();
        for (Iterator<PGPPublicKey> it = certificate.getPGPPublicKeyRing().getPublicKeys(); it.hasNext(); ) {
            PGPPublicKey key = it.next();
            if (key.isEncryptionKey()) {
                ids.add(key.getKeyID());
            }
        }
        this.encryptionKeyIds = Set.copyOf(ids);
        this.fingerprint = Keys.fingerprint(certificate);
    }

    /**
     * Reads and checks a public key (ASCII-armored, as {@code gpg --export --armor} writes it). If a secret key is
     * given, only its public part is used.
     *
     * @throws KeyRejected if the input is not one usable OpenPGP key; the reason says why
     */
    public static RecipientKey fromArmored(String armored) throws KeyRejected {
        return fromBytes(armored.getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads and checks a public key, armored or binary. */
    public static RecipientKey fromBytes(byte[] key) throws KeyRejected {
        return new RecipientKey(Keys.publicPart(Keys.parse(key)));
    }

    static RecipientKey of(OpenPGPCertificate certificate) throws KeyRejected {
        return new RecipientKey(Keys.publicPart(certificate));
    }

    /** The v4 fingerprint, 40 upper-case hex digits. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The key in ASCII armor (with the CRC line GnuPG 2.2 needs). */
    public String toArmored() {
        return Keys.armor(Keys.encodePublic(certificate));
    }

    PGPPublicKey sealingKey() {
        return sealTo;
    }

    boolean hasEncryptionKeyId(long keyId) {
        return encryptionKeyIds.contains(keyId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecipientKey that && fingerprint.equals(that.fingerprint);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    @Override
    public String toString() {
        return "RecipientKey[" + fingerprint + "]";
    }
}
