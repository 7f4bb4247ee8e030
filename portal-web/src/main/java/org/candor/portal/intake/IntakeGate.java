package org.candor.portal.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides whether a report may go on to be read and sealed, for both intake paths, so that no
 * stranger can close intake for others (docs/design.md property 12). The cheap checks come first and
 * cost no budget: a request without a valid, matured, unused form token is answered before
 * anything is counted. When the intake is under pressure ({@link IntakeThrottle}), nobody is
 * refused for it: a plain form must have been open longer ({@code candor.intake.pressure-fill-seconds}),
 * which a person filling it in hardly notices, and a browser that seals must show a proof of
 * work ({@link WorkProofs}) computed in a few seconds. Nothing about the sender is looked at.
 */
@ApplicationScoped
public class IntakeGate {

    @Inject
    FormTokens tokens;

    @Inject
    IntakeThrottle throttle;

    @Inject
    WorkProofs proofs;

    @Inject
    @ConfigProperty(name = "candor.intake.pressure-fill-seconds", defaultValue = "30")
    int pressureFillSeconds;

    /** What becomes of a report at the gate. */
    public sealed interface Admission {
        /**
         * Go on: the token is reserved and the report counted; the redemption goes with the case
         * into its transaction ({@link FormTokens#recordUse}), or is released if nothing is stored.
         */
        record Admitted(FormTokens.Redemption redemption) implements Admission {
        }

        /** The token was not accepted; nothing was counted. */
        record BadToken(FormTokens.Verdict verdict) implements Admission {
        }

        /** Under pressure, a plain form must stay open this many seconds; the token is not used up. */
        record WaitLonger(int seconds) implements Admission {
        }

        /** Under pressure, a sealed report needs a proof of work for this challenge. */
        record ProveWork(String challenge, int bits) implements Admission {
        }
    }

    /** The gate for a plain form's token. */
    public Admission plain(String token, UUID channelId) {
        boolean pressed = throttle.underPressure(channelId);
        FormTokens.Redemption redemption = pressed
                ? tokens.redeem(token, channelId, pressureFillSeconds)
                : tokens.redeem(token, channelId);
        if (pressed && redemption.verdict() == FormTokens.Verdict.TOO_QUICK) {
            return new Admission.WaitLonger(pressureFillSeconds);
        }
        return counted(redemption, channelId);
    }

    /**
     * The first gate of a sealed report, before its body is read: under pressure, a proof of work
     * (from the request's {@code Candor-Work-Proof} header, may be null) must be valid and unused.
     * Returns null when the report may go on to {@link #sealed}.
     */
    public Admission.ProveWork workNeeded(String proof, UUID channelId) {
        if (throttle.underPressure(channelId) && !proofs.redeem(proof, channelId)) {
            return challenge(channelId);
        }
        return null;
    }

    /** A fresh challenge for a channel, asked for by a browser before it uploads. */
    public Admission.ProveWork challenge(UUID channelId) {
        return new Admission.ProveWork(proofs.challenge(channelId), proofs.bits());
    }

    /** Whether a browser about to upload to this channel should prove work first. */
    public boolean underPressure(UUID channelId) {
        return throttle.underPressure(channelId);
    }

    /** The gate for a sealed report's token, once {@link #workNeeded} let it through. */
    public Admission sealed(String token, UUID channelId) {
        return counted(tokens.redeem(token, channelId), channelId);
    }

    private Admission counted(FormTokens.Redemption redemption, UUID channelId) {
        if (!redemption.accepted()) {
            return new Admission.BadToken(redemption.verdict());
        }
        throttle.charge(channelId);
        return new Admission.Admitted(redemption);
    }
}
