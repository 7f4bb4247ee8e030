package org.candor.portal.intake.browser;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.candor.portal.casefile.Deadlines;
import org.candor.portal.casefile.upload.Multipart;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.ChannelRepository;
import org.candor.portal.intake.FormTokens;
import org.candor.portal.intake.IntakeGate;
import org.candor.portal.intake.ReportUploads;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.i18n.Messages;

/**
 * {@code POST /report/{slug}/sealed}: a report sealed in the browser (docs/protocol.md, "Sealed
 * in the browser"). A thin adapter: the opening steps of {@link ReportUploads} check the channel,
 * the size, the proof of work asked for under pressure and the form token ({@link IntakeGate});
 * it hands the parts to {@link SealedIntake}, and answers
 * with JSON that names the problem and says it in the page's language. The body is read as a
 * stream and never spooled.
 */
@Path("/report/{slug}/sealed")
public class SealedReport {

    /** Found once: {@code Json.create*} looks the provider up with a ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();


    @Inject
    ChannelRepository channels;

    @Inject
    SealedIntake intake;

    @Inject
    IntakeGate gate;

    @Inject
    ReportUploads uploads;

    @Context
    HttpServletRequest request;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("slug") String slug) {
        Channel channel = channels.findBySlug(slug).orElseThrow(NotFoundException::new);
        try {
            return switch (uploads.sealed(request, channel, SealedIntake.bounds(channel))) {
                case ReportUploads.Opening.Closed closed -> refused(409, "closed", "sealed.closed");
                case ReportUploads.Opening.NotMultipart notMultipart -> refused(415, "notMultipart", "sealed.malformed");
                case ReportUploads.Opening.TooLarge tooLarge -> refused(413, "tooLarge", "sealed.tooLarge");
                // a body without its token: refused as a token that is not this portal's
                case ReportUploads.Opening.Empty empty -> refused(422, "formExpired", "intake.formExpired");
                case ReportUploads.Opening.Stopped stopped -> stopped(stopped.admission());
                case ReportUploads.Opening.Admitted admitted -> received(channel, admitted);
            };
        } catch (SealedIntake.Refused refusal) {
            return refused(refusal.status, refusal.code, refusal.messageKey, refusal.arguments);
        } catch (IOException | UncheckedIOException broken) {
            // A truncated or malformed body, or a cancelled upload: nothing was kept.
            return refused(400, "malformed", "sealed.brokenOff");
        }
    }

    private Response stopped(IntakeGate.Admission admission) {
        return switch (admission) {
            case IntakeGate.Admission.ProveWork work -> proveWork(work);
            case IntakeGate.Admission.BadToken bad -> switch (bad.verdict()) {
                case TOO_QUICK -> refused(422, "tooQuick", "intake.tooQuick");
                case ALREADY_USED -> refused(409, "duplicate", "report.duplicate.text");
                default -> refused(422, "formExpired", "intake.formExpired");
            };
            default -> throw new IllegalStateException("the sealed gate only admits, refuses a token or asks for work");
        };
    }

    private Response received(Channel channel, ReportUploads.Opening.Admitted admitted)
            throws SealedIntake.Refused, IOException {
        SealedIntake.Received received;
        try {
            received = intake.receive(channel, admitted.parts(), admitted.redemption());
        } catch (SealedIntake.Refused refusal) {
            Multipart.drain(admitted.parts());
            throw refusal;
        } catch (FormTokens.AlreadyUsed replay) {
            // sent before, maybe to another instance or before a restart: nothing was kept
            return refused(409, "duplicate", "report.duplicate.text");
        }
        // the case's transaction has committed: only now may the browser show the reply code (docs/design.md property 11)
        Locale language = language();
        Deadlines deadlines = Deadlines.receivedOn(received.receivedOn());
        JsonObject answer = JSON.createObjectBuilder()
                .add("status", "received")
                .add("receivedOn", Messages.day(received.receivedOn(), language))
                .add("acknowledgeBy", Messages.day(deadlines.acknowledgeBy(), language))
                .add("feedbackBy", Messages.day(deadlines.feedbackBy(), language))
                .build();
        return Response.ok(answer).build();
    }

    /**
     * {@code GET /report/{slug}/sealed/challenge}: whether the intake asks for a proof of work
     * now, and a challenge for it. Asked right before an upload, so that a browser proves its work
     * before it sends the body rather than after.
     */
    @GET
    @Path("challenge")
    @Produces(MediaType.APPLICATION_JSON)
    public Response challenge(@PathParam("slug") String slug) {
        Channel channel = channels.findBySlug(slug).filter(Channel::isPublished).orElseThrow(NotFoundException::new);
        IntakeGate.Admission.ProveWork work = gate.challenge(channel.id());
        return Response.ok(JSON.createObjectBuilder()
                .add("needed", gate.underPressure(channel.id()))
                .add("challenge", work.challenge())
                .add("bits", work.bits())
                .build()).build();
    }

    private Response proveWork(IntakeGate.Admission.ProveWork work) {
        JsonObject body = JSON.createObjectBuilder()
                .add("status", "refused")
                .add("problem", "proveWork")
                .add("challenge", work.challenge())
                .add("bits", work.bits())
                .add("message", Messages.get(language(), "intake.proveWork"))
                .build();
        return Response.status(429).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    private Response refused(int status, String problem, String messageKey, Object... arguments) {
        JsonObject body = JSON.createObjectBuilder()
                .add("status", "refused")
                .add("problem", problem)
                .add("message", Messages.get(language(), messageKey, arguments))
                .build();
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    private Locale language() {
        return Languages.of(request);
    }
}
