package org.candor.portal.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.candor.crypto.IntegrityCheckFailed;
import org.candor.crypto.KeyRejected;
import org.candor.crypto.OpenedStream;
import org.candor.crypto.Opener;
import org.candor.crypto.RecipientKey;
import org.candor.crypto.Sealer;
import org.candor.crypto.UnlockedKey;
import org.candor.crypto.WhistleblowerKey;
import org.candor.portal.blobstore.BlobId;
import org.candor.portal.blobstore.BlobStore;
import org.candor.portal.channel.ChannelRepository;
import org.candor.portal.channel.Problem;
import org.candor.portal.channel.RecipientKeys;
import org.candor.portal.channel.UploadLimits;

/**
 * Seals a message (text and files, streamed) to a case and adds it to the case: the one way a
 * whistleblower's message, an investigator's reply or note, outcome grounds, an appeal and its
 * decision become case items. Keeps docs/design.md properties 1, 2, 5 and 10:
 * <ul>
 *   <li>each file streams through OpenPGP encryption straight into a pending blob; the text is
 *   held in memory only until it is sealed; nothing is written in clear;</li>
 *   <li>the message is sealed to the current usable keys of the case's investigators, to any
 *   extra readers the caller names (oversight, for appeals), and, for kinds
 *   {@linkplain ItemKind#sharedWithWhistleblower() shared with the whistleblower}, to the case's
 *   whistleblower key; an internal note and its files never reach the whistleblower key;</li>
 *   <li>the items are appended in one transaction once everything is sealed and stored; a
 *   refused, failed or abandoned draft leaves no item and no blob.</li>
 * </ul>
 *
 * <p>Use: {@code try (Draft d = messages.draft(caseId, kind)) { d.text(...); d.attach(...); d.send(author); }}.
 * Reading goes through {@link #openMessage}, {@link #openReport} and {@link #checkAttachment},
 * with an {@link UnlockedKey} of the reader; they release plaintext only after the integrity
 * check passed (attachments: see {@link #checkAttachment}).
 */
@ApplicationScoped
public class CaseMessages {

    /** The longest text a message may have, in characters. */
    public static final int MAX_TEXT_CHARS = 100_000;
    /** The largest sealed message document opened in memory. */
    static final int MAX_DOCUMENT_BYTES = MAX_TEXT_CHARS * 4 + 64 * 1024;
    /** The largest report document opened in memory. */
    static final int MAX_REPORT_BYTES = 16 * 1024 * 1024;
    private static final Set<ItemKind> MESSAGE_KINDS = EnumSet.of(ItemKind.WHISTLEBLOWER_MESSAGE,
            ItemKind.INVESTIGATOR_REPLY, ItemKind.INTERNAL_NOTE, ItemKind.OUTCOME_GROUNDS, ItemKind.APPEAL,
            ItemKind.APPEAL_DECISION);

    @Inject
    CaseRepository cases;

    @Inject
    CaseStore store;

    @Inject
    BlobStore blobs;

    @Inject
    RecipientKeys recipientKeys;

    @Inject
    ChannelRepository channels;

    @Inject
    CaseStore.Transactions transactions;

    Clock clock = Clock.systemUTC();

    /** A message that cannot be sent as it is; the problem says why in words a person understands. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        public Refused(Problem problem) {
            super(problem.key(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** Starts a message of a kind to a case, with the file limits of the case's channel. */
    public Draft draft(UUID caseId, ItemKind kind) throws Refused {
        CaseFile caseFile = cases.find(caseId).orElseThrow(() -> new IllegalArgumentException("no such case"));
        UploadLimits limits = channels.find(caseFile.channelId()).map(c -> c.uploadLimits()).orElse(UploadLimits.DEFAULT);
        return draft(caseId, kind, limits, Set.of());
    }

    /**
     * Starts a message of a kind to a case.
     *
     * @param limits      how many files of what size may come with it
     * @param extraReaders staff members (for example oversight) whose usable keys the message is sealed to as well
     * @throws Refused if no investigator of the case has a usable key now ({@code message.noRecipient})
     */
    public Draft draft(UUID caseId, ItemKind kind, UploadLimits limits, Collection<UUID> extraReaders) throws Refused {
        if (!MESSAGE_KINDS.contains(kind)) {
            throw new IllegalArgumentException("not a message kind: " + kind);
        }
        CaseFile caseFile = cases.find(caseId).orElseThrow(() -> new IllegalArgumentException("no such case"));
        return new Draft(caseId, kind, Sealer.to(recipients(caseFile, kind, extraReaders)), limits, caseFile.recipients());
    }

    /**
     * The keys a message of a kind to a case is sealed to now: the current usable keys of the
     * case's investigators, of the extra readers, and the case's whistleblower key when the kind
     * is shared with the whistleblower. A browser sealing a message itself must use exactly these.
     *
     * @throws Refused if no investigator of the case has a usable key now ({@code message.noRecipient})
     */
    public List<RecipientKey> recipients(CaseFile caseFile, ItemKind kind, Collection<UUID> extraReaders) throws Refused {
        List<RecipientKey> keys = new ArrayList<>();
        for (CaseRecipient recipient : caseFile.recipients()) {
            recipientKeys.usableKeyOf(recipient.staffId()).ifPresent(keys::add);
        }
        if (keys.isEmpty()) {
            throw new Refused(Problem.of("message.noRecipient"));
        }
        for (UUID reader : new LinkedHashSet<>(extraReaders)) {
            recipientKeys.usableKeyOf(reader).ifPresent(keys::add);
        }
        if (kind.sharedWithWhistleblower()) {
            keys.add(whistleblowerKey(caseFile).recipient());
        }
        return keys;
    }

    /**
     * Adds a message sealed elsewhere (in the whistleblower's browser) whose blobs were inspected
     * and written as pending blobs: the document first, then its files with the item ids the
     * document lists. Commits the blobs and appends the items in one transaction, as
     * {@link Draft#send} does; if that fails, the blobs are deleted. {@code sealedFor} are the
     * case's investigators as they were when the parts were inspected: if a grant or revocation
     * re-sealed the case since, the message is refused ({@link CaseChangedMeanwhile}), as a draft is.
     *
     * @return the message's item id
     */
    public UUID appendSealed(UUID caseId, ItemKind kind, BlobStore.PendingBlob document,
            List<Map.Entry<UUID, BlobStore.PendingBlob>> files, Optional<UUID> author, Set<CaseRecipient> sealedFor)
            throws IOException {
        return appendSealed(caseId, kind, document, files, author, sealedFor, () -> {
        });
    }

    /**
     * {@link #appendSealed(UUID, ItemKind, BlobStore.PendingBlob, List, Optional, Set)}, running
     * {@code alsoInTheTransaction} in the transaction that adds the items (for example: marking
     * an appeal as filed), as {@link Draft#send(Optional, Runnable)} does.
     */
    public UUID appendSealed(UUID caseId, ItemKind kind, BlobStore.PendingBlob document,
            List<Map.Entry<UUID, BlobStore.PendingBlob>> files, Optional<UUID> author, Set<CaseRecipient> sealedFor,
            Runnable alsoInTheTransaction) throws IOException {
        if (!MESSAGE_KINDS.contains(kind)) {
            throw new IllegalArgumentException("not a message kind: " + kind);
        }
        UUID messageId = UUID.randomUUID();
        List<CaseStore.StoredItem> items = SealedBlobs.commit(messageId, kind, document, files);
        append(caseId, items, author, alsoInTheTransaction, Optional.of(Set.copyOf(sealedFor)));
        return messageId;
    }

    /**
     * Appends committed items in one transaction with {@code alsoInTheTransaction}; deletes their
     * blobs if it fails. With {@code sealedFor}, the investigators the items were sealed for: if a
     * grant or revocation re-sealed the case since, the items would miss or reach the wrong people,
     * and they are refused ({@link CaseChangedMeanwhile}).
     */
    private void append(UUID caseId, List<CaseStore.StoredItem> items, Optional<UUID> author, Runnable alsoInTheTransaction,
            Optional<Set<CaseRecipient>> sealedFor) throws IOException {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        boolean[] finished = {false};
        try {
            transactions.run(() -> {
                CaseFile now = cases.findForUpdate(caseId).orElseThrow(CaseChangedMeanwhile::new);
                if (sealedFor.isPresent() && !now.recipients().equals(sealedFor.get())) {
                    throw new CaseChangedMeanwhile();
                }
                alsoInTheTransaction.run();
                try {
                    store.append(caseId, items, author, today);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                finished[0] = true;
            });
        } catch (RuntimeException failed) {
            if (!finished[0]) { // a failed commit may have committed: the blob sweep decides then
                for (CaseStore.StoredItem item : items) {
                    blobs.delete(item.blob());
                }
            }
            throw failed;
        }
    }

    /** The case's whistleblower key, locked, as stored with the case. */
    public static WhistleblowerKey whistleblowerKey(CaseFile caseFile) {
        try {
            return WhistleblowerKey.fromStorage(Base64.getDecoder().decode(caseFile.whistleblowerKey()));
        } catch (KeyRejected e) {
            throw new IllegalStateException("the case's whistleblower key cannot be read", e);
        }
    }

    /**
     * A message being written: text set once, files streamed in one after the other, then sent
     * or abandoned. Not thread-safe; one request owns it. Closing an unsent draft removes the
     * files sealed so far.
     */
    public final class Draft implements AutoCloseable {
        private final UUID caseId;
        private final ItemKind kind;
        private final Sealer sealer;
        private final UploadLimits limits;
        private final Set<CaseRecipient> investigators;
        private final List<ReportContents.AttachmentEntry> attachments = new ArrayList<>();
        private final SealedBlobs sealed;
        private final List<Map.Entry<UUID, BlobStore.PendingBlob>> files = new ArrayList<>();
        private String text = "";
        private long totalBytes;
        private boolean sent;

        private Draft(UUID caseId, ItemKind kind, Sealer sealer, UploadLimits limits, Set<CaseRecipient> investigators) {
            this.caseId = caseId;
            this.kind = kind;
            this.sealer = sealer;
            this.limits = limits;
            this.investigators = investigators;
            this.sealed = new SealedBlobs(blobs, sealer);
        }

        /** The fingerprints of the keys this message is sealed to. */
        public Set<String> sealedTo() {
            return sealer.recipientFingerprints();
        }

        /** Sets the text (line ends made {@code \n}, surrounding blank space removed). */
        public void text(String typed) throws Refused {
            String cleaned = typed == null ? "" : typed.replace("\r\n", "\n").strip();
            if (cleaned.length() > MAX_TEXT_CHARS) {
                throw new Refused(Problem.of("message.textTooLong", MAX_TEXT_CHARS));
            }
            text = cleaned;
        }

        /**
         * Seals a file as it streams in. A file without a name (an empty file input) is read and
         * ignored. On a broken limit the rest of the stream is not read and the draft should be
         * abandoned.
         *
         * @return the file as the message will list it, if one was kept
         */
        public Optional<ReportContents.AttachmentEntry> attach(String fileName, String contentType, InputStream in)
                throws IOException, Refused {
            String name = SafeFileNames.clean(fileName);
            if (name.isEmpty()) {
                in.transferTo(OutputStream.nullOutputStream());
                return Optional.empty();
            }
            if (!limits.allowed()) {
                throw new Refused(Problem.of("message.filesNotAllowed"));
            }
            if (attachments.size() >= limits.maxFiles()) {
                throw new Refused(Problem.of("message.tooManyFiles", limits.maxFiles()));
            }
            SealedBlobs.SealedFile file;
            try {
                file = sealed.file(in, limits.maxFileBytes(), limits.maxTotalBytes() - totalBytes);
            } catch (SealedBlobs.TooLarge tooLarge) {
                throw new Refused(tooLarge.inAll()
                        ? Problem.of("message.filesTooLargeInAll", limits.maxTotalBytes() / UploadLimits.MIB)
                        : Problem.of("message.fileTooLarge", Math.max(1, limits.maxFileBytes() / UploadLimits.MIB)));
            }
            totalBytes += file.bytes();
            ReportContents.AttachmentEntry entry = new ReportContents.AttachmentEntry(UUID.randomUUID(),
                    MessageContents.FIELD, name, SafeFileNames.cleanType(contentType), file.bytes());
            attachments.add(entry);
            files.add(Map.entry(entry.item(), file.blob()));
            return Optional.of(entry);
        }

        /** Sends the message written by {@code author} (empty: the whistleblower); returns its item id. */
        public UUID send(Optional<UUID> author) throws IOException, Refused {
            return send(author, () -> {
            });
        }

        /**
         * Sends the message and runs {@code alsoInTheTransaction} in the transaction that adds its
         * items (for example: marking an appeal as filed), so that both happen or neither does.
         */
        public UUID send(Optional<UUID> author, Runnable alsoInTheTransaction) throws IOException, Refused {
            if (sent) {
                throw new IllegalStateException("the message was sent already");
            }
            if (text.isEmpty() && attachments.isEmpty()) {
                throw new Refused(Problem.of("message.empty"));
            }
            BlobStore.PendingBlob document = sealed.document(new MessageContents(text, attachments).toJson());
            UUID messageId = UUID.randomUUID();
            List<CaseStore.StoredItem> items = SealedBlobs.commit(messageId, kind, document, files);
            try {
                append(caseId, items, author, alsoInTheTransaction, Optional.of(investigators));
            } catch (CaseChangedMeanwhile changed) {
                throw new Refused(Problem.of("message.readersChanged"));
            }
            sent = true;
            return messageId;
        }

        /** Abandons an unsent draft: the files sealed so far are removed. */
        @Override
        public void close() {
            sealed.close();
        }

        @Override
        public String toString() {
            return "Draft[" + kind + ", " + attachments.size() + " files]";
        }
    }

    /** Opens a message item (not a report or attachment) after its integrity check. */
    public MessageContents openMessage(CaseItem item, UnlockedKey key) throws IOException {
        if (!MESSAGE_KINDS.contains(item.kind())) {
            throw new IllegalArgumentException("not a message item: " + item.kind());
        }
        try (InputStream in = blobs.open(item.blob())) {
            return MessageContents.fromJson(Opener.with(key).openAll(in, MAX_DOCUMENT_BYTES));
        }
    }

    /** Opens the report item after its integrity check. */
    public ReportContents openReport(CaseItem item, UnlockedKey key) throws IOException {
        if (item.kind() != ItemKind.REPORT) {
            throw new IllegalArgumentException("not a report item: " + item.kind());
        }
        try (InputStream in = blobs.open(item.blob())) {
            return ReportContents.fromJson(Opener.with(key).openAll(in, MAX_REPORT_BYTES));
        }
    }

    /**
     * Runs an attachment's integrity check before anything of it is released: decrypts it to the
     * end into nothing, in constant memory. Every download of the portal (the investigator's and
     * the whistleblower's) calls this first and answers with an error page when it fails, then
     * streams with {@link #releaseAttachment} (docs/design.md: "decrypted data is released only after
     * the integrity check passed").
     *
     * @throws org.candor.crypto.IntegrityCheckFailed if the ciphertext was altered or truncated
     */
    public void checkAttachment(BlobId blob, UnlockedKey key) throws IOException {
        releaseAttachment(blob, key, OutputStream.nullOutputStream());
    }

    /**
     * Streams the plaintext of an attachment that passed {@link #checkAttachment} into {@code out}
     * in constant memory. If the blob fails now (it was replaced after the check), this throws
     * {@link org.candor.crypto.IntegrityCheckFailed} instead of ending, and the caller must break
     * the response off so that no client takes it as complete (no Content-Length is announced).
     */
    public void releaseAttachment(BlobId blob, UnlockedKey key, OutputStream out) throws IOException {
        try (InputStream in = blobs.open(blob); OpenedStream plain = Opener.with(key).open(in)) {
            plain.transferTo(out);
            if (!plain.isVerified()) {
                throw new IntegrityCheckFailed("the attachment ended without its integrity check");
            }
        }
    }
}
