package org.candor.portal.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.candor.portal.platform.secrets.ServerSecrets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intake's gate with its real token, throttle and proof-of-work parts: what a flood spends,
 * and what a genuine sender meets while it lasts.
 */
class IntakeGateTest {

    private static final Instant OPENED = Instant.parse("2026-12-07T10:00:00Z");
    private static final UUID FLOODED = UUID.randomUUID();
    private static final UUID QUIET = UUID.randomUUID();

    @TempDir
    Path dir;

    private IntakeGate gate;
    private FormTokens tokens;
    private WorkProofs proofs;

    @BeforeEach
    void start() {
        ServerSecrets secrets = ServerSecrets.inFolder(dir);
        tokens = new FormTokens();
        tokens.secrets = secrets;
        tokens.minFillSeconds = 3;
        tokens.start();
        proofs = new WorkProofs();
        proofs.secrets = secrets;
        proofs.bits = 8;
        proofs.start();
        IntakeThrottle throttle = new IntakeThrottle();
        throttle.globalPerMinute = 6;
        throttle.channelPerMinute = 4;
        throttle.start();
        gate = new IntakeGate();
        gate.tokens = tokens;
        gate.throttle = throttle;
        gate.proofs = proofs;
        gate.pressureFillSeconds = 30;
    }

    private String tokenOpened(UUID channel, Duration ago) {
        tokens.clock = Clock.fixed(OPENED.minus(ago), ZoneOffset.UTC);
        String token = tokens.issue(channel);
        tokens.clock = Clock.fixed(OPENED, ZoneOffset.UTC);
        return token;
    }

    @Test
    void requestsWithoutAValidTokenSpendNoBudget() {
        for (int i = 0; i < 1000; i++) {
            assertInstanceOf(IntakeGate.Admission.BadToken.class, gate.plain("", FLOODED));
            assertInstanceOf(IntakeGate.Admission.BadToken.class, gate.sealed("forged" + i, FLOODED));
            assertInstanceOf(IntakeGate.Admission.BadToken.class, gate.plain(tokenOpened(FLOODED, Duration.ZERO), FLOODED));
        }
        assertFalse(gate.underPressure(FLOODED), "a thousand tokenless or unripe posts left the budgets untouched");
        assertInstanceOf(IntakeGate.Admission.Admitted.class, gate.plain(tokenOpened(FLOODED, Duration.ofSeconds(5)), FLOODED));
    }

    @Test
    void aFloodOfValidReportsOnOneChannelLeavesTheOthersUnpressedAndAsksLongerWaitsInsteadOfRefusing() {
        for (int i = 0; i < 20; i++) {
            gate.plain(tokenOpened(FLOODED, Duration.ofSeconds(5)), FLOODED);
        }
        assertTrue(gate.underPressure(FLOODED));
        assertFalse(gate.underPressure(QUIET), "the flooded channel spent only its own share of the shared budget");
        assertInstanceOf(IntakeGate.Admission.Admitted.class, gate.plain(tokenOpened(QUIET, Duration.ofSeconds(5)), QUIET));

        String young = tokenOpened(FLOODED, Duration.ofSeconds(5));
        IntakeGate.Admission wait = gate.plain(young, FLOODED);
        assertEquals(new IntakeGate.Admission.WaitLonger(30), wait, "under pressure a form must stay open longer");
        assertInstanceOf(IntakeGate.Admission.Admitted.class, gate.plain(tokenOpened(FLOODED, Duration.ofSeconds(31)), FLOODED),
                "a form open long enough goes through, however strong the flood");
    }

    @Test
    void underPressureASealedReportNeedsAProofOfWorkUsableOnce() {
        assertNull(gate.workNeeded(null, FLOODED), "no work asked while the intake is calm");
        for (int i = 0; i < 20; i++) {
            gate.sealed(tokenOpened(FLOODED, Duration.ofSeconds(5)), FLOODED);
        }
        IntakeGate.Admission.ProveWork asked = gate.workNeeded(null, FLOODED);
        assertNotNull(asked);
        assertEquals(8, asked.bits());
        assertNotNull(gate.workNeeded(asked.challenge() + ".1", FLOODED), "a wrong answer is no proof");
        String proof = solve(asked.challenge(), asked.bits());
        assertNotNull(gate.workNeeded(solve(gate.challenge(QUIET).challenge(), 8), FLOODED), "another channel's proof does not count");
        assertNull(gate.workNeeded(proof, FLOODED), "a right answer lets the report through");
        assertNotNull(gate.workNeeded(proof, FLOODED), "and only once");
        String tampered = asked.challenge().substring(0, 10) + (asked.challenge().charAt(10) == 'A' ? 'B' : 'A')
                + asked.challenge().substring(11);
        assertNotNull(gate.workNeeded(solve(tampered, 8), FLOODED), "a challenge the server did not sign is no challenge");
    }

    @Test
    void anOldChallengeIsRefused() {
        proofs.clock = Clock.fixed(OPENED.minus(WorkProofs.LIFETIME).minusSeconds(1), ZoneOffset.UTC);
        String old = proofs.challenge(FLOODED);
        proofs.clock = Clock.fixed(OPENED, ZoneOffset.UTC);
        assertFalse(proofs.redeem(solve(old, 8), FLOODED));
        assertFalse(proofs.redeem("x".repeat(10_000) + ".1", FLOODED), "an oversized proof costs nothing");
    }

    private static String solve(String challenge, int bits) {
        for (long counter = 0; ; counter++) {
            String candidate = challenge + "." + counter;
            if (WorkProofs.leadingZeroBits(WorkProofs.sha256(candidate), bits)) {
                return candidate;
            }
        }
    }
}
