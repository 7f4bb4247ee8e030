package org.candor.portal.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SignInThrottle throttle = new SignInThrottle(
            new SignInThrottle.Settings(3, 2, Duration.ofMinutes(1)), now::get);

    @Test
    void failedGuessesSpendAGlobalBudgetThatSlowsFailuresOnlyAndRecoversOnItsOwn() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), throttle.admit("guess" + i));
            assertEquals(Optional.empty(), throttle.failed(), "within the budget a failure is just wrong");
        }
        assertEquals(Optional.empty(), throttle.admit("the-real-code"),
                "other people's failures never refuse a code before it is looked up");
        assertEquals(Optional.empty(), throttle.admit("another-guess"));
        Optional<Duration> wait = throttle.failed();
        assertTrue(wait.isPresent(), "a failure while the budget is spent is answered with a wait");
        assertEquals(20, wait.get().toSeconds(), "one failure's worth refills in a third of the window");
        assertEquals(wait, throttle.failed(), "the same answer for every failure, and it spends nothing more");

        now.addAndGet(Duration.ofSeconds(21).toNanos());
        assertEquals(Optional.empty(), throttle.failed(), "failures are plain failures again once guessing stops");
    }

    @Test
    void oneCodeCannotBeHammeredButOthersAreUnaffected() {
        assertEquals(Optional.empty(), throttle.admit("code-a"));
        assertEquals(Optional.empty(), throttle.admit("code-a"));
        assertTrue(throttle.admit("code-a").isPresent());
        assertEquals(Optional.empty(), throttle.admit("code-b"), "guessing one code never locks out another");
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        assertEquals(Optional.empty(), throttle.admit("code-a"));
    }

    @Test
    void remembersABoundedNumberOfCodes() {
        for (int i = 0; i < SignInThrottle.MAX_HANDLES + 10; i++) {
            throttle.admit("code-" + i);
        }
        assertEquals(Optional.empty(), throttle.admit("code-0"), "the oldest were forgotten; memory stays bounded");
    }

    @Test
    void sharedFailuresDecideWhileTheyAnswerAndThisInstanceCountsWhenTheyDoNot() {
        Duration elsewhere = Duration.ofSeconds(42);
        throttle.shareFailures((failures, window) -> {
            assertEquals(3, failures);
            assertEquals(Duration.ofMinutes(1), window);
            return Optional.of(elsewhere);
        });
        assertEquals(Optional.of(elsewhere), throttle.failed(), "failures spent on other instances count here");
        throttle.shareFailures((failures, window) -> {
            throw new java.sql.SQLException("database gone");
        });
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), throttle.failed(), "out of reach: this instance's own budget, untouched so far");
        }
        assertTrue(throttle.failed().isPresent(), "and it brakes like before");
        assertEquals(Optional.empty(), throttle.admit("the-real-code"), "a code is never refused for it");
    }

    @Test
    void refusesBudgetsThatMakeNoSense() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new SignInThrottle.Settings(0, 1, Duration.ofSeconds(1)));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new SignInThrottle.Settings(1, 1, Duration.ZERO));
    }
}
