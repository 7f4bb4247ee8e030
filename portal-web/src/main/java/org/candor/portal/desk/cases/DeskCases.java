package org.candor.portal.desk.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.candor.crypto.CryptoException;
import org.candor.crypto.IntegrityCheckFailed;
import org.candor.crypto.KeyRejected;
import org.candor.crypto.Opener;
import org.candor.crypto.RecipientKey;
import org.candor.crypto.Sealer;
import org.candor.crypto.UnlockedKey;
import org.candor.crypto.WhistleblowerKey;
import org.candor.portal.audit.Actor;
import org.candor.portal.audit.AuditAction;
import org.candor.portal.audit.AuditEvent;
import org.candor.portal.audit.AuditLog;
import org.candor.portal.blobstore.BlobId;
import org.candor.portal.blobstore.BlobStore;
import org.candor.portal.casefile.CaseFile;
import org.candor.portal.casefile.CaseItem;
import org.candor.portal.casefile.CaseListQuery;
import org.candor.portal.casefile.CaseMessages;
import org.candor.portal.casefile.CaseRecipient;
import org.candor.portal.casefile.CaseRepository;
import org.candor.portal.casefile.CaseStatus;
import org.candor.portal.casefile.CaseStore;
import org.candor.portal.casefile.ItemKind;
import org.candor.portal.casefile.MessageContents;
import org.candor.portal.casefile.Outcome;
import org.candor.portal.casefile.ReportContents;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.ChannelRepository;
import org.candor.portal.channel.ChoiceOption;
import org.candor.portal.channel.QuestionField;
import org.candor.portal.channel.RecipientKeys;
import org.candor.portal.channel.UploadLimits;
import org.candor.portal.staff.key.UnlockedKeyHolder;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.StaffMember;
import org.candor.portal.staff.StaffRepository;
import org.candor.portal.staff.session.SignedInStaff;

/**
 * What an investigator does with one case: open it, download its files, move it through its
 * lifecycle, label it. Keeps docs/design.md properties 4 and 8: contents are opened only with the
 * investigator's key unlocked in this session, and every opening and every status change is
 * audited in the same transaction.
 *
 * <p>Access: a case is reachable only by the investigators it is sealed to; for anyone else it
 * does not exist ({@link NotFoundException}, 404), so that case ids cannot be probed.
 *
 * <p>Integrity (docs/design.md "decrypted data is released only after the integrity check passed"):
 * report and messages are opened whole with {@link Opener#openAll}, which returns only checked
 * plaintext. A decrypted attachment is read twice, by the same code as the whistleblower's
 * download ({@link CaseMessages#checkAttachment}, then {@link CaseMessages#releaseAttachment}):
 * once to the end into nothing, which runs the OpenPGP integrity check (MDC) before a single byte
 * is sent, then again streaming to the response; a failure in that second pass (the blob changed
 * in between) throws from the stream and the response is aborted, never completed.
 */
@ApplicationScoped
public class DeskCases {

    /** Largest opened report or message held in memory. */
    static final int MAX_TEXT_BYTES = 16 * 1024 * 1024;
    /** Longest grounds of an outcome, in characters. */
    public static final int MAX_GROUNDS = 20_000;
    /** Most labels on one case. */
    public static final int MAX_LABELS = 20;

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    @Inject
    UnlockedKeyHolder unlocked;

    @Inject
    BlobStore blobs;

    @Inject
    CaseStore caseStore;

    @Inject
    CaseRepository caseRepository;

    @Inject
    ChannelRepository channels;

    @Inject
    RecipientKeys recipientKeys;

    @Inject
    StaffRepository staff;

    @Inject
    AuditLog audit;

    @Inject
    CaseMessages messages;

    @Inject
    CaseListQuery reads;

    Clock clock = Clock.systemUTC();

    /** The case if the investigator may open it; 404 otherwise. */
    @Transactional
    public CaseFile caseFor(SignedInStaff me, UUID caseId) {
        return Optional.ofNullable(em.find(CaseFile.class, caseId)).filter(c -> c.isSealedTo(me.id()))
                .orElseThrow(NotFoundException::new);
    }

    /** The case's channel, for its name and questionnaire. */
    public Optional<Channel> channelOf(CaseFile caseFile) {
        return channels.find(caseFile.channelId());
    }

    /** Today, as the deadlines count days (UTC). */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** The items of a case, in order. */
    public List<CaseItem> items(UUID caseId) {
        return caseRepository.items(caseId);
    }

    /** The investigator's unlocked key; {@link KeyLocked} if it is locked. */
    public UnlockedKey key() {
        return unlocked.key().orElseThrow(KeyLocked::new);
    }

    /**
     * Opens the case's report and conversation with the unlocked key, and records the opening
     * (CASE_CONTENTS_OPENED) in the same transaction.
     */
    @Transactional
    public CaseView open(SignedInStaff me, UUID caseId, Locale language) {
        CaseFile caseFile = caseFor(me, caseId);
        Opener opener = Opener.with(key());
        List<CaseItem> items = items(caseId);
        Optional<Channel> channel = channelOf(caseFile);
        List<CaseView.Answer> answers = new ArrayList<>();
        List<CaseView.Attachment> attachments = new ArrayList<>();
        List<CaseView.Entry> conversation = new ArrayList<>();
        boolean reportDamaged = false;
        String reportLanguage = "";
        Map<UUID, String> names = new LinkedHashMap<>();
        for (CaseItem item : items) {
            switch (item.kind()) {
                case REPORT -> {
                    try {
                        ReportContents report = ReportContents.fromJson(openAll(opener, item.blob()));
                        reportLanguage = report.language();
                        answers.addAll(answers(report, channel, language));
                        for (ReportContents.AttachmentEntry a : report.attachments()) {
                            attachments.add(new CaseView.Attachment(a.item(), a.name(), a.contentType(), a.size(),
                                    channel.flatMap(c -> c.questionnaire().field(a.field()))
                                            .map(f -> f.labelIn(language)).orElse(a.field())));
                        }
                    } catch (IOException | IllegalArgumentException damaged) {
                        reportDamaged = true;
                    }
                }
                case ATTACHMENT -> {
                    // listed by the report or message that carries it
                }
                default -> conversation.add(entry(opener, item, names));
            }
        }
        audit.record(AuditEvent.of(AuditAction.CASE_CONTENTS_OPENED, actor(me)).about("case", caseId)
                .with("part", "case").with("items", items.size()));
        if (!items.isEmpty()) {
            try {
                reads.markRead(me.id(), caseId, items.getLast().position());
            } catch (RuntimeException raced) {
                // another opening of the same case recorded it first; the list shows it read either way
            }
        }
        return new CaseView(answers, attachments, conversation, reportDamaged, reportLanguage);
    }

    /** What a verified download needs: the item, its file name and type. */
    public record Download(CaseItem item, String name, String contentType) {
    }

    /**
     * Checks an attachment of the case before it is released: decrypts it to the end into nothing,
     * which runs the integrity check. Records the download (CASE_CONTENTS_OPENED, part attachment)
     * only once the check passed.
     *
     * @throws IntegrityCheckFailed if the ciphertext was altered or truncated: nothing is released
     */
    @Transactional(dontRollbackOn = CryptoException.class)
    public Download checkAttachment(SignedInStaff me, UUID caseId, UUID itemId) throws IOException {
        CaseItem item = attachment(me, caseId, itemId);
        Opener opener = Opener.with(key());
        messages.checkAttachment(item.blob(), key());
        CaseView.Attachment listed = listedAttachment(opener, caseId, itemId);
        audit.record(AuditEvent.of(AuditAction.CASE_CONTENTS_OPENED, actor(me)).about("case", caseId)
                .with("part", "attachment").with("item", itemId.toString()));
        return new Download(item, listed.name(), listed.contentType());
    }

    /**
     * Streams a checked attachment's plaintext. If the blob fails now (it was replaced after the
     * check), the stream throws {@link IntegrityCheckFailed} before its end and the caller must
     * abort the response.
     */
    public void streamAttachment(Download download, OutputStream out) throws IOException {
        messages.releaseAttachment(download.item().blob(), key(), out);
    }

    /**
     * The original ciphertext of an attachment, for GnuPG. Needs no unlocked key (nothing is
     * decrypted), but it is a download of case contents and is audited as such.
     */
    @Transactional
    public Download ciphertext(SignedInStaff me, UUID caseId, UUID itemId) {
        CaseItem item = attachment(me, caseId, itemId);
        String name = unlocked.key().map(key -> {
            try {
                return listedAttachment(Opener.with(key), caseId, itemId).name();
            } catch (RuntimeException e) {
                return "";
            }
        }).filter(n -> !n.isBlank()).orElse("attachment-" + item.position());
        audit.record(AuditEvent.of(AuditAction.CASE_CONTENTS_OPENED, actor(me)).about("case", caseId)
                .with("part", "ciphertext").with("item", itemId.toString()));
        return new Download(item, name + ".gpg", "application/pgp-encrypted");
    }

    /** Opens a blob's ciphertext for reading. */
    public InputStream openBlob(BlobId blob) throws IOException {
        return blobs.open(blob);
    }

    /** Moves a case to the next status, if the form was made for its current status. */
    @Transactional
    public void move(SignedInStaff me, UUID caseId, CaseStatus from, CaseStatus to) {
        CaseFile caseFile = caseFor(me, caseId);
        if (caseFile.status() != from) {
            throw new StaleCase();
        }
        if (!from.mayMoveTo(to) || to == CaseStatus.CONCLUDED) {
            throw new InvalidCaseInput("cases.status.notAllowed");
        }
        LocalDate today = today();
        switch (to) {
            case ACKNOWLEDGED -> caseFile.acknowledge(today);
            case IN_ASSESSMENT -> caseFile.startAssessment(today);
            case IN_INVESTIGATION -> caseFile.startInvestigation(today);
            default -> throw new InvalidCaseInput("cases.status.notAllowed");
        }
        audit.record(AuditEvent.of(AuditAction.CASE_STATUS_CHANGED, actor(me)).about("case", caseId)
                .with("from", from.name()).with("to", to.name()));
    }

    /**
     * Concludes a case with an outcome and its grounds. The grounds are a message
     * ({@link ItemKind#OUTCOME_GROUNDS}, {@code candor-message-v1}, so that the whistleblower's
     * contact pages read them as every other message) sealed with {@link CaseMessages} to the
     * case's investigators, its whistleblower key and every enabled oversight member with a usable
     * key (oversight reads them when it decides an appeal against the outcome). The status change,
     * the item and the audit entry are written in one transaction: all or nothing.
     */
    @Transactional(rollbackOn = Exception.class)
    public void conclude(SignedInStaff me, UUID caseId, CaseStatus from, String outcome, String grounds)
            throws IOException {
        CaseFile caseFile = caseFor(me, caseId);
        if (caseFile.status() != from) {
            throw new StaleCase();
        }
        Outcome kind;
        try {
            kind = Outcome.valueOf(outcome == null ? "" : outcome.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidCaseInput("cases.conclude.outcomeMissing");
        }
        String text = grounds == null ? "" : grounds.replace("\r\n", "\n").strip();
        if (text.isEmpty()) {
            throw new InvalidCaseInput("cases.conclude.groundsMissing");
        }
        if (text.length() > MAX_GROUNDS) {
            throw new InvalidCaseInput("cases.conclude.groundsTooLong");
        }
        if (!from.mayMoveTo(CaseStatus.CONCLUDED)) {
            throw new InvalidCaseInput("cases.status.notAllowed");
        }
        caseFile.conclude(kind, today());
        try (CaseMessages.Draft draft = messages.draft(caseId, ItemKind.OUTCOME_GROUNDS, UploadLimits.DEFAULT, oversight())) {
            draft.text(text);
            draft.send(Optional.of(me.id()), () -> audit.record(AuditEvent.of(AuditAction.CASE_STATUS_CHANGED, actor(me))
                    .about("case", caseId).with("from", from.name()).with("to", CaseStatus.CONCLUDED.name())
                    .with("outcome", kind.name())));
        } catch (CaseMessages.Refused refused) {
            throw new InvalidCaseInput(refused.problem().key().equals("message.noRecipient") ? "cases.seal.noKey"
                    : "cases.conclude.groundsMissing");
        }
    }

    /**
     * Starts a reply to the whistleblower ({@link ItemKind#INVESTIGATOR_REPLY}) or an internal
     * note ({@link ItemKind#INTERNAL_NOTE}) on a case the investigator may open, with the case's
     * channel's file limits. A note is sealed to the case's investigators only
     * ({@link ItemKind#sharedWithWhistleblower()} is false for it), never to the whistleblower key.
     *
     * @throws CaseMessages.Refused when no investigator of the case has a usable key now
     */
    public CaseMessages.Draft draft(SignedInStaff me, UUID caseId, ItemKind kind) throws CaseMessages.Refused {
        if (kind != ItemKind.INVESTIGATOR_REPLY && kind != ItemKind.INTERNAL_NOTE) {
            throw new IllegalArgumentException("the desk writes replies and notes only: " + kind);
        }
        caseFor(me, caseId);
        return messages.draft(caseId, kind);
    }

    /**
     * Sends a reply or note written into a draft, and records it (CASE_REPLIED or
     * CASE_NOTE_ADDED, with the number of files, never their names) in the transaction that adds
     * its items.
     */
    public UUID send(SignedInStaff me, UUID caseId, ItemKind kind, CaseMessages.Draft draft, int files)
            throws IOException, CaseMessages.Refused {
        caseFor(me, caseId);
        AuditAction action = kind == ItemKind.INTERNAL_NOTE ? AuditAction.CASE_NOTE_ADDED : AuditAction.CASE_REPLIED;
        return draft.send(Optional.of(me.id()), () -> audit.record(AuditEvent.of(action, actor(me)).about("case", caseId)
                .with("files", files)));
    }

    /** The enabled oversight members, whose usable keys outcome grounds are sealed to as well. */
    private List<UUID> oversight() {
        return staff.all().stream().filter(StaffMember::isEnabled).filter(m -> m.holds(Role.OVERSIGHT))
                .map(StaffMember::id).toList();
    }

    /** The labels of a case, sorted. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> labels(UUID caseId) {
        return ((List<Object>) em.createNativeQuery("select label from case_label where case_id = cast(?1 as uuid)"
                + " order by label").setParameter(1, caseId.toString()).getResultList()).stream()
                .map(String::valueOf).toList();
    }

    /** Adds a label; adding one the case has is no change and not audited. */
    @Transactional
    public void addLabel(SignedInStaff me, UUID caseId, String typed) {
        caseFor(me, caseId);
        Label label = Label.of(typed);
        List<String> current = labels(caseId);
        if (current.contains(label.value())) {
            return;
        }
        if (current.size() >= MAX_LABELS) {
            throw new InvalidCaseInput("cases.label.tooMany");
        }
        em.createNativeQuery("insert into case_label (case_id, label) values (cast(?1 as uuid), ?2)")
                .setParameter(1, caseId.toString()).setParameter(2, label.value()).executeUpdate();
        audit.record(AuditEvent.of(AuditAction.CASE_LABELLED, actor(me)).about("case", caseId)
                .with("label", label.value()).with("change", "added"));
    }

    /** Removes a label; removing one the case lacks is no change and not audited. */
    @Transactional
    public void removeLabel(SignedInStaff me, UUID caseId, String typed) {
        caseFor(me, caseId);
        Label label = Label.of(typed);
        int removed = em.createNativeQuery("delete from case_label where case_id = cast(?1 as uuid) and label = ?2")
                .setParameter(1, caseId.toString()).setParameter(2, label.value()).executeUpdate();
        if (removed > 0) {
            audit.record(AuditEvent.of(AuditAction.CASE_LABELLED, actor(me)).about("case", caseId)
                    .with("label", label.value()).with("change", "removed"));
        }
    }

    /** The sign-in name of a staff member, for the conversation. */
    public String username(UUID staffId) {
        return staff.find(staffId).map(StaffMember::username).map(u -> u.value()).orElse("?");
    }

    private CaseItem attachment(SignedInStaff me, UUID caseId, UUID itemId) {
        caseFor(me, caseId);
        return items(caseId).stream().filter(i -> i.id().equals(itemId) && i.kind() == ItemKind.ATTACHMENT)
                .findFirst().orElseThrow(NotFoundException::new);
    }

    /** The attachment as its report or message lists it (name and type); a neutral name when none lists it. */
    private CaseView.Attachment listedAttachment(Opener opener, UUID caseId, UUID itemId) {
        for (CaseItem item : items(caseId)) {
            if (item.kind() == ItemKind.ATTACHMENT) {
                continue;
            }
            try {
                List<ReportContents.AttachmentEntry> listed = item.kind() == ItemKind.REPORT
                        ? ReportContents.fromJson(openAll(opener, item.blob())).attachments()
                        : message(openAll(opener, item.blob())).attachments();
                for (ReportContents.AttachmentEntry a : listed) {
                    if (a.item().equals(itemId)) {
                        return new CaseView.Attachment(a.item(), a.name(), a.contentType(), a.size(), a.field());
                    }
                }
            } catch (IOException | IllegalArgumentException damaged) {
                // an item that does not open lists nothing; the others may
            }
        }
        return new CaseView.Attachment(itemId, "attachment", "application/octet-stream", 0, "");
    }

    byte[] openAll(Opener opener, BlobId blob) throws IOException {
        try (InputStream in = blobs.open(blob)) {
            return opener.openAll(in, MAX_TEXT_BYTES);
        }
    }

    private CaseView.Entry entry(Opener opener, CaseItem item, Map<UUID, String> names) {
        Optional<String> author = item.authorStaffId().map(id -> names.computeIfAbsent(id, this::username));
        try {
            MessageContents opened = message(openAll(opener, item.blob()));
            return new CaseView.Entry(item.id(), item.kind().name(), item.createdOn(), author, opened.text(),
                    opened.attachments().stream().map(a -> new CaseView.Attachment(a.item(), a.name(), a.contentType(),
                            a.size(), a.field())).toList(),
                    false, item.kind().sharedWithWhistleblower());
        } catch (IOException damaged) {
            return new CaseView.Entry(item.id(), item.kind().name(), item.createdOn(), author, "", List.of(), true,
                    item.kind().sharedWithWhistleblower());
        }
    }

    /**
     * An opened message: a {@code candor-message-v1} document, or (outcome grounds written before
     * the desk sealed them as messages) plain UTF-8 text without files.
     */
    static MessageContents message(byte[] plaintext) {
        try {
            return MessageContents.fromJson(plaintext);
        } catch (RuntimeException notAMessage) {
            return new MessageContents(new String(plaintext, StandardCharsets.UTF_8), List.of());
        }
    }

    static List<CaseView.Answer> answers(ReportContents report, Optional<Channel> channel, Locale language) {
        List<CaseView.Answer> answers = new ArrayList<>();
        Map<String, List<String>> left = new LinkedHashMap<>(report.answers());
        if (channel.isPresent()) {
            for (QuestionField field : channel.get().questionnaire().fields()) {
                List<String> values = left.remove(field.key());
                if (values != null) {
                    answers.add(new CaseView.Answer(field.labelIn(language), values.stream()
                            .map(v -> field.option(v).map(ChoiceOption::label).map(l -> l.in(language)).orElse(v))
                            .toList()));
                }
            }
        }
        // answers to questions the questionnaire no longer has: shown under their key
        left.forEach((key, values) -> answers.add(new CaseView.Answer(key, values)));
        return answers;
    }

    private static Actor actor(SignedInStaff staff) {
        return Actor.staff(staff.id(), staff.username());
    }
}
