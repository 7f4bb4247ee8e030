package org.candor.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The two fixed case keys the fuzz tests seal to and open with, and the reply codes that lock them. They are
 * committed (made once by {@link FuzzSeeds}) so that the committed seed ciphertexts stay addressed to them; they
 * protect nothing.
 */
final class FuzzKeys {

    /** The reply code whose lock secret locks key A; a fixture, never a real case's code. */
    static final String CODE_A = "J79J-6KR8-3SW8-Y7ZG-FXHH-QCVD-WCWT";
    /** The reply code whose lock secret locks key B. */
    static final String CODE_B = "YGWH-0830-78GQ-CSFH-H0JQ-WMNG-33VT";
    /** The passphrase of the committed investigator-key and GnuPG-key seeds. */
    static final char[] PASSPHRASE = "fuzzing passphrase".toCharArray();

    /** Loaded on first use, so that {@link FuzzSeeds} can make the key files first. */
    private static final class Loaded {
        static final WhistleblowerKey A = load("case-key-a.pgp");
        static final WhistleblowerKey B = load("case-key-b.pgp");
    }

    private FuzzKeys() {
    }

    static WhistleblowerKey a() {
        return Loaded.A;
    }

    static WhistleblowerKey b() {
        return Loaded.B;
    }

    static LockSecret lockSecret(String code) {
        try (ReplyCode parsed = ReplyCode.parse(code)) {
            return ReplyCodeDerivation.lockSecret(parsed);
        } catch (ReplyCodeTypo e) {
            throw new IllegalStateException(e);
        }
    }

    static UnlockedKey unlockA() {
        try (LockSecret secret = lockSecret(CODE_A)) {
            return Loaded.A.unlock(secret);
        } catch (WrongPassphrase e) {
            throw new IllegalStateException(e);
        }
    }

    private static WhistleblowerKey load(String name) {
        try (InputStream in = FuzzKeys.class.getResourceAsStream("fuzz/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource fuzz/" + name + " (run FuzzSeeds)");
            }
            return WhistleblowerKey.fromStorage(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
