package org.candor.bench.contact;

import java.util.Arrays;
import org.candor.crypto.LockSecret;
import org.candor.crypto.Pepper;
import org.candor.crypto.ReplyCode;
import org.candor.crypto.ReplyCodeDerivation;
import org.candor.crypto.UnlockedKey;
import org.candor.crypto.WhistleblowerKey;
import org.candor.crypto.WrongPassphrase;

/**
 * The crypto work of one contact sign-in, right code against wrong code (decoy key), in one
 * warm JVM: parse, pepper the handle, derive the lock secret, read the stored key, unlock.
 * Not a test. Run: {@code java -cp <benchmarks classpath> org.candor.bench.contact.SignInCost [rounds]}.
 */
public final class SignInCost {

    private SignInCost() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Pepper pepper = Pepper.generate();
        ReplyCode right = ReplyCode.generate();
        String typed = right.display().toLowerCase().replace("-", " ");
        byte[] caseKey;
        try (LockSecret secret = ReplyCodeDerivation.lockSecret(right)) {
            caseKey = WhistleblowerKey.generate(secret).toStorage();
        }
        ReplyCode decoyCode = ReplyCode.generate();
        LockSecret decoySecret = ReplyCodeDerivation.lockSecret(decoyCode);
        byte[] decoyKey = WhistleblowerKey.generate(decoySecret).toStorage();
        long[] hits = new long[rounds];
        long[] misses = new long[rounds];
        for (int warm = 0; warm < 2; warm++) {
            for (int i = 0; i < rounds; i++) {
                hits[i] = once(typed, pepper, caseKey, null);
                misses[i] = once(ReplyCode.generate().display(), pepper, decoyKey, decoySecret);
            }
        }
        report("right code", hits);
        report("wrong code", misses);
    }

    private static long once(String typed, Pepper pepper, byte[] storedKey, LockSecret decoy) throws Exception {
        long start = System.nanoTime();
        try (ReplyCode code = ReplyCode.parse(typed); LockSecret secret = ReplyCodeDerivation.lockSecret(code)) {
            pepper.handle(code);
            try (UnlockedKey key = WhistleblowerKey.fromStorage(storedKey).unlock(decoy == null ? secret : decoy)) {
                key.fingerprint();
            } catch (WrongPassphrase e) {
                throw new IllegalStateException(e);
            }
        }
        return System.nanoTime() - start;
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: n=%d median %.3f ms, p90 %.3f ms, p99 %.3f ms, mean %.3f ms%n", what, sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 9 / 10] / 1e6, sorted[sorted.length * 99 / 100] / 1e6,
                Arrays.stream(sorted).average().orElse(0) / 1e6);
    }
}
