package org.candor.bench.crypto;

import java.util.concurrent.TimeUnit;

import org.candor.crypto.LockSecret;
import org.candor.crypto.ReplyCode;
import org.candor.crypto.ReplyCodeDerivation;
import org.candor.crypto.WhistleblowerKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Cost of creating a case: one whistleblower key pair, generated and locked. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WhistleblowerKeyBenchmark {

    private LockSecret lock;

    @Setup
    public void setUp() {
        lock = ReplyCodeDerivation.lockSecret(ReplyCode.generate());
    }

    @Benchmark
    public WhistleblowerKey generate() {
        return WhistleblowerKey.generate(lock);
    }
}
