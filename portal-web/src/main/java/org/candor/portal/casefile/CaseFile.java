package org.candor.portal.casefile;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.candor.crypto.LookupHandle;

/**
 * A case: one report and everything that follows it. This entity keeps only workflow metadata
 * in clear (channel, status, coarse dates, outcome kind) and the whistleblower's key, locked by
 * the reply code; every content is a sealed {@link CaseItem} (docs/design.md property 1).
 *
 * <p>The status moves only forward ({@link CaseStatus}); the deadlines follow from the dates
 * ({@link Deadlines}). The deadline pending is also kept as a column, set by the constructor and by
 * every verb that changes the status or a date the deadlines depend on, so that the desk's list
 * can sort and filter on it with an index.
 */
@Entity
@Table(name = "case_file")
public class CaseFile {

    @Id
    private UUID id;

    @Column(name = "channel_id", nullable = false)
    private UUID channelId;

    @Column(name = "lookup_handle", nullable = false, unique = true, length = 64)
    private String lookupHandle;

    @Column(name = "sealed_in_browser", nullable = false)
    private boolean sealedInBrowser;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private CaseStatus status;

    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;

    @Column(name = "acknowledged_on")
    private LocalDate acknowledgedOn;

    @Column(name = "assessment_on")
    private LocalDate assessmentOn;

    @Column(name = "investigation_on")
    private LocalDate investigationOn;

    @Column(name = "concluded_on")
    private LocalDate concludedOn;

    @Enumerated(EnumType.STRING)
    @Column(length = 24)
    private Outcome outcome;

    /** {@link Deadlines#next(CaseStatus)} of the status and dates above; null once concluded. */
    @Column(name = "next_deadline_on")
    private LocalDate nextDeadlineOn;

    @Column(name = "last_activity_on", nullable = false)
    private LocalDate lastActivityOn;

    /** The position of the latest item the whistleblower wrote: the report, a message, an appeal. */
    @Column(name = "last_whistleblower_item", nullable = false)
    private int lastWhistleblowerItem;

    /** The position of the latest reply the investigators sent the whistleblower; null before the first. */
    @Column(name = "last_reply_item")
    private Integer lastReplyItem;

    /** {@link #nextActor()}, stored so that the desk's list filters on it with an index. */
    @Enumerated(EnumType.STRING)
    @Column(name = "next_actor", length = 16)
    private NextActor nextActor;

    /**
     * The key of the option chosen for the channel's category question, kept in clear so that the
     * desk can sort by it ({@link org.candor.portal.channel.Questionnaire#category()}); null when
     * there is none. An option's key, never free text.
     */
    @Column(length = 64)
    private String category;

    @Column(name = "whistleblower_key", nullable = false, length = 32000)
    private String whistleblowerKey;

    @Column(name = "whistleblower_fingerprint", nullable = false, length = 64)
    private String whistleblowerFingerprint;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_recipient", joinColumns = @JoinColumn(name = "case_id"))
    private Set<CaseRecipient> recipients = new HashSet<>();

    protected CaseFile() {
        // for JPA
    }

    /**
     * A case just received.
     *
     * @param whistleblowerKey the whistleblower's key in storage form, locked by the reply code
     */
    public CaseFile(UUID id, UUID channelId, LookupHandle handle, boolean sealedInBrowser, LocalDate receivedOn,
            String whistleblowerKey, String whistleblowerFingerprint, Set<CaseRecipient> recipients) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a case is sealed to at least one investigator");
        }
        this.id = Objects.requireNonNull(id);
        this.channelId = Objects.requireNonNull(channelId);
        this.lookupHandle = handle.toHex();
        this.sealedInBrowser = sealedInBrowser;
        this.status = CaseStatus.RECEIVED;
        this.receivedOn = Objects.requireNonNull(receivedOn);
        this.lastActivityOn = receivedOn;
        this.whistleblowerKey = Objects.requireNonNull(whistleblowerKey);
        this.whistleblowerFingerprint = Objects.requireNonNull(whistleblowerFingerprint);
        this.recipients.addAll(recipients);
        this.lastWhistleblowerItem = 0;
        settleNextDeadline();
    }

    /**
     * A case just received, filed under a category: the key of an option of the channel's
     * category question.
     */
    public CaseFile(UUID id, UUID channelId, LookupHandle handle, boolean sealedInBrowser, LocalDate receivedOn,
            String whistleblowerKey, String whistleblowerFingerprint, Set<CaseRecipient> recipients,
            Optional<String> category) {
        this(id, channelId, handle, sealedInBrowser, receivedOn, whistleblowerKey, whistleblowerFingerprint, recipients);
        this.category = category.filter(CaseFile::isCategoryKey).orElse(null);
        if (category.isPresent() && this.category == null) {
            throw new IllegalArgumentException("a category is an option's key");
        }
    }

    private static boolean isCategoryKey(String key) {
        return key.length() <= 64 && key.matches("[a-z0-9][a-z0-9_-]*");
    }

    public UUID id() {
        return id;
    }

    public UUID channelId() {
        return channelId;
    }

    /** The key of the option chosen for the channel's category question, if the case has one. */
    public Optional<String> category() {
        return Optional.ofNullable(category);
    }

    public boolean sealedInBrowser() {
        return sealedInBrowser;
    }

    public CaseStatus status() {
        return status;
    }

    public LocalDate receivedOn() {
        return receivedOn;
    }

    public Optional<LocalDate> acknowledgedOn() {
        return Optional.ofNullable(acknowledgedOn);
    }

    public Optional<LocalDate> assessmentOn() {
        return Optional.ofNullable(assessmentOn);
    }

    public Optional<LocalDate> investigationOn() {
        return Optional.ofNullable(investigationOn);
    }

    public Optional<LocalDate> concludedOn() {
        return Optional.ofNullable(concludedOn);
    }

    public Optional<Outcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    public LocalDate lastActivityOn() {
        return lastActivityOn;
    }

    /** The whistleblower's key in storage form, locked by the reply code's lock secret. */
    public String whistleblowerKey() {
        return whistleblowerKey;
    }

    public String whistleblowerFingerprint() {
        return whistleblowerFingerprint;
    }

    public Set<CaseRecipient> recipients() {
        return Set.copyOf(recipients);
    }

    /** Whether an investigator is among those the case is sealed to. */
    public boolean isSealedTo(UUID staffId) {
        return recipients.stream().anyMatch(r -> r.staffId().equals(staffId));
    }

    /**
     * Makes these investigators the ones the case is sealed to, once every item was sealed anew to
     * their keys (the desk's grants, hand-overs and revocations). A case keeps at least one.
     */
    public void resealTo(Set<CaseRecipient> investigators) {
        if (investigators.isEmpty()) {
            throw new IllegalArgumentException("a case is sealed to at least one investigator");
        }
        recipients.clear();
        recipients.addAll(investigators);
    }

    public Deadlines deadlines() {
        return new Deadlines(receivedOn, Optional.ofNullable(acknowledgedOn));
    }

    /** The deadline pending, as {@link Deadlines#next(CaseStatus)} gives it; empty once concluded. */
    public Optional<LocalDate> nextDeadline() {
        return Optional.ofNullable(nextDeadlineOn);
    }

    /** The position of the latest item the whistleblower wrote (0, the report, until they write again). */
    public int lastWhistleblowerItem() {
        return lastWhistleblowerItem;
    }

    /**
     * Who acts next: the investigators while the case waits for its acknowledgement or the
     * whistleblower's latest word is unanswered, the whistleblower once the investigators answered
     * last; empty once concluded.
     */
    public Optional<NextActor> nextActor() {
        return Optional.ofNullable(nextActor);
    }

    /** Records an item added at a position, so that the case knows who wrote last. */
    public void itemAdded(ItemKind kind, int position) {
        switch (kind) {
            case REPORT, WHISTLEBLOWER_MESSAGE, APPEAL -> lastWhistleblowerItem = Math.max(lastWhistleblowerItem, position);
            case INVESTIGATOR_REPLY, OUTCOME_GROUNDS -> lastReplyItem = Math.max(lastReplyItem == null ? -1 : lastReplyItem,
                    position);
            default -> {
                // files, notes and appeal decisions do not change whose turn it is
            }
        }
        settleNextDeadline();
    }

    /** Records that something happened on a day (a message, a status change), for retention. */
    public void touch(LocalDate day) {
        if (day.isAfter(lastActivityOn)) {
            lastActivityOn = day;
        }
    }

    public void acknowledge(LocalDate day) {
        move(CaseStatus.ACKNOWLEDGED, day);
        acknowledgedOn = day;
        settleNextDeadline();
    }

    public void startAssessment(LocalDate day) {
        move(CaseStatus.IN_ASSESSMENT, day);
        assessmentOn = day;
        settleNextDeadline();
    }

    public void startInvestigation(LocalDate day) {
        move(CaseStatus.IN_INVESTIGATION, day);
        investigationOn = day;
        settleNextDeadline();
    }

    /** Concludes the case; the grounds are a sealed {@link ItemKind#OUTCOME_GROUNDS} item. */
    public void conclude(Outcome kind, LocalDate day) {
        move(CaseStatus.CONCLUDED, day);
        concludedOn = day;
        outcome = Objects.requireNonNull(kind);
        settleNextDeadline();
    }

    private void move(CaseStatus next, LocalDate day) {
        if (!status.mayMoveTo(next)) {
            throw new IllegalStateException("a case " + status + " cannot become " + next);
        }
        if (day.isBefore(receivedOn)) {
            throw new IllegalArgumentException("a case cannot change before it was received");
        }
        status = next;
        touch(day);
    }

    /**
     * Keeps the stored deadline and next actor true to the status, dates and items; called by every
     * verb that changes them.
     */
    private void settleNextDeadline() {
        nextDeadlineOn = deadlines().next(status).orElse(null);
        if (status == CaseStatus.CONCLUDED) {
            nextActor = null;
        } else if (status == CaseStatus.RECEIVED || lastReplyItem == null || lastReplyItem < lastWhistleblowerItem) {
            nextActor = NextActor.INVESTIGATORS;
        } else {
            nextActor = NextActor.WHISTLEBLOWER;
        }
    }

    @Override
    public String toString() {
        return "CaseFile[" + id + ", " + status + "]";
    }
}
