package org.candor.bench.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.candor.crypto.OpenedStream;
import org.candor.crypto.Opener;
import org.candor.crypto.ReplyCode;
import org.candor.crypto.ReplyCodeDerivation;
import org.candor.crypto.Sealer;
import org.candor.crypto.UnlockedKey;
import org.candor.crypto.WhistleblowerKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Warm-JVM throughput of sealing and opening a 64 MiB message in memory (divide 64 MiB by the time per op). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SealOpenBenchmark {

    static final int SIZE = 64 << 20;
    private byte[] plaintext;
    private byte[] ciphertext;
    private Sealer sealer;
    private Opener opener;
    private final byte[] buffer = new byte[1 << 16];

    @Setup
    public void setUp() throws IOException {
        plaintext = new byte[SIZE];
        new Random(1).nextBytes(plaintext);
        ReplyCode code = ReplyCode.generate();
        WhistleblowerKey key = WhistleblowerKey.generate(ReplyCodeDerivation.lockSecret(code));
        UnlockedKey unlocked = key.unlock(ReplyCodeDerivation.lockSecret(code));
        sealer = Sealer.to(key.recipient());
        opener = Opener.with(unlocked);
        ciphertext = sealer.seal(plaintext, Sealer.Content.BINARY);
    }

    @Benchmark
    public void seal64MiB() throws IOException {
        try (OutputStream out = sealer.open(OutputStream.nullOutputStream(), Sealer.Content.BINARY)) {
            out.write(plaintext);
        }
    }

    @Benchmark
    public long open64MiB() throws IOException {
        long total = 0;
        try (OpenedStream in = opener.open(new ByteArrayInputStream(ciphertext))) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
            }
        }
        return total;
    }
}
