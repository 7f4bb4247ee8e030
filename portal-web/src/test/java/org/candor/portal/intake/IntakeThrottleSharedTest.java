package org.candor.portal.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.candor.portal.platform.budget.SharedBudgets;
import org.junit.jupiter.api.Test;

/**
 * The intake's budgets when they are counted in the database: a report spends its channel's
 * budget and, only while that lasts, the shared one; the pressure check asks both at once; and a
 * database out of reach makes the instance count for itself, refusing nobody.
 */
class IntakeThrottleSharedTest {

    private final UUID channel = UUID.randomUUID();
    private final List<String> charged = new ArrayList<>();
    private boolean channelHasRoom = true;
    private boolean reachable = true;
    private boolean spent;

    private final SharedBudgets budgets = new SharedBudgets() {
        @Override
        public boolean shared() {
            return true;
        }

        @Override
        public boolean tryTake(String bucket, int capacity, Duration window) throws Unavailable {
            unreachable();
            charged.add(bucket + "/" + capacity);
            return !bucket.contains(channel.toString()) || channelHasRoom;
        }

        @Override
        public boolean anySpent(List<String> buckets, List<Integer> capacities, Duration window) throws Unavailable {
            unreachable();
            assertEquals(List.of("intake/" + channel, "intake"), buckets);
            assertEquals(List.of(60, 120), capacities);
            return spent;
        }

        private void unreachable() throws Unavailable {
            if (!reachable) {
                throw new Unavailable(new java.sql.SQLException("gone", "08006"));
            }
        }
    };

    private IntakeThrottle throttle() {
        IntakeThrottle throttle = new IntakeThrottle();
        throttle.globalPerMinute = 120;
        throttle.channelPerMinute = 60;
        throttle.shared = budgets;
        throttle.start();
        return throttle;
    }

    @Test
    void aReportSpendsTheSharedBudgetOnlyWhileItsChannelsLasts() {
        IntakeThrottle throttle = throttle();
        throttle.charge(channel);
        assertEquals(List.of("intake/" + channel + "/60", "intake/120"), charged);
        charged.clear();
        channelHasRoom = false;
        throttle.charge(channel);
        assertEquals(List.of("intake/" + channel + "/60"), charged, "a flooded channel does not spend the others' share");
        assertFalse(throttle.underPressure(channel));
        spent = true;
        assertTrue(throttle.underPressure(channel), "what the other instances spent counts here");
    }

    @Test
    void withoutTheDatabaseEachInstanceCountsForItself() {
        IntakeThrottle throttle = throttle();
        reachable = false;
        for (int i = 0; i < 60; i++) {
            assertFalse(throttle.underPressure(channel));
            throttle.charge(channel);
        }
        assertTrue(throttle.underPressure(channel), "this instance's own buckets brake (a longer wait, never a refusal)");
    }
}
