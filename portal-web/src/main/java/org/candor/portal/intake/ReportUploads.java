package org.candor.portal.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.function.Function;
import java.util.function.Supplier;
import org.candor.portal.casefile.upload.Multipart;
import org.candor.portal.casefile.upload.SubmissionPart;
import org.candor.portal.channel.Channel;

/**
 * The opening steps of a report upload, the same for both intake paths: the channel must be
 * published, the body multipart and within the path's bounds, and the form token, sent as the
 * first part, must pass the {@link IntakeGate}. What follows belongs to the path ({@link Intake},
 * {@link org.candor.portal.intake.browser.SealedIntake}); the web resources only render what
 * these steps decided. Nothing is counted against the intake's budget before the token passed.
 */
@ApplicationScoped
public class ReportUploads {

    /** The request header that carries a proof of work ({@link WorkProofs}) on the browser path. */
    public static final String WORK_PROOF_HEADER = "Candor-Work-Proof";

    @Inject
    IntakeGate gate;

    /** The most a report's body may carry on one path, for one channel. */
    public record Bounds(long mostBytes, int mostParts) {
    }

    /** What the opening steps decided. */
    public sealed interface Opening {
        /** The channel does not take reports now. */
        record Closed() implements Opening {
        }

        /** The body is not multipart. */
        record NotMultipart() implements Opening {
        }

        /** The body says it is larger than the path allows. */
        record TooLarge() implements Opening {
        }

        /** The body has no part at all. */
        record Empty() implements Opening {
        }

        /**
         * The gate did not let the report in ({@link IntakeGate.Admission.BadToken},
         * {@link IntakeGate.Admission.WaitLonger} or {@link IntakeGate.Admission.ProveWork});
         * {@code rest} are the parts not read yet (none when the body was not opened).
         */
        record Stopped(IntakeGate.Admission admission, Iterator<SubmissionPart> rest) implements Opening {
        }

        /** Go on: the token is reserved and the report counted; {@code parts} follow the token. */
        record Admitted(FormTokens.Redemption redemption, Iterator<SubmissionPart> parts) implements Opening {
        }
    }

    /** The opening steps of a report sent without JavaScript. */
    public Opening plain(HttpServletRequest request, Channel channel, Bounds bounds) throws IOException {
        return open(request, channel, bounds, () -> null, token -> gate.plain(token, channel.id()));
    }

    /**
     * The opening steps of a report sealed in the browser: under pressure, a proof of work from
     * the header {@value #WORK_PROOF_HEADER} is asked for before the body is read.
     */
    public Opening sealed(HttpServletRequest request, Channel channel, Bounds bounds) throws IOException {
        return open(request, channel, bounds, () -> gate.workNeeded(request.getHeader(WORK_PROOF_HEADER), channel.id()),
                token -> gate.sealed(token, channel.id()));
    }

    private static Opening open(HttpServletRequest request, Channel channel, Bounds bounds,
            Supplier<IntakeGate.Admission> beforeBody, Function<String, IntakeGate.Admission> admit) throws IOException {
        if (!channel.isPublished()) {
            return new Opening.Closed();
        }
        if (!Multipart.isMultipart(request)) {
            return new Opening.NotMultipart();
        }
        if (request.getContentLengthLong() > bounds.mostBytes()) {
            return new Opening.TooLarge();
        }
        IntakeGate.Admission early = beforeBody.get();
        if (early != null) {
            return new Opening.Stopped(early, Collections.emptyIterator());
        }
        Multipart.Body body = Multipart.tokenFirst(request, bounds.mostBytes(), bounds.mostParts());
        if (body.empty()) {
            return new Opening.Empty();
        }
        return switch (admit.apply(body.token())) {
            case IntakeGate.Admission.Admitted admitted -> new Opening.Admitted(admitted.redemption(), body.parts());
            case IntakeGate.Admission refused -> new Opening.Stopped(refused, body.parts());
        };
    }
}
