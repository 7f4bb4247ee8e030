package org.candor.portal.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.candor.crypto.LockSecret;
import org.candor.crypto.RecipientKey;
import org.candor.crypto.ReplyCode;
import org.candor.crypto.ReplyCodeDerivation;
import org.candor.crypto.Sealer;
import org.candor.crypto.WhistleblowerKey;
import org.candor.portal.blobstore.BlobStore;
import org.candor.portal.casefile.CaseStore;
import org.candor.portal.casefile.Deadlines;
import org.candor.portal.casefile.ItemKind;
import org.candor.portal.casefile.ReplyCodes;
import org.candor.portal.casefile.SafeFileNames;
import org.candor.portal.casefile.SealedBlobs;
import org.candor.portal.casefile.upload.Multipart;
import org.candor.portal.casefile.upload.SubmissionPart;
import org.candor.portal.casefile.ReportContents;
import org.candor.portal.channel.AnswerCheck;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.FieldType;
import org.candor.portal.channel.Problem;
import org.candor.portal.channel.QuestionField;
import org.candor.portal.channel.SubmittedAnswers;
import org.candor.portal.channel.UploadLimits;

/**
 * Receives a report sent without JavaScript and seals it on arrival (docs/design.md properties 1,
 * 2 and 10): each file streams through OpenPGP encryption straight into a pending blob, the
 * answers are held in memory only until they are sealed, and the case is created in one
 * transaction once everything is sealed and stored. A refused or interrupted submission leaves
 * no case and no blob; an acknowledged one is durable.
 *
 * <p>The report is sealed to the channel's investigators whose keys are usable now, and to a
 * whistleblower key made for the case and locked by a fresh reply code, which is returned to
 * be shown once and kept nowhere.
 */
@ApplicationScoped
public class Intake {

    /** The most form fields a submission may carry (files included). */
    public static final int MAX_PARTS = 200;
    /** Bytes a multipart body may carry beyond the files' limit (boundaries, headers, answers). */
    private static final long ENVELOPE_BYTES = 8L * 1024 * 1024;

    @Inject
    SealingRecipients sealingRecipients;

    @Inject
    BlobStore blobs;

    @Inject
    ReplyCodes replyCodes;

    @Inject
    CaseStore caseStore;

    @Inject
    FormTokens tokens;

    Clock clock = Clock.systemUTC();

    /** How large a body a report to this channel may be, and how many parts it may have. */
    public static ReportUploads.Bounds bounds(Channel channel) {
        UploadLimits limits = channel.uploadLimits();
        return new ReportUploads.Bounds((limits.allowed() ? limits.maxTotalBytes() : 0) + ENVELOPE_BYTES, MAX_PARTS);
    }

    /**
     * Reads, seals and stores a submission for a channel.
     *
     * @throws IOException when the request breaks off (the client went away); nothing is kept
     */
    public SubmissionOutcome receive(Channel channel, Iterator<SubmissionPart> parts, Locale language) throws IOException {
        return receive(channel, parts, language, Optional.empty());
    }

    /**
     * Reads, seals and stores a submission sent with an accepted form token, which is recorded as
     * used in the transaction that creates the case, and let go of when no case is made (so that
     * the same form may be sent again).
     *
     * @throws IOException when the request breaks off (the client went away); nothing is kept
     * @throws FormTokens.AlreadyUsed when the token was used before (maybe on another instance or
     *     before a restart); nothing is kept
     */
    public SubmissionOutcome receive(Channel channel, Iterator<SubmissionPart> parts, Locale language,
            FormTokens.Redemption token) throws IOException {
        try (FormTokens.Held held = tokens.hold(token)) {
            SubmissionOutcome outcome = receive(channel, parts, language, Optional.of(token));
            if (outcome instanceof SubmissionOutcome.Received) {
                held.stored();
            }
            return outcome;
        }
    }

    private SubmissionOutcome receive(Channel channel, Iterator<SubmissionPart> parts, Locale language,
            Optional<FormTokens.Redemption> token) throws IOException {
        SealingRecipients.Current current = sealingRecipients.of(channel);
        if (!channel.isPublished() || current.isEmpty()) {
            Multipart.drain(parts);
            return new SubmissionOutcome.ChannelClosed();
        }
        try (ReplyCode code = ReplyCode.generate(); LockSecret lockSecret = ReplyCodeDerivation.lockSecret(code)) {
            WhistleblowerKey whistleblowerKey = WhistleblowerKey.generate(lockSecret);
            List<RecipientKey> all = new ArrayList<>(current.keys());
            all.add(whistleblowerKey.recipient());
            try (SealedBlobs sealed = new SealedBlobs(blobs, Sealer.to(all))) {
                Reading reading = new Reading(channel, sealed);
                reading.readAll(parts);
                if (reading.limitBroken != null) {
                    Multipart.drain(parts);
                    return reading.refused(Map.of(AnswerCheck.WHOLE_FORM, List.of(reading.limitBroken)));
                }
                AnswerCheck check = channel.checkAnswers(reading.answers());
                if (!check.isValid()) {
                    return reading.refused(check.problems());
                }
                LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
                ReportContents report = new ReportContents(channel.slug(), language.getLanguage(), check.accepted(),
                        reading.attachments);
                List<CaseStore.StoredItem> items = SealedBlobs.commit(UUID.randomUUID(), ItemKind.REPORT,
                        sealed.document(report.toJson()), reading.files);
                // the one answer kept in clear: the key of the category option chosen, if the channel marks one
                UUID caseId = caseStore.createReceived(channel.id(), replyCodes.handle(code), false, today,
                        whistleblowerKey, current.caseRecipients(), items,
                        channel.questionnaire().categoryOf(check.accepted()), () -> token.ifPresent(tokens::recordUse));
                Deadlines deadlines = Deadlines.receivedOn(today);
                return new SubmissionOutcome.Received(caseId, code.display(), today, deadlines.acknowledgeBy(),
                        deadlines.feedbackBy());
            }
        }
    }

    /**
     * Reads what a refused form carried, to give it back: the answers, kept in memory only; any
     * file is read and dropped. Used when the form itself cannot be accepted (too old, sent too
     * quickly) so that the person loses no text they typed.
     */
    public SubmissionOutcome.Refused answersOnly(Channel channel, Iterator<SubmissionPart> parts, Problem problem)
            throws IOException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        boolean files = false;
        int count = 0;
        while (parts.hasNext() && ++count <= MAX_PARTS) {
            SubmissionPart part = parts.next();
            Optional<QuestionField> field = channel.questionnaire().field(part.field());
            if (part.fileName().isEmpty() && field.isPresent() && field.get().type() != FieldType.FILE) {
                byte[] bytes = readAtMost(part, Math.max(field.get().maxLength(), 64) * 4L + 16);
                if (bytes != null) {
                    values.computeIfAbsent(field.get().key(), k -> new ArrayList<>())
                            .add(new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n"));
                }
            } else {
                files |= part.fileName().filter(name -> !name.isEmpty()).isPresent();
                discard(part);
            }
        }
        Multipart.drain(parts);
        return new SubmissionOutcome.Refused(values, Map.of(AnswerCheck.WHOLE_FORM, List.of(problem)), files);
    }

    /** The state of one submission while its parts stream in. */
    private final class Reading {
        private final Channel channel;
        private final SealedBlobs sealed;
        private final UploadLimits limits;
        private final Map<String, List<String>> values = new LinkedHashMap<>();
        private final Map<String, List<Long>> fileSizes = new LinkedHashMap<>();
        private final List<ReportContents.AttachmentEntry> attachments = new ArrayList<>();
        private final List<Map.Entry<UUID, BlobStore.PendingBlob>> files = new ArrayList<>();
        private long totalBytes;
        private Problem limitBroken;

        Reading(Channel channel, SealedBlobs sealed) {
            this.channel = channel;
            this.sealed = sealed;
            this.limits = channel.uploadLimits();
        }

        void readAll(Iterator<SubmissionPart> parts) throws IOException {
            int count = 0;
            while (parts.hasNext() && limitBroken == null) {
                SubmissionPart part = parts.next();
                if (++count > MAX_PARTS) {
                    limitBroken = Problem.of("intake.tooManyParts");
                    return;
                }
                Optional<QuestionField> field = channel.questionnaire().field(part.field());
                if (part.fileName().isPresent()) {
                    readFile(part, field.filter(f -> f.type() == FieldType.FILE));
                } else if (field.isPresent() && field.get().type() != FieldType.FILE) {
                    readValue(part, field.get());
                } else {
                    discard(part);
                }
            }
        }

        private void readValue(SubmissionPart part, QuestionField field) throws IOException {
            int most = Math.max(field.maxLength(), 64);
            byte[] bytes = readAtMost(part, most * 4L + 16);
            if (bytes == null) {
                limitBroken = Problem.of("intake.textTooLong", most);
                return;
            }
            String value;
            try {
                value = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes)).toString().replace("\r\n", "\n");
            } catch (CharacterCodingException notUtf8) {
                limitBroken = Problem.of("intake.notText");
                return;
            }
            values.computeIfAbsent(field.key(), k -> new ArrayList<>()).add(value);
        }

        private void readFile(SubmissionPart part, Optional<QuestionField> field) throws IOException {
            String name = SafeFileNames.clean(part.fileName().orElse(""));
            if (field.isEmpty()) {
                discard(part);
                return;
            }
            if (name.isEmpty()) {
                discard(part); // a file input left empty
                return;
            }
            if (!limits.allowed()) {
                limitBroken = Problem.of("channel.answer.files.notAllowed");
                return;
            }
            List<Long> sizes = fileSizes.computeIfAbsent(field.get().key(), k -> new ArrayList<>());
            if (sizes.size() >= field.get().maxFiles() || attachments.size() >= limits.maxFiles()) {
                limitBroken = Problem.of("intake.tooManyFiles", Math.min(field.get().maxFiles(), limits.maxFiles()));
                return;
            }
            long maxFile = Math.min(field.get().maxFileBytes(), limits.maxFileBytes());
            SealedBlobs.SealedFile file;
            try (InputStream in = part.stream()) {
                file = sealed.file(in, maxFile, limits.maxTotalBytes() - totalBytes);
            } catch (SealedBlobs.TooLarge tooLarge) {
                limitBroken = tooLarge.inAll()
                        ? Problem.of("channel.answer.files.tooLargeInAll", limits.maxTotalBytes() / UploadLimits.MIB)
                        : Problem.of("intake.fileTooLarge", Math.max(1, maxFile / UploadLimits.MIB));
                return;
            }
            totalBytes += file.bytes();
            sizes.add(file.bytes());
            UUID item = UUID.randomUUID();
            attachments.add(new ReportContents.AttachmentEntry(item, field.get().key(), name,
                    SafeFileNames.cleanType(part.contentType()), file.bytes()));
            files.add(Map.entry(item, file.blob()));
        }

        SubmittedAnswers answers() {
            SubmittedAnswers answers = SubmittedAnswers.of(values);
            for (Map.Entry<String, List<Long>> files : fileSizes.entrySet()) {
                answers = answers.withFiles(files.getKey(), files.getValue());
            }
            return answers;
        }

        SubmissionOutcome.Refused refused(Map<String, List<Problem>> problems) {
            return new SubmissionOutcome.Refused(values, problems, !attachments.isEmpty() || sealed.begun());
        }
    }

    private static byte[] readAtMost(SubmissionPart part, long most) throws IOException {
        try (InputStream in = part.stream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (out.size() + n > most) {
                    while (in.read(buffer) >= 0) {
                        // drain the rest of an overlong field
                    }
                    return null;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static void discard(SubmissionPart part) throws IOException {
        try (InputStream in = part.stream()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
