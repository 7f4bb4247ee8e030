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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.RequestContext;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletRequestContext;
import org.candor.portal.casefile.Deadlines;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.ChannelRepository;
import org.candor.portal.channel.UploadLimits;
import org.candor.portal.intake.FormTokens;
import org.candor.portal.intake.IntakeGate;
import org.candor.portal.intake.SubmissionPart;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.i18n.Messages;

/**
 * {@code POST /report/{slug}/sealed}: a report sealed in the browser (docs/protocol.md, "Sealed
 * in the browser"). A thin adapter: it checks the channel, the size, the proof of work asked for
 * under pressure and the form token ({@link IntakeGate}), hands the parts to {@link SealedIntake}, and answers
 * with JSON that names the problem and says it in the page's language. The body is read as a
 * stream and never spooled.
 */
@Path("/report/{slug}/sealed")
public class SealedReport {

    /** Found once: {@code Json.create*} looks the provider up with a ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Bytes a body may carry beyond the files (boundaries, token, pre-handle, key, report). */
    private static final long ENVELOPE_BYTES = SealedIntake.MAX_REPORT_BYTES + SealedIntake.MAX_KEY_BYTES + 1024 * 1024;
    private static final int MOST_PARTS = 4 + UploadLimits.MAX_FILES;
    /** The request header that carries a proof of work ({@link org.candor.portal.intake.WorkProofs}). */
    static final String WORK_PROOF_HEADER = "Candor-Work-Proof";

    @Inject
    ChannelRepository channels;

    @Inject
    SealedIntake intake;

    @Inject
    IntakeGate gate;

    @Inject
    FormTokens tokens;

    @Context
    HttpServletRequest request;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("slug") String slug) {
        Channel channel = channels.findBySlug(slug).orElseThrow(NotFoundException::new);
        if (!channel.isPublished()) {
            return refused(409, "closed", "sealed.closed");
        }
        if (!JakartaServletFileUpload.isMultipartContent(request)) {
            return refused(415, "notMultipart", "sealed.malformed");
        }
        UploadLimits limits = channel.uploadLimits();
        long most = (limits.allowed() ? SealedIntake.ciphertextAllowance(limits.maxTotalBytes())
                + (long) limits.maxFiles() * 64 * 1024 : 0) + ENVELOPE_BYTES;
        if (request.getContentLengthLong() > most) {
            return refused(413, "tooLarge", "sealed.tooLarge");
        }
        IntakeGate.Admission.ProveWork work = gate.workNeeded(request.getHeader(WORK_PROOF_HEADER), channel.id());
        if (work != null) {
            return proveWork(work);
        }
        FormTokens.Redemption redemption = null;
        boolean stored = false;
        try {
            Body body = Body.read(upload(most), new JakartaServletRequestContext(request));
            switch (gate.sealed(body.token(), channel.id())) {
                case IntakeGate.Admission.Admitted admitted -> redemption = admitted.redemption();
                case IntakeGate.Admission.BadToken bad -> {
                    return switch (bad.verdict()) {
                        case TOO_QUICK -> refused(422, "tooQuick", "intake.tooQuick");
                        case ALREADY_USED -> refused(409, "duplicate", "report.duplicate.text");
                        default -> refused(422, "formExpired", "intake.formExpired");
                    };
                }
                default -> throw new IllegalStateException("the sealed gate only admits or refuses a token");
            }
            Parts parts = body.parts();
            SealedIntake.Received received;
            try {
                received = intake.receive(channel, parts, redemption);
            } catch (SealedIntake.Refused refusal) {
                drain(parts);
                throw refusal;
            } catch (FormTokens.AlreadyUsed replay) {
                // sent before, maybe to another instance or before a restart: nothing was kept
                return refused(409, "duplicate", "report.duplicate.text");
            }
            // the case's transaction has committed: only now may the browser show the reply code (docs/design.md property 11)
            stored = true;
            DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language());
            Deadlines deadlines = Deadlines.receivedOn(received.receivedOn());
            JsonObject answer = JSON.createObjectBuilder()
                    .add("status", "received")
                    .add("receivedOn", day.format(received.receivedOn()))
                    .add("acknowledgeBy", day.format(deadlines.acknowledgeBy()))
                    .add("feedbackBy", day.format(deadlines.feedbackBy()))
                    .build();
            return Response.ok(answer).build();
        } catch (SealedIntake.Refused refusal) {
            return refused(refusal.status, refusal.code, refusal.messageKey, refusal.arguments);
        } catch (IOException | UncheckedIOException broken) {
            // A truncated or malformed body, or a cancelled upload: nothing was kept.
            return refused(400, "malformed", "sealed.brokenOff");
        } finally {
            if (!stored) {
                tokens.release(redemption); // no case was made: the same form may be sent again
            }
        }
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

    /** The multipart parser as this resource uses it, for a body of at most {@code most} bytes. */
    static JakartaServletFileUpload<?, ?> upload(long most) {
        JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
        upload.setMaxSize(most);
        upload.setMaxFileCount(MOST_PARTS);
        upload.setHeaderCharset(StandardCharsets.UTF_8);
        return upload;
    }

    /**
     * A request body: the form token it begins with (empty if it does not) and the parts after it. Any failure
     * of the parser is an {@link IOException}: commons-fileupload2 2.0.0-M4 throws a NullPointerException for
     * a part of type multipart/mixed without a boundary, found by fuzzing.
     */
    record Body(String token, Parts parts) {
        static Body read(JakartaServletFileUpload<?, ?> upload, RequestContext request) throws IOException {
            try {
                FileItemInputIterator items = upload.getItemIterator(request);
                FileItemInput first = items.hasNext() ? items.next() : null;
                String token = "";
                if (first != null && first.isFormField() && "token".equals(first.getFieldName())) {
                    try (InputStream in = first.getInputStream()) {
                        token = new String(in.readNBytes(256), StandardCharsets.US_ASCII);
                    }
                }
                return new Body(token, new Parts(items));
            } catch (RuntimeException parserFailure) {
                throw malformed(parserFailure);
            }
        }
    }

    private static IOException malformed(RuntimeException parserFailure) {
        return new FileUploadException("the multipart body is malformed", parserFailure);
    }

    /** Reads what is left of a refused request, so that the answer reaches the browser; keeps nothing. */
    private static void drain(Iterator<SubmissionPart> parts) throws IOException {
        while (parts.hasNext()) {
            try (InputStream in = parts.next().stream()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
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

    /** The multipart stream as submission parts; read and parser errors surface as {@link UncheckedIOException}. */
    static final class Parts implements Iterator<SubmissionPart> {
        private final FileItemInputIterator items;

        Parts(FileItemInputIterator items) {
            this.items = items;
        }

        @Override
        public boolean hasNext() {
            try {
                return items.hasNext();
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
                item = items.next();
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
