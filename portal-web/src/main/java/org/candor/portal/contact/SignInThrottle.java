package org.candor.portal.contact;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * How fast reply codes may be tried, without knowing who tries them (docs/design.md property 6: no
 * address, no cookie, nothing about a person) and without letting anyone spend a limit for others
 * (docs/design.md property 12). Two token buckets, both refilled steadily over a window:
 * <ul>
 *   <li>a budget of attempts per lookup handle (the code's keyed hash, held in memory only):
 *   the same code cannot be hammered. Only someone who knows a code can spend its budget, so
 *   no one can lock a whistleblower out of their case. This is the only check before a code is
 *   looked up;</li>
 *   <li>a global budget of <em>failed</em> sign-ins, looked at only after a code has failed:
 *   while it is spent, a failure is answered "try again later" instead of "wrong code", which
 *   tells a guesser nothing and slows nobody whose code opens a case. A reply code carries
 *   about 130 bits, so guessing needs no brake on hits; a global brake on every attempt would
 *   let one stranger lock every whistleblower out.</li>
 * </ul>
 * Pure Java with a settable clock, so that tests need not wait.
 *
 * <p>The failure budget protects everyone, so instances sharing a PostgreSQL database count it
 * together ({@link #shareFailures}); if the shared count cannot be reached, this instance counts
 * for itself meanwhile. Budgets per code stay in this instance's memory: handles are never
 * written anywhere, and a guesser who spreads one code's attempts over {@code n} instances gets
 * {@code n} times its budget of a code that has about 130 bits.
 */
public final class SignInThrottle {

    /** Handles remembered at most; the oldest are forgotten first. */
    static final int MAX_HANDLES = 10_000;

    private final LongSupplier nanoTime;
    private volatile SharedFailures shared;

    /** Failed sign-ins counted with the other instances. */
    @FunctionalInterface
    public interface SharedFailures {
        /**
         * Counts one failure against {@code failuresPerWindow} per {@code window}: empty while within
         * the budget, else how long to wait; throws when the shared count is out of reach.
         */
        Optional<Duration> failed(int failuresPerWindow, Duration window) throws Exception;
    }
    private volatile Settings settings;
    private Bucket failures;
    private final Map<String, Bucket> perHandle = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_HANDLES;
        }
    };

    /** The budgets: failed sign-ins in all, and attempts per code, each per window. */
    public record Settings(int failuresPerWindow, int attemptsPerCode, Duration window) {
        public Settings {
            if (failuresPerWindow < 1 || attemptsPerCode < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("throttle budgets and window must be positive");
            }
        }
    }

    public SignInThrottle(Settings settings) {
        this(settings, System::nanoTime);
    }

    SignInThrottle(Settings settings, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        configure(settings);
    }

    /** Replaces the budgets (full buckets); for operators and tests. */
    public synchronized void configure(Settings changed) {
        settings = changed;
        failures = new Bucket(changed.failuresPerWindow(), changed.window(), nanoTime.getAsLong());
        perHandle.clear();
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Admits one attempt with a well-formed code, or says how long to wait. Takes one token of
     * the code's own budget only: other people's failures never refuse a code.
     */
    public synchronized Optional<Duration> admit(String handle) {
        long now = nanoTime.getAsLong();
        Bucket own = perHandle.computeIfAbsent(handle,
                h -> new Bucket(settings.attemptsPerCode(), settings.window(), now));
        own.refill(now);
        if (own.tokens < 1) {
            return Optional.of(own.untilOne());
        }
        own.tokens -= 1;
        return Optional.empty();
    }

    /**
     * Records a failed sign-in (a well-formed code that opens no case) and says how long to wait
     * when failures as a whole are over their budget; empty while they are within it.
     */
    public Optional<Duration> failed() {
        SharedFailures counter = shared;
        if (counter != null) {
            Settings now = settings;
            try {
                return counter.failed(now.failuresPerWindow(), now.window());
            } catch (Exception unreachable) {
                // counted here until the shared count answers again
            }
        }
        return failedHere();
    }

    /** Counts failures with the other instances from now on; null counts here only. */
    public void shareFailures(SharedFailures counter) {
        shared = counter;
    }

    private synchronized Optional<Duration> failedHere() {
        failures.refill(nanoTime.getAsLong());
        if (failures.tokens < 1) {
            return Optional.of(failures.untilOne());
        }
        failures.tokens -= 1;
        return Optional.empty();
    }

    /** A bucket of {@code capacity} tokens refilled evenly over {@code window}. */
    private static final class Bucket {
        private final double capacity;
        private final double perNano;
        private double tokens;
        private long last;

        Bucket(int capacity, Duration window, long now) {
            this.capacity = capacity;
            this.perNano = capacity / (double) window.toNanos();
            this.tokens = capacity;
            this.last = now;
        }

        void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
        }

        Duration untilOne() {
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
        }
    }
}
