package org.candor.portal.governance.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.candor.portal.audit.Actor;
import org.candor.portal.audit.AuditAction;
import org.candor.portal.audit.AuditEvent;
import org.candor.portal.audit.AuditLog;
import org.candor.portal.casefile.CaseMessages;
import org.candor.portal.casefile.CaseRetentionQuery;
import org.candor.portal.casefile.CaseStore;
import org.candor.portal.casefile.ItemKind;
import org.candor.portal.channel.Retention;
import org.candor.portal.platform.persistence.JdbcValues;
import org.candor.portal.staff.session.SignedInStaff;

/**
 * Where a case stands under the retention rule, and what its investigators decide about it:
 * keep it longer (with a reason from a fixed list, and optionally a note sealed to the case's
 * investigators as an internal note), or place and lift a legal hold. Each decision and its
 * audit entry commit together (docs/design.md properties 8 and 9). Only investigators the case is
 * sealed to may decide; to anyone else the case does not exist (404).
 */
@ApplicationScoped
public class CaseRetention {

    /** Longest note kept with an extension or a hold. */
    public static final int MAX_NOTE = 4000;

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    @Inject
    CaseRetentionQuery cases;

    @Inject
    AuditLog audit;

    @Inject
    CaseMessages messages;

    @Inject
    CaseStore.Transactions transactions;

    Clock clock = Clock.systemUTC();

    /** A case's retention: its rule, and the reasons recorded for an extension and a hold. */
    public record State(UUID caseId, UUID channelId, RetentionRule rule, Optional<ExtensionReason> extensionReason,
            Optional<ExtensionReason> holdReason, Optional<LocalDate> holdSince) {

        public RetentionNotice notice() {
            return RetentionNotice.of(rule);
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** The retention of a case, if it exists. */
    @Transactional
    public Optional<State> state(UUID caseId) {
        return cases.of(caseId).map(CaseRetention::state);
    }

    /** The retention of a case sealed to this investigator; 404 for anyone else. */
    @Transactional
    public State stateFor(SignedInStaff me, UUID caseId) {
        if (!cases.isSealedTo(caseId, me.id())) {
            throw new NotFoundException();
        }
        return state(caseId).orElseThrow(NotFoundException::new);
    }

    /** The cases sealed to an investigator, soonest deletion first (metadata only). */
    @Transactional
    public List<State> sealedTo(UUID staffId) {
        return cases.ofCasesSealedTo(staffId).stream().map(CaseRetention::state)
                .sorted(java.util.Comparator.comparing((State s) -> s.rule().deleteOn()).thenComparing(State::caseId))
                .toList();
    }

    /**
     * Keeps a case until a later day. The day must be after today and after the day the case would
     * otherwise be kept to, and at most ten years ahead; the reason comes from {@link ExtensionReason}.
     */
    public void extend(SignedInStaff me, UUID caseId, String untilTyped, String reasonTyped, String note) {
        State state = stateFor(me, caseId);
        ExtensionReason reason = ExtensionReason.parse(reasonTyped)
                .orElseThrow(() -> new InvalidRetentionInput("retention.reason.missing"));
        LocalDate until;
        try {
            until = LocalDate.parse(untilTyped == null ? "" : untilTyped.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRetentionInput("retention.extend.dateInvalid");
        }
        LocalDate today = today();
        if (!until.isAfter(today) || !until.plusDays(1).isAfter(state.rule().deleteOn())) {
            throw new InvalidRetentionInput("retention.extend.notLater");
        }
        if (until.isAfter(today.plusDays(Retention.MAX_DAYS))) {
            throw new InvalidRetentionInput("retention.extend.tooLate");
        }
        withNote(me, caseId, note, () -> {
            upsert(caseId, "extended_until = ?2, extension_reason = ?3", until, reason.name());
            audit.record(AuditEvent.of(AuditAction.RETENTION_EXTENDED, actor(me)).about("case", caseId)
                    .with("reason", reason.name()).with("until", until.toString())
                    .with("note", note == null || note.isBlank() ? "none" : "sealed"));
        });
    }

    /** Places a legal hold: the case is not deleted until the hold is lifted. */
    public void placeHold(SignedInStaff me, UUID caseId, String reasonTyped, String note) {
        State state = stateFor(me, caseId);
        ExtensionReason reason = ExtensionReason.parse(reasonTyped)
                .orElseThrow(() -> new InvalidRetentionInput("retention.reason.missing"));
        if (state.rule().legalHold()) {
            throw new InvalidRetentionInput("retention.hold.already");
        }
        LocalDate today = today();
        withNote(me, caseId, note, () -> {
            upsert(caseId, "legal_hold = true, hold_reason = ?2, hold_since = ?3", reason.name(), today);
            audit.record(AuditEvent.of(AuditAction.LEGAL_HOLD_PLACED, actor(me)).about("case", caseId)
                    .with("reason", reason.name()).with("note", note == null || note.isBlank() ? "none" : "sealed"));
        });
    }

    /** Lifts a legal hold; the case is then deleted when the rule says so (at the next run if already past). */
    public void liftHold(SignedInStaff me, UUID caseId) {
        State state = stateFor(me, caseId);
        if (!state.rule().legalHold()) {
            throw new InvalidRetentionInput("retention.hold.none");
        }
        transactions.run(() -> {
            em.createNativeQuery("update case_retention set legal_hold = false, hold_reason = null, hold_since = null"
                    + " where case_id = cast(?1 as uuid)").setParameter(1, caseId.toString()).executeUpdate();
            audit.record(AuditEvent.of(AuditAction.LEGAL_HOLD_LIFTED, actor(me)).about("case", caseId)
                    .with("deleteOn", state.rule().deleteOn().toString()));
        });
    }

    /** The ids of a channel's cases due for deletion on a day, oldest first. */
    @Transactional
    public List<UUID> dueIds(UUID channelId, int retentionDays, LocalDate day, int limit) {
        return cases.dueIds(channelId, RetentionRule.lastCountedFromDueBy(day, retentionDays), day, limit);
    }

    /** How many of a channel's cases will be due by a day, holds and pending appeals aside. */
    @Transactional
    public long countDue(UUID channelId, int retentionDays, LocalDate day) {
        return cases.countDue(channelId, RetentionRule.lastCountedFromDueBy(day, retentionDays), day);
    }

    /** A channel's retention period in days. */
    @Transactional
    public int retentionDays(UUID channelId) {
        return (int) JdbcValues.number(em.createNativeQuery("select retention_days from channel where id = cast(?1 as uuid)")
                .setParameter(1, channelId.toString()).getSingleResult());
    }

    /** How many of a channel's cases are under legal hold. */
    @Transactional
    public long countHeld(UUID channelId) {
        return cases.countHeld(channelId);
    }

    private void withNote(SignedInStaff me, UUID caseId, String note, Runnable decision) {
        String text = note == null ? "" : note.replace("\r\n", "\n").strip();
        if (text.length() > MAX_NOTE) {
            throw new InvalidRetentionInput("retention.note.tooLong");
        }
        if (text.isEmpty()) {
            transactions.run(decision);
            return;
        }
        try (CaseMessages.Draft draft = messages.draft(caseId, ItemKind.INTERNAL_NOTE)) {
            draft.text(text);
            draft.send(Optional.of(me.id()), decision);
        } catch (CaseMessages.Refused refused) {
            throw new InvalidRetentionInput("retention.note.noRecipient");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void upsert(UUID caseId, String assignments, Object second, Object third) {
        int changed = em.createNativeQuery("update case_retention set " + assignments + " where case_id = cast(?1 as uuid)")
                .setParameter(1, caseId.toString()).setParameter(2, second).setParameter(3, third).executeUpdate();
        if (changed == 0) {
            em.createNativeQuery("insert into case_retention (case_id, legal_hold) values (cast(?1 as uuid), false)")
                    .setParameter(1, caseId.toString()).executeUpdate();
            em.createNativeQuery("update case_retention set " + assignments + " where case_id = cast(?1 as uuid)")
                    .setParameter(1, caseId.toString()).setParameter(2, second).setParameter(3, third).executeUpdate();
        }
    }

    private static Actor actor(SignedInStaff me) {
        return Actor.staff(me.id(), me.username());
    }

    private static State state(CaseRetentionQuery.Retention row) {
        RetentionRule rule = new RetentionRule(row.concludedOn(), row.lastActivityOn(), row.retentionDays(),
                row.extendedUntil(), row.legalHold(), "PENDING".equals(row.appealState().orElse("")));
        return new State(row.caseId(), row.channelId(), rule, row.extensionReason().flatMap(ExtensionReason::parse),
                row.holdReason().flatMap(ExtensionReason::parse), row.holdSince());
    }
}
