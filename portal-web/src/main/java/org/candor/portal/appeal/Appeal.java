package org.candor.portal.appeal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A case's redress request: filed on a day, pending until oversight decides it, then decided
 * with a kind and a day. One per case. The reasons and the grounds are sealed case items.
 */
@Entity
@Table(name = "appeal")
public class Appeal {

    @Id
    @Column(name = "case_id")
    private UUID caseId;

    @Column(name = "filed_on", nullable = false)
    private LocalDate filedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AppealState state;

    @Enumerated(EnumType.STRING)
    @Column(length = 24)
    private AppealDecision decision;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    protected Appeal() {
        // for JPA
    }

    /** An appeal just filed. */
    public Appeal(UUID caseId, LocalDate filedOn) {
        this.caseId = Objects.requireNonNull(caseId);
        this.filedOn = Objects.requireNonNull(filedOn);
        this.state = AppealState.PENDING;
    }

    public UUID caseId() {
        return caseId;
    }

    public LocalDate filedOn() {
        return filedOn;
    }

    public AppealState state() {
        return state;
    }

    public boolean isPending() {
        return state == AppealState.PENDING;
    }

    public Optional<AppealDecision> decision() {
        return Optional.ofNullable(decision);
    }

    public Optional<LocalDate> decidedOn() {
        return Optional.ofNullable(decidedOn);
    }

    /** Records oversight's decision; an appeal is decided once. */
    public void decide(AppealDecision kind, LocalDate day) {
        if (state != AppealState.PENDING) {
            throw new IllegalStateException("the appeal was decided already");
        }
        if (day.isBefore(filedOn)) {
            throw new IllegalArgumentException("an appeal cannot be decided before it was filed");
        }
        decision = Objects.requireNonNull(kind);
        decidedOn = day;
        state = AppealState.DECIDED;
    }

    @Override
    public String toString() {
        return "Appeal[" + caseId + ", " + state + "]";
    }
}
