package org.candor.portal.intake.web;

import jakarta.inject.Inject;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.ChannelRepository;
import org.candor.portal.channel.Problem;
import org.candor.portal.intake.FormTokens;
import org.candor.portal.intake.Intake;
import org.candor.portal.intake.IntakeGate;
import org.candor.portal.intake.ReportUploads;
import org.candor.portal.intake.SubmissionOutcome;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.i18n.Messages;
import org.candor.portal.platform.web.Page;

/**
 * A channel's report form and its submission, without JavaScript: the form is rendered from the
 * channel's questionnaire; the submission is read as a multipart stream (never spooled to disk)
 * and sealed as it arrives ({@link Intake}), after the opening steps of {@link ReportUploads}. The
 * answer page shows the reply code once.
 */
@Path("/report/{slug}")
@Produces(MediaType.TEXT_HTML)
public class ReportPage {

    @Inject
    ChannelRepository channels;

    @Inject
    Intake intake;

    @Inject
    FormTokens tokens;

    @Inject
    ReportUploads uploads;

    @Context
    HttpServletRequest request;

    @GET
    public Page form(@PathParam("slug") String slug) {
        Channel channel = openChannel(slug);
        return formPage(channel, Map.of(), Map.of(), false);
    }

    @POST
    public Response submit(@PathParam("slug") String slug) {
        Channel channel = channels.findBySlug(slug).orElseThrow(NotFoundException::new);
        try {
            return switch (uploads.plain(request, channel, Intake.bounds(channel))) {
                case ReportUploads.Opening.Closed closed -> closed();
                case ReportUploads.Opening.NotMultipart notMultipart ->
                        Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE).entity(failed()).build();
                case ReportUploads.Opening.TooLarge tooLarge ->
                        Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).entity(failed()).build();
                case ReportUploads.Opening.Empty empty -> Response.status(Response.Status.BAD_REQUEST).entity(failed()).build();
                case ReportUploads.Opening.Stopped stopped -> stopped(channel, stopped);
                case ReportUploads.Opening.Admitted admitted -> received(channel, admitted);
            };
        } catch (IOException | UncheckedIOException broken) {
            // A truncated or malformed body, or a client that went away: nothing was kept.
            return Response.status(Response.Status.BAD_REQUEST).entity(failed()).build();
        }
    }

    /** A form the gate did not let in, given back with what it carried. */
    private Response stopped(Channel channel, ReportUploads.Opening.Stopped stopped) throws IOException {
        return switch (stopped.admission()) {
            case IntakeGate.Admission.WaitLonger wait -> Response.status(429).header("Retry-After", wait.seconds())
                    .entity(formPage(channel, intake.answersOnly(channel, stopped.rest(),
                            Problem.of("intake.waitLonger", wait.seconds())))).build();
            case IntakeGate.Admission.BadToken bad -> switch (bad.verdict()) {
                case ALREADY_USED -> duplicate();
                case TOO_QUICK -> refused(channel, intake.answersOnly(channel, stopped.rest(), Problem.of("intake.tooQuick")));
                default -> refused(channel, intake.answersOnly(channel, stopped.rest(), Problem.of("intake.formExpired")));
            };
            default -> throw new IllegalStateException("no proof of work without JavaScript");
        };
    }

    private Response received(Channel channel, ReportUploads.Opening.Admitted admitted) throws IOException {
        SubmissionOutcome outcome;
        try {
            outcome = intake.receive(channel, admitted.parts(), language(), admitted.redemption());
        } catch (FormTokens.AlreadyUsed replay) {
            // sent before, maybe to another instance or before a restart: nothing was kept
            return duplicate();
        }
        // the case's transaction has committed: only now is the reply code shown (docs/design.md property 11)
        return switch (outcome) {
            case SubmissionOutcome.Received received -> Response.ok(receivedPage(received)).build();
            case SubmissionOutcome.Refused refused -> refused(channel, refused);
            case SubmissionOutcome.ChannelClosed notOpen -> closed();
        };
    }

    private static Response closed() {
        return Response.status(Response.Status.CONFLICT).entity(Page.of("public/report-closed")).build();
    }

    private static Response duplicate() {
        return Response.status(Response.Status.CONFLICT).entity(Page.of("public/report-duplicate")).build();
    }

    private Response refused(Channel channel, SubmissionOutcome.Refused refused) {
        return Response.status(422).entity(formPage(channel, refused)).build();
    }

    private Page formPage(Channel channel, SubmissionOutcome.Refused refused) {
        return formPage(channel, refused.answers(), refused.problems(), refused.filesWereDropped());
    }

    private Channel openChannel(String slug) {
        return channels.findBySlug(slug).filter(Channel::isPublished).orElseThrow(NotFoundException::new);
    }

    private Page formPage(Channel channel, Map<String, List<String>> answers, Map<String, List<Problem>> problems,
            boolean filesWereDropped) {
        return Page.of("public/report")
                .with("form", ReportForm.of(channel, language(), tokens.issue(channel.id()), answers, problems,
                        filesWereDropped));
    }

    private Page receivedPage(SubmissionOutcome.Received received) {
        Locale language = language();
        return Page.of("public/report-received")
                .with("code", received.replyCode())
                .with("receivedOn", Messages.day(received.receivedOn(), language))
                .with("acknowledgeBy", Messages.day(received.acknowledgeBy(), language))
                .with("feedbackBy", Messages.day(received.feedbackBy(), language));
    }

    private static Page failed() {
        return Page.of("public/report-failed");
    }

    private Locale language() {
        return Languages.of(request);
    }
}
