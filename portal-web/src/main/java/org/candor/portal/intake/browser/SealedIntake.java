package org.candor.portal.intake.browser;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.candor.crypto.CiphertextInspector;
import org.candor.crypto.KeyRejected;
import org.candor.crypto.PreHandle;
import org.candor.crypto.RecipientKey;
import org.candor.crypto.WhistleblowerKey;
import org.candor.portal.blobstore.BlobStore;
import org.candor.portal.casefile.CaseStore;
import org.candor.portal.casefile.ItemKind;
import org.candor.portal.casefile.ReplyCodes;
import org.candor.portal.casefile.SealedBlobs;
import org.candor.portal.casefile.upload.InspectedUpload;
import org.candor.portal.casefile.upload.SubmissionPart;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.UploadLimits;
import org.candor.portal.intake.FormTokens;
import org.candor.portal.intake.SealingRecipients;
import org.candor.portal.intake.ReportUploads;

/**
 * Receives a report sealed in the whistleblower's browser (docs/protocol.md, "Sealed in the
 * browser", steps 3–5). Keeps docs/design.md properties 1, 2, 3 and 10: the server sees only
 * ciphertext, a pre-handle and a locked key; every message is inspected, without a key, as it
 * streams into a pending blob, and refused unless it is an integrity-protected OpenPGP message
 * addressed to exactly the channel's current recipients and the uploaded whistleblower key; any
 * refusal or broken request aborts every pending blob, so nothing is kept. The whistleblower key is
 * checked first, before any ciphertext is read: only Candor's own form of case key, with its fixed
 * creation time and pinned S2K, is accepted (docs/design.md properties 6 and 12; docs/protocol.md, "Case keys").
 */
@ApplicationScoped
public class SealedIntake {

    /** Most bytes of the locked whistleblower key. */
    static final int MAX_KEY_BYTES = 64 * 1024;
    /** Most bytes of the sealed report document (answers are bounded by the questionnaire, far below). */
    static final long MAX_REPORT_BYTES = 8L * 1024 * 1024;
    /** Bytes a body may carry beyond the files (boundaries, token, pre-handle, key, report). */
    private static final long ENVELOPE_BYTES = MAX_REPORT_BYTES + MAX_KEY_BYTES + 1024 * 1024;
    /** Token, pre-handle, whistleblower key, category, report and the files. */
    static final int MOST_PARTS = 5 + UploadLimits.MAX_FILES;

    @Inject
    SealingRecipients sealingRecipients;

    @Inject
    BlobStore blobs;

    @Inject
    ReplyCodes replyCodes;

    @Inject
    FormTokens tokens;

    @Inject
    CaseStore caseStore;

    Clock clock = Clock.systemUTC();

    /** Why an upload was refused; {@code code} names it on the wire, {@code messageKey} for people. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        public final int status;
        public final String code;
        public final String messageKey;
        public final transient Object[] arguments;

        Refused(int status, String code, String messageKey, Object... arguments) {
            super(code, null, false, false);
            this.status = status;
            this.code = code;
            this.messageKey = messageKey;
            this.arguments = arguments;
        }
    }

    /** A case stored from the browser. */
    public record Received(UUID caseId, LocalDate receivedOn) {
    }

    /** How large a body a report sealed in the browser may be for this channel, and how many parts it may have. */
    public static ReportUploads.Bounds bounds(Channel channel) {
        UploadLimits limits = channel.uploadLimits();
        return new ReportUploads.Bounds(InspectedUpload.filesAllowance(limits) + ENVELOPE_BYTES, MOST_PARTS);
    }

    /**
     * Reads the parts that follow the form token, checks and stores them.
     *
     * @throws Refused for anything the protocol refuses; nothing is kept
     * @throws IOException when the request broke off; nothing is kept
     */
    public Received receive(Channel channel, Iterator<SubmissionPart> parts) throws Refused, IOException {
        return receive(channel, parts, () -> {
        });
    }

    /**
     * {@link #receive(Channel, Iterator)} for a submission sent with an accepted form token, which
     * is recorded as used in the transaction that creates the case, and let go of when no case is
     * made (so that the same form may be sent again).
     *
     * @throws FormTokens.AlreadyUsed when the token was used before; nothing is kept
     */
    public Received receive(Channel channel, Iterator<SubmissionPart> parts, FormTokens.Redemption token)
            throws Refused, IOException {
        try (FormTokens.Held held = tokens.hold(token)) {
            Received received = receive(channel, parts, () -> tokens.recordUse(token));
            held.stored();
            return received;
        }
    }

    private Received receive(Channel channel, Iterator<SubmissionPart> parts, Runnable recordToken)
            throws Refused, IOException {
        SealingRecipients.Current current = sealingRecipients.of(channel);
        if (current.isEmpty()) {
            throw new Refused(409, "closed", "sealed.closed");
        }
        PreHandle preHandle;
        try {
            preHandle = PreHandle.fromBase64Url(new String(small(expect(parts, "prehandle"), 256), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException bad) {
            throw new Refused(400, "malformed", "sealed.malformed");
        }
        WhistleblowerKey whistleblowerKey;
        try {
            whistleblowerKey = WhistleblowerKey.fromBrowser(small(expect(parts, "whistleblower-key"), MAX_KEY_BYTES));
        } catch (KeyRejected rejected) {
            if (rejected.reason() == KeyRejected.Reason.UNSUPPORTED) {
                throw new Refused(422, "key-form", "sealed.keyForm", rejected.getMessage());
            }
            throw new Refused(400, "malformed", "sealed.badKey");
        }
        List<RecipientKey> expected = new ArrayList<>(current.keys());
        expected.add(whistleblowerKey.recipient());
        CiphertextInspector inspector = CiphertextInspector.expecting(expected);
        UploadLimits limits = channel.uploadLimits();

        SubmissionPart next = next(parts);
        Optional<String> category = Optional.empty();
        if ("category".equals(next.field())) {
            category = Optional.of(category(channel, next));
            next = next(parts);
        }
        if (!"report".equals(next.field())) {
            throw new Refused(400, "malformed", "sealed.malformed");
        }

        try (InspectedUpload upload = new InspectedUpload(blobs, inspector)) {
            BlobStore.PendingBlob report = upload.part(next.stream(), MAX_REPORT_BYTES);
            List<Map.Entry<UUID, BlobStore.PendingBlob>> files = upload.files(parts, limits);
            List<CaseStore.StoredItem> stored = SealedBlobs.commit(UUID.randomUUID(), ItemKind.REPORT, report, files);
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            UUID caseId = caseStore.createReceived(channel.id(), replyCodes.handle(preHandle), true, today,
                    whistleblowerKey, current.caseRecipients(), stored, category, recordToken);
            return new Received(caseId, today);
        } catch (InspectedUpload.Refused refused) {
            throw switch (refused.reason()) {
                case MALFORMED -> new Refused(refused.status(), refused.code(), "sealed.malformed");
                case FILES_NOT_ALLOWED -> new Refused(refused.status(), refused.code(), "channel.answer.files.notAllowed");
                case TOO_MANY_FILES -> new Refused(refused.status(), refused.code(), "intake.tooManyFiles", limits.maxFiles());
                case TOO_LARGE -> new Refused(refused.status(), refused.code(), "sealed.tooLarge");
                case WRONG_RECIPIENTS -> new Refused(refused.status(), refused.code(), "sealed.wrongRecipients");
                case NO_INTEGRITY -> new Refused(refused.status(), refused.code(), "sealed.noIntegrity");
                case NOT_SEALED -> new Refused(refused.status(), refused.code(), "sealed.notSealed");
            };
        }
    }

    private static SubmissionPart expect(Iterator<SubmissionPart> parts, String name) throws Refused {
        SubmissionPart part = next(parts);
        if (!name.equals(part.field())) {
            throw new Refused(400, "malformed", "sealed.malformed");
        }
        return part;
    }

    private static SubmissionPart next(Iterator<SubmissionPart> parts) throws Refused {
        if (!parts.hasNext()) {
            throw new Refused(400, "malformed", "sealed.malformed");
        }
        return parts.next();
    }

    /**
     * The category sent in clear beside the sealed report (docs/protocol.md): accepted only as the
     * key of an option of the channel's category question. Whether it is the answer sealed in the
     * report cannot be checked here; a different one only files the case under another category.
     */
    private static String category(Channel channel, SubmissionPart part) throws IOException, Refused {
        String key = new String(small(part, 64), StandardCharsets.UTF_8);
        if (!channel.questionnaire().isCategoryOption(key)) {
            throw new Refused(422, "category", "sealed.category");
        }
        return key;
    }

    private static byte[] small(SubmissionPart part, int most) throws IOException, Refused {
        try (InputStream in = part.stream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (out.size() + n > most) {
                    throw new Refused(400, "malformed", "sealed.malformed");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}
