package org.candor.portal.appeal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.candor.crypto.RecipientKey;
import org.candor.portal.blobstore.BlobStore;
import org.candor.portal.casefile.CaseFile;
import org.candor.portal.casefile.CaseMessages;
import org.candor.portal.casefile.CaseRecipient;
import org.candor.portal.casefile.CaseRepository;
import org.candor.portal.casefile.ItemKind;
import org.candor.portal.channel.ChannelRepository;
import org.candor.portal.channel.Problem;
import org.candor.portal.channel.UploadLimits;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.StaffRepository;

/**
 * Files a whistleblower's redress request and records oversight's decision on it. The reasons
 * ({@link ItemKind#APPEAL}) and the decision's grounds ({@link ItemKind#APPEAL_DECISION}) are
 * sealed with {@link CaseMessages} to the case's investigators, the whistleblower key, and every
 * enabled oversight member with a usable key, so that those who decide can read what they
 * decide on. The appeal row and the sealed items are written in one transaction.
 */
@ApplicationScoped
public class Appeals {

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    @Inject
    CaseRepository cases;

    @Inject
    CaseMessages messages;

    @Inject
    ChannelRepository channels;

    @Inject
    StaffRepository staff;

    Clock clock = Clock.systemUTC();

    /** The appeal of a case, if one was filed. */
    @Transactional
    public Optional<Appeal> of(UUID caseId) {
        return Optional.ofNullable(em.find(Appeal.class, caseId));
    }

    /** The ground on which the case may be appealed today, if it may (and no appeal was filed yet). */
    public Optional<AppealGround> mayFile(CaseFile caseFile) {
        if (of(caseFile.id()).isPresent()) {
            return Optional.empty();
        }
        return AppealGround.of(caseFile, today());
    }

    /**
     * Starts an appeal's reasons (text and files, as for any message).
     *
     * @throws Refused when the case may not be appealed now ({@code appeal.notAllowed}) or no
     *                 investigator can receive ({@code message.noRecipient})
     */
    public CaseMessages.Draft draft(UUID caseId) throws CaseMessages.Refused {
        CaseFile caseFile = cases.find(caseId).orElseThrow(() -> new IllegalArgumentException("no such case"));
        if (mayFile(caseFile).isEmpty()) {
            throw new CaseMessages.Refused(Problem.of("appeal.notAllowed"));
        }
        return messages.draft(caseId, ItemKind.APPEAL, limitsOf(caseFile), oversight());
    }

    /** Files the appeal whose reasons are in the draft; returns the reasons' item id. */
    public UUID file(UUID caseId, CaseMessages.Draft reasons) throws IOException, CaseMessages.Refused {
        LocalDate today = today();
        return reasons.send(Optional.empty(), () -> markFiled(caseId, today));
    }

    /**
     * In the transaction that stores the reasons: the appeal row, unless one exists or the case may
     * not be appealed. The case's row is locked, so two filings of one case queue up and the second
     * finds the first's appeal; the appeal table itself is never locked here, because the intake's
     * database role may insert appeals but change none (deploy/postgresql/roles.sql).
     */
    private void markFiled(UUID caseId, LocalDate today) {
        CaseFile caseFile = cases.findForUpdate(caseId).orElseThrow(() -> new IllegalArgumentException("no such case"));
        if (em.find(Appeal.class, caseId) != null
                || AppealGround.of(caseFile, today).isEmpty()) {
            throw new AlreadyFiled();
        }
        em.persist(new Appeal(caseId, today));
    }

    /**
     * The keys an appeal's reasons are sealed to now, for a browser that seals them itself: as
     * {@link #draft}, the case's investigators, every enabled oversight member with a usable key,
     * and the whistleblower key.
     *
     * @throws CaseMessages.Refused when no investigator can receive ({@code message.noRecipient})
     */
    public List<RecipientKey> recipients(CaseFile caseFile) throws CaseMessages.Refused {
        return messages.recipients(caseFile, ItemKind.APPEAL, oversight());
    }

    /**
     * Files an appeal whose reasons were sealed in the whistleblower's browser to {@link
     * #recipients} and inspected (see {@link CaseMessages#appendSealed}); the appeal row and the
     * items are written in one transaction. Returns the reasons' item id.
     *
     * @throws AlreadyFiled when the case may not be appealed (any more); nothing is kept
     * @throws org.candor.portal.casefile.CaseChangedMeanwhile when the case's readers changed meanwhile
     */
    public UUID fileSealed(UUID caseId, BlobStore.PendingBlob reasons, List<Map.Entry<UUID, BlobStore.PendingBlob>> files,
            Set<CaseRecipient> sealedFor) throws IOException {
        return messages.appendSealed(caseId, ItemKind.APPEAL, reasons, files, Optional.empty(), sealedFor,
                () -> markFiled(caseId, today()));
    }

    /**
     * Records oversight's decision on a pending appeal, with its grounds (shown to the
     * whistleblower). The deciding pages call this; so do tests, standing in for them.
     *
     * @throws CaseMessages.Refused when the grounds are empty ({@code appeal.groundsRequired}) or too long
     * @throws IllegalStateException when there is no pending appeal
     */
    public UUID decide(UUID caseId, AppealDecision decisionKind, String grounds, UUID deciderStaffId)
            throws IOException, CaseMessages.Refused {
        Objects.requireNonNull(decisionKind, "decisionKind");
        Objects.requireNonNull(deciderStaffId, "deciderStaffId");
        if (grounds == null || grounds.isBlank()) {
            throw new CaseMessages.Refused(Problem.of("appeal.groundsRequired"));
        }
        if (of(caseId).filter(Appeal::isPending).isEmpty()) {
            throw new IllegalStateException("no pending appeal for this case");
        }
        CaseFile caseFile = cases.find(caseId).orElseThrow();
        LocalDate today = today();
        try (CaseMessages.Draft draft = messages.draft(caseId, ItemKind.APPEAL_DECISION, limitsOf(caseFile), oversight())) {
            draft.text(grounds);
            return draft.send(Optional.of(deciderStaffId), () -> {
                Appeal appeal = em.find(Appeal.class, caseId, LockModeType.PESSIMISTIC_WRITE);
                if (appeal == null) {
                    throw new IllegalStateException("no appeal for this case");
                }
                appeal.decide(decisionKind, today);
            });
        }
    }

    /** The appeal was filed by another request meanwhile, or the case may no longer be appealed. */
    public static final class AlreadyFiled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyFiled() {
            super("an appeal was filed already", null, false, false);
        }
    }

    private List<UUID> oversight() {
        return staff.enabledHolders(Role.OVERSIGHT);
    }

    private UploadLimits limitsOf(CaseFile caseFile) {
        return channels.find(caseFile.channelId()).map(c -> c.uploadLimits()).orElse(UploadLimits.DEFAULT);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
