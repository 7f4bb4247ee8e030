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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.ChannelRepository;
import org.candor.portal.channel.Problem;
import org.candor.portal.intake.FormTokens;
import org.candor.portal.intake.Intake;
import org.candor.portal.intake.IntakeGate;
import org.candor.portal.intake.SubmissionOutcome;
import org.candor.portal.intake.SubmissionPart;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.web.Page;

/**
 * A channel's report form and its submission, without JavaScript: the form is rendered from the
 * channel's questionnaire; the submission is read as a multipart stream (never spooled to disk)
 * and sealed as it arrives ({@link Intake}). The answer page shows the reply code once.
 */
@Path("/report/{slug}")
@Produces(MediaType.TEXT_HTML)
public class ReportPage {

    /** Bytes a multipart body may carry beyond the files' limit (boundaries, headers, answers). */
    private static final long ENVELOPE_BYTES = 8L * 1024 * 1024;

    @Inject
    ChannelRepository channels;

    @Inject
    Intake intake;

    @Inject
    FormTokens tokens;

    @Inject
    IntakeGate gate;

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
        if (!channel.isPublished()) {
            return Response.status(Response.Status.CONFLICT).entity(Page.of("public/report-closed")).build();
        }
        if (!JakartaServletFileUpload.isMultipartContent(request)) {
            return Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE).entity(failed()).build();
        }
        long most = (channel.uploadLimits().allowed() ? channel.uploadLimits().maxTotalBytes() : 0) + ENVELOPE_BYTES;
        if (request.getContentLengthLong() > most) {
            return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).entity(failed()).build();
        }
        FormTokens.Redemption redemption = null;
        boolean caseStored = false;
        try {
            FileItemInputIterator items;
            FileItemInput first;
            try {
                items = multipart(most).getItemIterator(request);
                if (!items.hasNext()) {
                    return Response.status(Response.Status.BAD_REQUEST).entity(failed()).build();
                }
                first = items.next();
            } catch (RuntimeException parserFailure) {
                throw malformed(parserFailure);
            }
            boolean tokenFirst = first.isFormField() && "token".equals(first.getFieldName());
            String token = tokenFirst ? readToken(first) : "";
            Parts rest = new Parts(tokenFirst ? null : first, items);
            switch (gate.plain(token, channel.id())) {
                case IntakeGate.Admission.Admitted admitted -> redemption = admitted.redemption();
                case IntakeGate.Admission.WaitLonger wait -> {
                    return Response.status(429).header("Retry-After", wait.seconds()).entity(formPage(channel,
                            intake.answersOnly(channel, rest, Problem.of("intake.waitLonger", wait.seconds())))).build();
                }
                case IntakeGate.Admission.BadToken bad -> {
                    return switch (bad.verdict()) {
                        case ALREADY_USED -> Response.status(Response.Status.CONFLICT)
                                .entity(Page.of("public/report-duplicate")).build();
                        case TOO_QUICK -> refused(channel, intake.answersOnly(channel, rest, Problem.of("intake.tooQuick")));
                        default -> refused(channel, intake.answersOnly(channel, rest, Problem.of("intake.formExpired")));
                    };
                }
                case IntakeGate.Admission.ProveWork unexpected -> throw new IllegalStateException("no proof of work without JavaScript");
            }
            SubmissionOutcome outcome;
            try {
                outcome = intake.receive(channel, rest, language(), redemption);
            } catch (FormTokens.AlreadyUsed replay) {
                // sent before, maybe to another instance or before a restart: nothing was kept
                return Response.status(Response.Status.CONFLICT).entity(Page.of("public/report-duplicate")).build();
            }
            // the case's transaction has committed: only now is the reply code shown (docs/design.md property 11)
            caseStored = outcome instanceof SubmissionOutcome.Received;
            return switch (outcome) {
                case SubmissionOutcome.Received received -> Response.ok(receivedPage(received)).build();
                case SubmissionOutcome.Refused refused -> refused(channel, refused);
                case SubmissionOutcome.ChannelClosed closed -> Response.status(Response.Status.CONFLICT)
                        .entity(Page.of("public/report-closed")).build();
            };
        } catch (IOException | UncheckedIOException broken) {
            // A truncated or malformed body, or a client that went away: nothing was kept.
            return Response.status(Response.Status.BAD_REQUEST).entity(failed()).build();
        } finally {
            if (!caseStored) {
                tokens.release(redemption); // no case was made: the same form may be sent again
            }
        }
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
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language());
        return Page.of("public/report-received")
                .with("code", received.replyCode())
                .with("receivedOn", day.format(received.receivedOn()))
                .with("acknowledgeBy", day.format(received.acknowledgeBy()))
                .with("feedbackBy", day.format(received.feedbackBy()));
    }

    private static Page failed() {
        return Page.of("public/report-failed");
    }

    private Locale language() {
        return Languages.of(request);
    }

    private static JakartaServletFileUpload<?, ?> multipart(long most) {
        JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
        upload.setMaxSize(most);
        upload.setMaxFileCount(Intake.MAX_PARTS);
        upload.setHeaderCharset(StandardCharsets.UTF_8);
        return upload;
    }

    /**
     * A failure of the parser as what it is, a malformed body: commons-fileupload2 2.0.0-M4 throws a
     * NullPointerException for a part of type multipart/mixed without a boundary (found by fuzzing the browser
     * path, which parses the same way).
     */
    private static IOException malformed(RuntimeException parserFailure) {
        return new FileUploadException("the multipart body is malformed", parserFailure);
    }

    private static String readToken(FileItemInput part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(256), StandardCharsets.US_ASCII);
        }
    }

    /**
     * The multipart stream as submission parts, starting with a part already read (when the form
     * did not begin with its token); read errors surface as {@link UncheckedIOException}.
     */
    private static final class Parts implements Iterator<SubmissionPart> {
        private final FileItemInputIterator items;
        private FileItemInput pending;

        Parts(FileItemInput alreadyRead, FileItemInputIterator items) {
            this.pending = alreadyRead;
            this.items = items;
        }

        @Override
        public boolean hasNext() {
            try {
                return pending != null || items.hasNext();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException parserFailure) {
                throw new UncheckedIOException(malformed(parserFailure));
            }
        }

        @Override
        public SubmissionPart next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            FileItemInput item;
            try {
                item = pending != null ? pending : items.next();
                pending = null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException parserFailure) {
                throw new UncheckedIOException(malformed(parserFailure));
            }
            return new SubmissionPart() {
                @Override
                public String field() {
                    return item.getFieldName() == null ? "" : item.getFieldName();
                }

                @Override
                public Optional<String> fileName() {
                    return item.isFormField() ? Optional.empty() : Optional.ofNullable(item.getName());
                }

                @Override
                public String contentType() {
                    return item.getContentType() == null ? "" : item.getContentType();
                }

                @Override
                public InputStream stream() throws IOException {
                    return item.getInputStream();
                }
            };
        }
    }
}
