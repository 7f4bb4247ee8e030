package org.candor.portal.contact.api;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.candor.crypto.CiphertextInspector;
import org.candor.crypto.PreHandle;
import org.candor.crypto.RecipientKey;
import org.candor.portal.appeal.Appeals;
import org.candor.portal.blobstore.BlobStore;
import org.candor.portal.casefile.CaseChangedMeanwhile;
import org.candor.portal.casefile.CaseFile;
import org.candor.portal.casefile.CaseItem;
import org.candor.portal.casefile.CaseMessages;
import org.candor.portal.casefile.CaseRecipient;
import org.candor.portal.casefile.CaseRepository;
import org.candor.portal.casefile.ItemKind;
import org.candor.portal.casefile.ItemReaders;
import org.candor.portal.casefile.upload.InspectedUpload;
import org.candor.portal.casefile.upload.Multipart;
import org.candor.portal.casefile.upload.SubmissionPart;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.ChannelRepository;
import org.candor.portal.channel.ChoiceOption;
import org.candor.portal.channel.QuestionField;
import org.candor.portal.channel.UploadLimits;
import org.candor.portal.contact.ContactSignIn;
import org.candor.portal.contact.StatusView;
import org.candor.portal.contact.WhistleblowerSession;
import org.candor.portal.contact.WhistleblowerSessions;
import org.candor.portal.governance.retention.RetentionNotice;
import org.candor.portal.governance.retention.RetentionNotices;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.i18n.Messages;
import org.candor.portal.platform.web.SessionTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /contact/browser}: the whistleblower's way back in with JavaScript, where the reply
 * code, the lock secret and every plaintext stay in the browser (docs/protocol.md, "Contact with
 * JavaScript"). Keeps docs/design.md properties 1, 2, 3 and 5. A thin adapter: sign-in goes through
 * {@link ContactSignIn} (the same throttle and the same hit/miss work as the plain form); the
 * case answer holds only the locked key, public keys and the metadata of the items the whistleblower
 * reads ({@link ItemReaders}: a file of an internal note is internal, and not even its existence is
 * told); those items go out as
 * ciphertext; a message comes in as ciphertext that {@link CiphertextInspector} checks, part by
 * part, against exactly the keys the server would seal to, and is stored by
 * {@link CaseMessages#appendSealed} as the plain path would store it. Every answer is JSON.
 */
@Path("/contact/browser")
@Produces(MediaType.APPLICATION_JSON)
public class BrowserContact {

    /** Found once: {@code Json.create*} looks the provider up with a ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Most bytes of the sealed message document: the longest text, four bytes a character, and framing. */
    static final long MAX_DOCUMENT_BYTES = CaseMessages.MAX_TEXT_CHARS * 4L + 64 * 1024;

    @Inject
    ContactSignIn signIn;

    @Inject
    WhistleblowerSessions sessions;

    @Inject
    CaseRepository cases;

    @Inject
    CaseMessages messages;

    @Inject
    ChannelRepository channels;

    @Inject
    BlobStore blobs;

    @Inject
    Appeals appeals;

    @Inject
    RetentionNotices retentionNotices;

    @Inject
    @ConfigProperty(name = "candor.contact.idle-minutes", defaultValue = "10")
    int idleMinutes;

    @Context
    HttpServletRequest request;

    /** Sign-in with the pre-handle; the answer says signed-in, wrong, throttled or malformed, nothing more. */
    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("prehandle") String encoded) {
        PreHandle preHandle;
        try {
            preHandle = PreHandle.fromBase64Url(encoded == null ? "" : encoded);
        } catch (IllegalArgumentException notAPreHandle) {
            return answer(400, "malformed", "contact.browser.malformed");
        }
        return switch (signIn.signIn(preHandle)) {
            case ContactSignIn.BrowserResult.Found found -> {
                sessions.startInBrowser(request, found.caseId(), idleMinutes);
                // The session's synchronizer token: the script sends it with every later POST.
                yield Response.ok(JSON.createObjectBuilder().add("status", "signed-in")
                        .add("token", SessionTokens.of(request.getSession(false))).build()).build();
            }
            case ContactSignIn.Result.Wrong wrong -> answer(403, "wrong", "contact.wrong");
            case ContactSignIn.Result.Throttled throttled -> answer(429, "throttled", "contact.throttled",
                    Math.max(1, (throttled.retryAfter().toSeconds() + 59) / 60));
        };
    }

    /** The case as the browser needs it to open and answer: the locked key, recipients, and item metadata. */
    @GET
    @Path("case")
    public Response describe() {
        Optional<CaseFile> signed = signed();
        if (signed.isEmpty()) {
            return answer(401, "signed-out", "contact.expired");
        }
        CaseFile caseFile = signed.get();
        Locale language = Languages.of(request);
        JsonArrayBuilder recipients = JSON.createArrayBuilder();
        boolean open = true;
        try {
            for (RecipientKey key : messages.recipients(caseFile, ItemKind.WHISTLEBLOWER_MESSAGE, Set.of())) {
                recipients.add(JSON.createObjectBuilder().add("fingerprint", key.fingerprint()).add("key", key.toArmored()));
            }
        } catch (CaseMessages.Refused noRecipient) {
            open = false;
        }
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (CaseItem item : ItemReaders.sharedWithWhistleblower(cases.items(caseFile.id()))) {
            items.add(JSON.createObjectBuilder().add("id", item.id().toString()).add("kind", item.kind().name())
                    .add("day", Messages.day(item.createdOn(), language)).add("bytes", item.ciphertextBytes()));
        }
        Optional<Channel> channel = channels.find(caseFile.channelId());
        UploadLimits limits = channel.map(Channel::uploadLimits).orElse(UploadLimits.DEFAULT);
        JsonObjectBuilder appeal = JSON.createObjectBuilder();
        StatusView status = StatusView.of(caseFile, LocalDate.now(ZoneOffset.UTC), appeals.of(caseFile.id()));
        if (status.appealState().equals("allowed")) {
            try {
                JsonArrayBuilder appealRecipients = JSON.createArrayBuilder();
                for (RecipientKey key : appeals.recipients(caseFile)) {
                    appealRecipients.add(JSON.createObjectBuilder().add("fingerprint", key.fingerprint()).add("key", key.toArmored()));
                }
                appeal.add("recipients", appealRecipients);
            } catch (CaseMessages.Refused noRecipient) {
                // no investigator can receive: the page says the appeal cannot be sent now
            }
        }
        JsonObject body = JSON.createObjectBuilder()
                .add("format", "candor-contact-v1")
                .add("key", CaseMessages.whistleblowerKey(caseFile).toLockedArmored())
                .add("keyFingerprint", CaseMessages.whistleblowerKey(caseFile).fingerprint())
                .add("receivedOn", Messages.day(caseFile.receivedOn(), language))
                .add("open", open)
                .add("recipients", recipients)
                .add("questions", questions(channel, language))
                .add("items", items)
                .add("status", status(status, retentionNotices.forCase(caseFile.id()), appeal, language))
                .add("limits", JSON.createObjectBuilder().add("filesAllowed", limits.allowed())
                        .add("maxFiles", limits.maxFiles()).add("maxFileBytes", limits.maxFileBytes())
                        .add("maxTotalBytes", limits.maxTotalBytes()).add("maxTextChars", CaseMessages.MAX_TEXT_CHARS))
                .build();
        return Response.ok(body).cacheControl(noStore()).build();
    }

    /** One item's ciphertext, as stored. */
    @GET
    @Path("items/{item}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response item(@PathParam("item") String item) {
        Optional<CaseFile> signed = signed();
        if (signed.isEmpty()) {
            return answer(401, "signed-out", "contact.expired");
        }
        Optional<CaseItem> found = ItemReaders.sharedWithWhistleblower(cases.items(signed.get().id())).stream()
                .filter(i -> i.id().toString().equals(item)).findFirst();
        if (found.isEmpty()) {
            return answer(404, "no-such-item", "contact.browser.noSuchItem");
        }
        StreamingOutput body = out -> {
            try (InputStream in = blobs.open(found.get().blob())) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE).cacheControl(noStore())
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /**
     * A message sealed in the browser: the part {@code message} (a sealed {@code candor-message-v1}
     * document), then one part {@code file-<uuid>} per file. Nothing is kept unless every part is
     * an integrity-protected OpenPGP message addressed to exactly the case's recipients.
     */
    @POST
    @Path("messages")
    public Response send() {
        Optional<CaseFile> signed = signed();
        if (signed.isEmpty()) {
            Multipart.drain(request);
            return answer(401, "signed-out", "contact.expired");
        }
        CaseFile caseFile = signed.get();
        List<RecipientKey> expected;
        try {
            expected = messages.recipients(caseFile, ItemKind.WHISTLEBLOWER_MESSAGE, Set.of());
        } catch (CaseMessages.Refused noRecipient) {
            Multipart.drain(request);
            return answer(409, "closed", "message.noRecipient");
        }
        return receive(caseFile, expected, (document, files, inspectedFor) -> messages.appendSealed(caseFile.id(),
                ItemKind.WHISTLEBLOWER_MESSAGE, document, files, Optional.empty(), inspectedFor));
    }

    /**
     * An appeal whose reasons were sealed in the browser, in the same parts as a message, to the
     * keys {@link #describe} lists under {@code appeal.recipients}: the case's investigators, the
     * oversight and the case key. Filed with the appeal row in one transaction, or not at all.
     */
    @POST
    @Path("appeal")
    public Response appeal() {
        Optional<CaseFile> signed = signed();
        if (signed.isEmpty()) {
            Multipart.drain(request);
            return answer(401, "signed-out", "contact.expired");
        }
        CaseFile caseFile = signed.get();
        if (appeals.mayFile(caseFile).isEmpty()) {
            Multipart.drain(request);
            return answer(409, "notAllowed", "appeal.notAllowed");
        }
        List<RecipientKey> expected;
        try {
            expected = appeals.recipients(caseFile);
        } catch (CaseMessages.Refused noRecipient) {
            Multipart.drain(request);
            return answer(409, "closed", "message.noRecipient");
        }
        return receive(caseFile, expected,
                (reasons, files, inspectedFor) -> appeals.fileSealed(caseFile.id(), reasons, files, inspectedFor));
    }

    /** Stores the inspected parts of a message or appeal; runs once every part passed. */
    @FunctionalInterface
    private interface SealedStore {
        void store(BlobStore.PendingBlob document, List<Map.Entry<UUID, BlobStore.PendingBlob>> files,
                Set<CaseRecipient> inspectedFor) throws IOException;
    }

    /**
     * Reads the parts of a message sealed in the browser, inspecting each as it streams into a
     * pending blob against exactly {@code expected}, within the channel's limits; hands them to
     * {@code store} only when all passed. Whatever is refused or breaks off leaves nothing behind.
     */
    private Response receive(CaseFile caseFile, List<RecipientKey> expected, SealedStore store) {
        UploadLimits limits = channels.find(caseFile.channelId()).map(Channel::uploadLimits).orElse(UploadLimits.DEFAULT);
        long most = MAX_DOCUMENT_BYTES + 1024 * 1024 + InspectedUpload.filesAllowance(limits);
        if (request.getContentLengthLong() > most) {
            return answer(413, "tooLarge", "contact.browser.tooLarge");
        }
        if (!Multipart.isMultipart(request)) {
            Multipart.drain(request);
            return answer(415, "notMultipart", "contact.browser.malformed");
        }
        Set<CaseRecipient> inspectedFor = Set.copyOf(caseFile.recipients());
        try (InspectedUpload upload = new InspectedUpload(blobs, CiphertextInspector.expecting(expected))) {
            Iterator<SubmissionPart> parts = Multipart.parts(request, most, 2 + (long) limits.maxFiles());
            if (!parts.hasNext()) {
                return answer(400, "malformed", "contact.browser.malformed");
            }
            SubmissionPart first = parts.next();
            if (!"message".equals(first.field())) {
                Multipart.drain(request);
                return answer(400, "malformed", "contact.browser.malformed");
            }
            BlobStore.PendingBlob document = upload.part(first.stream(), MAX_DOCUMENT_BYTES);
            store.store(document, upload.files(parts, limits), inspectedFor);
            return Response.ok(JSON.createObjectBuilder().add("status", "sent").build()).build();
        } catch (InspectedUpload.Refused refusal) {
            Multipart.drain(request);
            return switch (refusal.reason()) {
                case FILES_NOT_ALLOWED -> answer(422, "limits", "message.filesNotAllowed");
                case TOO_MANY_FILES -> answer(422, "limits", "message.tooManyFiles", limits.maxFiles());
                default -> answer(refusal.status(), refusal.code(), "contact.browser." + refusal.code());
            };
        } catch (FileUploadException malformed) {
            Multipart.drain(request);
            return answer(400, "malformed", "contact.browser.malformed");
        } catch (UncheckedIOException broken) {
            if (broken.getCause() instanceof FileUploadException) {
                Multipart.drain(request);
                return answer(400, "malformed", "contact.browser.malformed");
            }
            return answer(400, "malformed", "contact.browser.brokenOff");
        } catch (CaseChangedMeanwhile changed) {
            // a grant or revocation re-sealed the case during the upload: the parts are addressed to the former readers
            Multipart.drain(request);
            return answer(409, "readersChanged", "message.readersChanged");
        } catch (Appeals.AlreadyFiled twice) {
            // another request filed the appeal meanwhile, or the case may no longer be appealed
            Multipart.drain(request);
            return answer(409, "notAllowed", "appeal.notAllowed");
        } catch (IOException | RuntimeException brokenOff) {
            // a truncated body, a cancelled upload, or a store that failed: nothing was kept
            return answer(400, "malformed", "contact.browser.brokenOff");
        }
    }

    /**
     * Keeps the browser's wrapped lock secret in the session, for a reload of the page (see
     * {@link WhistleblowerSession#keepForReload}); base64url, at most
     * {@value WhistleblowerSession#MAX_WRAPPED_BYTES} bytes.
     */
    @POST
    @Path("reload")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response keepForReload(@FormParam("wrapped") String wrapped) {
        Optional<WhistleblowerSession> session = sessions.inBrowser(request);
        if (session.isEmpty()) {
            return answer(401, "signed-out", "contact.expired");
        }
        try {
            session.get().keepForReload(Base64.getUrlDecoder().decode(wrapped == null ? "" : wrapped));
        } catch (IllegalArgumentException malformed) {
            return answer(400, "malformed", "contact.browser.malformed");
        }
        return Response.ok(JSON.createObjectBuilder().add("status", "kept").build()).cacheControl(noStore()).build();
    }

    /**
     * After a reload: the wrapped lock secret and the session's token, when this session is still
     * signed in and kept one; otherwise 401, and the page asks for the reply code again.
     */
    @GET
    @Path("reload")
    public Response reload() {
        Optional<byte[]> wrapped = sessions.inBrowser(request).flatMap(WhistleblowerSession::forReload);
        if (wrapped.isEmpty() || signed().isEmpty()) {
            return answer(401, "signed-out", "contact.expired");
        }
        return Response.ok(JSON.createObjectBuilder().add("status", "signed-in")
                .add("wrapped", Base64.getUrlEncoder().withoutPadding().encodeToString(wrapped.get()))
                .add("token", SessionTokens.of(request.getSession(false))).build()).cacheControl(noStore()).build();
    }

    /** Ends the session of the browser path. */
    @POST
    @Path("sign-out")
    public Response signOut() {
        sessions.end(request);
        return Response.ok(JSON.createObjectBuilder().add("status", "signed-out").build()).build();
    }

    /**
     * The status page's values in words of the page's language, for the browser to show beside
     * the conversation: the same facts the plain status page shows (the grounds of an outcome or
     * a decision are sealed items, decrypted by the browser). Dates are written as there.
     */
    private static JsonObjectBuilder status(StatusView view, RetentionNotice retention, JsonObjectBuilder appeal,
            Locale language) {
        JsonArrayBuilder timeline = JSON.createArrayBuilder();
        for (StatusView.Step step : view.timeline()) {
            timeline.add(JSON.createObjectBuilder().add("day", Messages.day(step.day(), language))
                    .add("text", Messages.get(language, "contact.step." + step.status())));
        }
        JsonArrayBuilder deadlines = JSON.createArrayBuilder()
                .add(JSON.createObjectBuilder().add("id", "acknowledgement")
                        .add("label", Messages.get(language, "contact.deadline.acknowledge", view.acknowledgeBy()))
                        .add("state", Messages.get(language, "contact.deadline." + view.acknowledgement())))
                .add(JSON.createObjectBuilder().add("id", "feedback")
                        .add("label", Messages.get(language, "contact.deadline.feedback", view.feedbackBy()))
                        .add("state", Messages.get(language, "contact.deadline." + view.feedback())));
        String appealText = switch (view.appealState()) {
            case "allowed" -> Messages.get(language, "contact.appeal.allowed." + view.appealGround());
            case "pending" -> Messages.get(language, "contact.appeal.pending", view.appealFiledOn());
            case "decided" -> Messages.get(language, "contact.appeal.decided", view.decidedOn());
            default -> Messages.get(language, "contact.appeal.notYet");
        };
        appeal.add("state", view.appealState()).add("text", appealText)
                .add("decision", view.decision().isEmpty() ? "" : Messages.get(language, "contact.decision." + view.decision()));
        return JSON.createObjectBuilder()
                .add("text", Messages.get(language, "contact.status." + view.status()))
                .add("timeline", timeline)
                .add("deadlines", deadlines)
                .add("outcome", view.outcome().isEmpty() ? "" : Messages.get(language, "contact.outcome." + view.outcome()))
                .add("retention", retention.deleteOn().isPresent()
                        ? Messages.get(language, retention.messageKey(), retention.retentionDays(), retention.deleteOn().get())
                        : Messages.get(language, retention.messageKey(), retention.retentionDays()))
                .add("appeal", appeal);
    }

    private static JsonArrayBuilder questions(Optional<Channel> channel, Locale language) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        if (channel.isPresent()) {
            for (QuestionField field : channel.get().questionnaire().fields()) {
                JsonObjectBuilder options = JSON.createObjectBuilder();
                for (ChoiceOption option : field.options()) {
                    options.add(option.key(), option.label().in(language));
                }
                out.add(JSON.createObjectBuilder().add("key", field.key()).add("label", field.labelIn(language))
                        .add("options", options));
            }
        }
        return out;
    }

    /** The case of a session started from the browser path; a deleted case ends the session. */
    private Optional<CaseFile> signed() {
        Optional<WhistleblowerSession> session = sessions.inBrowser(request);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Optional<CaseFile> caseFile = cases.find(session.get().caseId());
        if (caseFile.isEmpty()) {
            sessions.end(request);
        }
        return caseFile;
    }

    private Response answer(int status, String problem, String messageKey, Object... arguments) {
        JsonObject body = JSON.createObjectBuilder()
                .add("status", "refused")
                .add("problem", problem)
                .add("message", Messages.get(Languages.of(request), messageKey, arguments))
                .build();
        return Response.status(status).type(MediaType.APPLICATION_JSON).cacheControl(noStore()).entity(body).build();
    }

    private static CacheControl noStore() {
        CacheControl control = new CacheControl();
        control.setNoStore(true);
        return control;
    }
}
