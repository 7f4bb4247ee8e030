package org.candor.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.candor.crypto.internal.Keys;

/**
 * Writes the seed corpora of this module's fuzz tests (valid inputs and near misses, made with Candor's own
 * {@link Sealer} and key code and with GnuPG) under {@code src/test/resources}. Run once by hand, with the test
 * class path, from the module folder: {@code java -cp ... org.candor.crypto.FuzzSeeds src/test/resources}; the
 * output is committed. Key files that exist already are kept, so that committed seeds stay addressed to them.
 */
final class FuzzSeeds {

    private final Path resources;

    private FuzzSeeds(Path resources) {
        this.resources = resources;
    }

    public static void main(String[] args) throws Exception {
        new FuzzSeeds(Path.of(args[0])).write();
    }

    private void write() throws Exception {
        Path keys = resources.resolve("org/candor/crypto/fuzz");
        Files.createDirectories(keys);
        for (String[] key : new String[][] {{"case-key-a.pgp", FuzzKeys.CODE_A}, {"case-key-b.pgp", FuzzKeys.CODE_B}}) {
            Path file = keys.resolve(key[0]);
            if (!Files.exists(file)) {
                try (LockSecret secret = FuzzKeys.lockSecret(key[1])) {
                    Files.write(file, WhistleblowerKey.generate(secret).toStorage());
                }
            }
        }
        WhistleblowerKey a = WhistleblowerKey.fromStorage(Files.readAllBytes(keys.resolve("case-key-a.pgp")));
        WhistleblowerKey b = WhistleblowerKey.fromStorage(Files.readAllBytes(keys.resolve("case-key-b.pgp")));
        WhistleblowerKey c;
        try (ReplyCode code = ReplyCode.generate(); LockSecret secret = ReplyCodeDerivation.lockSecret(code)) {
            c = WhistleblowerKey.generate(secret);
        }
        byte[] text = "Invoices were paid twice to a shell company; see the attached ledger.".getBytes(StandardCharsets.UTF_8);
        byte[] toAB = Sealer.to(a.recipient(), b.recipient()).seal(text, Sealer.Content.TEXT);
        byte[] toA = Sealer.to(a.recipient()).seal(text, Sealer.Content.BINARY);
        byte[] toATextual = Sealer.to(a.recipient()).seal(text, Sealer.Content.TEXT);

        try (GnuPG gpg = new GnuPG()) {
            gpg.run(a.recipient().toArmored().getBytes(StandardCharsets.US_ASCII), "--import");
            gpg.run(b.recipient().toArmored().getBytes(StandardCharsets.US_ASCII), "--import");
            byte[] gpgToAB = gpg.run(text, "--encrypt", "-r", a.fingerprint(), "-r", b.fingerprint());
            byte[] gpgToA = gpg.run(text, "--encrypt", "-r", a.fingerprint());
            byte[] gpgToAArmored = gpg.run(text, "--encrypt", "--armor", "-r", a.fingerprint());
            byte[] gpgStored = gpg.run(text, "--store");
            byte[] gpgSymmetric = gpg.run(text, "--symmetric", "--passphrase", "x");

            Path inspect = target("CiphertextInspectorFuzzTest", "inspect");
            seed(inspect, "candor-to-a-and-b.pgp", toAB);
            seed(inspect, "candor-to-a-and-b.asc", Keys.armor(toAB).getBytes(StandardCharsets.US_ASCII));
            seed(inspect, "gpg-to-a-and-b.pgp", gpgToAB);
            seed(inspect, "near-candor-to-a-only.pgp", toA);
            seed(inspect, "near-candor-to-a-b-and-c.pgp", Sealer.to(a.recipient(), b.recipient(), c.recipient()).seal(text, Sealer.Content.TEXT));
            seed(inspect, "near-truncated.pgp", Arrays.copyOf(toAB, toAB.length - 30));
            seed(inspect, "near-trailing-data.pgp", concat(toAB, toA));
            seed(inspect, "near-gpg-plain.pgp", gpgStored);
            seed(inspect, "near-gpg-symmetric.pgp", gpgSymmetric);

            Path open = target("OpenerFuzzTest", "open");
            seed(open, "candor-binary-to-a.pgp", toA);
            seed(open, "candor-text-to-a-and-b.pgp", toAB);
            seed(open, "candor-text-to-a.asc", Keys.armor(toATextual).getBytes(StandardCharsets.US_ASCII));
            seed(open, "gpg-to-a.pgp", gpgToA);
            seed(open, "gpg-to-a.asc", gpgToAArmored);
            seed(open, "near-flipped-byte.pgp", flip(toA, toA.length / 2));
            seed(open, "near-flipped-last-byte.pgp", flip(toA, toA.length - 1));
            seed(open, "near-truncated.pgp", Arrays.copyOf(toA, toA.length - 5));
            seed(open, "near-to-b-only.pgp", Sealer.to(b.recipient()).seal(text, Sealer.Content.BINARY));
            seed(open, "near-gpg-plain.pgp", gpgStored);
            seed(open, "near-gpg-symmetric.pgp", gpgSymmetric);

            // keys made by GnuPG: usable ones, and near misses that must be refused with a reason
            String ed = generate(gpg, "Fuzz Ed <ed@example.org>", "ed25519", "cv25519", FuzzKeys.PASSPHRASE, null);
            String rsa = generate(gpg, "Fuzz Rsa <rsa@example.org>", "rsa3072", "rsa3072", FuzzKeys.PASSPHRASE, null);
            String weak = generate(gpg, "Fuzz Weak <weak@example.org>", "rsa2048", "rsa2048", FuzzKeys.PASSPHRASE, null);
            String signOnly = generate(gpg, "Fuzz Sign <sign@example.org>", "ed25519", null, FuzzKeys.PASSPHRASE, null);
            String expired = generate(gpg, "Fuzz Old <old@example.org>", "ed25519", "cv25519", FuzzKeys.PASSPHRASE, "20200101T000000");
            char[] otherPassphrase = "another passphrase".toCharArray();
            String other = generate(gpg, "Fuzz Other <other@example.org>", "ed25519", "cv25519", otherPassphrase, null);
            String open25519 = generate(gpg, "Fuzz Open <open@example.org>", "ed25519", "cv25519", new char[0], null);

            Path recipient = target("RecipientKeyFuzzTest", "fromBytes");
            seed(recipient, "candor-case-key.asc", a.recipient().toArmored().getBytes(StandardCharsets.US_ASCII));
            seed(recipient, "candor-case-key.pgp", Keys.encodePublic(Keys.publicPart(Keys.parse(a.toStorage()))));
            seed(recipient, "gpg-ed25519.asc", gpg.run(null, "--export", "--armor", ed));
            seed(recipient, "gpg-ed25519.pgp", gpg.run(null, "--export", ed));
            seed(recipient, "gpg-rsa3072.pgp", gpg.run(null, "--export", rsa));
            seed(recipient, "gpg-secret-ed25519.asc", exportSecret(gpg, ed, FuzzKeys.PASSPHRASE));
            seed(recipient, "near-rsa2048.pgp", gpg.run(null, "--export", weak));
            seed(recipient, "near-sign-only.asc", gpg.run(null, "--export", "--armor", signOnly));
            seed(recipient, "near-expired.pgp", gpg.run(null, "--export", expired));
            seed(recipient, "near-two-keys.pgp", gpg.run(null, "--export", ed, rsa));

            Path investigator = target("InvestigatorKeyFuzzTest", "importArmored");
            InvestigatorKey candor = InvestigatorKey.generate("Fuzz Investigator <inv@example.org>", FuzzKeys.PASSPHRASE);
            var sha256 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256);
            seed(investigator, "gpg-ed25519-secret.asc", exportSecret(gpg, ed, FuzzKeys.PASSPHRASE));
            seed(investigator, "candor-quick-s2k-secret.asc", Keys.armor(Keys.encodeSecret(Keys.relock(
                    Keys.parseSecret(candor.toStorage()), FuzzKeys.PASSPHRASE, FuzzKeys.PASSPHRASE,
                    (passphrase, packet) -> new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256,
                            sha256, 0).build(passphrase))))
                    .getBytes(StandardCharsets.US_ASCII));
            seed(investigator, "near-public-only.asc", gpg.run(null, "--export", "--armor", ed));
            seed(investigator, "near-unprotected-secret.asc", exportSecret(gpg, open25519, new char[0]));
            seed(investigator, "near-other-passphrase.asc", exportSecret(gpg, other, otherPassphrase));

            Path whistleblower = target("WhistleblowerKeyFuzzTest", "fromStorage");
            seed(whistleblower, "candor-case-key-a.pgp", a.toStorage());
            seed(whistleblower, "candor-case-key-a.asc", a.toLockedArmored().getBytes(StandardCharsets.US_ASCII));
            seed(whistleblower, "near-case-key-b.pgp", b.toStorage());
            seed(whistleblower, "near-public-only.pgp", Keys.encodePublic(Keys.publicPart(Keys.parse(a.toStorage()))));
            seed(whistleblower, "near-argon2-storage.pgp", candor.toStorage());
        }

        Path reply = target("ReplyCodeFuzzTest", "parse");
        seed(reply, "display.txt", FuzzKeys.CODE_A.getBytes(StandardCharsets.US_ASCII));
        seed(reply, "lower-case-spaced.txt", FuzzKeys.CODE_B.toLowerCase().replace('-', ' ').getBytes(StandardCharsets.US_ASCII));
        seed(reply, "o-i-l-for-0-1.txt", FuzzKeys.CODE_B.replace('0', 'o').replace('1', 'l').getBytes(StandardCharsets.US_ASCII));
        String plain = FuzzKeys.CODE_A.replace("-", "");
        seed(reply, "near-one-wrong.txt", (plain.substring(0, 5) + (plain.charAt(5) == 'A' ? 'B' : 'A') + plain.substring(6)).getBytes(StandardCharsets.US_ASCII));
        seed(reply, "near-swapped.txt", (plain.substring(0, 3) + plain.charAt(4) + plain.charAt(3) + plain.substring(5)).getBytes(StandardCharsets.US_ASCII));
        seed(reply, "near-short.txt", plain.substring(0, 27).getBytes(StandardCharsets.US_ASCII));
        seed(reply, "near-letter-u.txt", ("U" + plain.substring(1)).getBytes(StandardCharsets.US_ASCII));
        seed(reply, "near-non-ascii.txt", (plain.substring(0, 27) + "\u00e9").getBytes(StandardCharsets.UTF_8));
    }

    /** Generates a GnuPG key (primary, and an encryption subkey unless {@code encryption} is null); returns its fingerprint. */
    private static String generate(GnuPG gpg, String userId, String primary, String encryption, char[] passphrase,
            String fakedTime) throws IOException {
        String[] time = fakedTime == null ? new String[0] : new String[] {"--faked-system-time", fakedTime};
        String pass = new String(passphrase);
        gpg.run(null, concat(time, "--passphrase", pass, "--quick-gen-key", userId, primary, "cert", fakedTime == null ? "never" : "1y"));
        String fingerprint = gpg.fingerprint(userId);
        if (encryption != null) {
            gpg.run(null, concat(time, "--passphrase", pass, "--quick-add-key", fingerprint, encryption, "encr", fakedTime == null ? "never" : "1y"));
        }
        return fingerprint;
    }

    private static byte[] exportSecret(GnuPG gpg, String fingerprint, char[] passphrase) throws IOException {
        return gpg.run(null, "--passphrase", new String(passphrase), "--export-secret-keys", "--armor", fingerprint);
    }

    private Path target(String testClass, String method) throws IOException {
        Path folder = resources.resolve("org/candor/crypto/" + testClass + "Inputs/" + method);
        Files.createDirectories(folder);
        return folder;
    }

    private static void seed(Path folder, String name, byte[] content) throws IOException {
        Files.write(folder.resolve(name), content);
    }

    private static byte[] flip(byte[] data, int at) {
        byte[] copy = data.clone();
        copy[at] ^= 0x01;
        return copy;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }

    private static String[] concat(String[] first, String... second) {
        String[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
