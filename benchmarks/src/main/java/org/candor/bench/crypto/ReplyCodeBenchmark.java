package org.candor.bench.crypto;

import java.util.concurrent.TimeUnit;

import org.candor.crypto.LockSecret;
import org.candor.crypto.LookupHandle;
import org.candor.crypto.Pepper;
import org.candor.crypto.PreHandle;
import org.candor.crypto.ReplyCode;
import org.candor.crypto.ReplyCodeDerivation;
import org.candor.crypto.ReplyCodeTypo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Cost of a reply-code sign-in on the server: parse the typed code, derive pre-handle and lock secret, key the handle. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReplyCodeBenchmark {

    private String typed;
    private Pepper pepper;
    private PreHandle preHandle;

    @Setup
    public void setUp() {
        typed = ReplyCode.generate().display().toLowerCase();
        pepper = Pepper.generate();
        preHandle = ReplyCodeDerivation.preHandle(ReplyCode.generate());
    }

    /** The no-JavaScript path: everything from the typed code. */
    @Benchmark
    public Object parseAndDeriveAll() throws ReplyCodeTypo {
        try (ReplyCode code = ReplyCode.parse(typed)) {
            LookupHandle handle = pepper.handle(ReplyCodeDerivation.preHandle(code));
            LockSecret lock = ReplyCodeDerivation.lockSecret(code);
            return new Object[] {handle, lock};
        }
    }

    /** The JavaScript path: the server only keys the pre-handle the browser sent. */
    @Benchmark
    public LookupHandle handleFromPreHandle() {
        return pepper.handle(preHandle);
    }
}
