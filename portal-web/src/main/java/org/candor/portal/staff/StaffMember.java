package org.candor.portal.staff;

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
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A person who works in the portal: an administrator, investigator or oversight member. */
@Entity
@Table(name = "staff_member")
public class StaffMember {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_on", nullable = false)
    private LocalDate createdOn;

    @Column(name = "totp_secret_sealed", length = 255)
    private String totpSecretSealed;

    @Column(name = "totp_last_step")
    private Long totpLastStep;

    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;

    @Column(name = "throttled_until")
    private OffsetDateTime throttledUntil;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_role", joinColumns = @JoinColumn(name = "staff_id"))
    @Column(name = "role", nullable = false, length = 16)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();

    protected StaffMember() {
        // for JPA
    }

    public StaffMember(Username username, DisplayName displayName, PasswordHash passwordHash, Role role, LocalDate createdOn) {
        this.id = UUID.randomUUID();
        this.username = username.value();
        this.displayName = displayName.value();
        this.passwordHash = passwordHash.encoded();
        this.enabled = true;
        this.createdOn = Objects.requireNonNull(createdOn);
        this.roles.add(Objects.requireNonNull(role));
    }

    public UUID id() {
        return id;
    }

    public Username username() {
        return new Username(username);
    }

    public DisplayName displayName() {
        return new DisplayName(displayName);
    }

    public PasswordHash passwordHash() {
        return PasswordHash.parse(passwordHash);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }

    /** Gives the member another role; the caller has the administrator's explicit word for it. */
    public void grant(Role role) {
        roles.add(role);
    }

    /** Takes a role away; a member always keeps at least one. */
    public void revoke(Role role) {
        if (roles.size() == 1 && roles.contains(role)) {
            throw new InvalidStaffInput("staff.role.lastRole");
        }
        roles.remove(role);
    }

    public void disable() {
        enabled = false;
    }

    public void enable() {
        enabled = true;
    }

    public void changePassword(PasswordHash hash) {
        this.passwordHash = hash.encoded();
    }

    /** The sealed TOTP seed, once the second factor is enrolled. */
    public Optional<String> sealedTotpSecret() {
        return Optional.ofNullable(totpSecretSealed);
    }

    /** Records a confirmed second factor: its sealed seed and the time step just used. */
    public void enrolSecondFactor(String sealedSecret, long usedStep) {
        this.totpSecretSealed = sealedSecret;
        this.totpLastStep = usedStep;
    }

    /** Forgets the second factor: the member enrols again at the next sign-in. */
    public void resetSecondFactor() {
        this.totpSecretSealed = null;
        this.totpLastStep = null;
    }

    /** The last TOTP time step accepted; a code of that step or earlier is a replay. */
    public long lastTotpStep() {
        return totpLastStep == null ? Long.MIN_VALUE : totpLastStep;
    }

    public void useTotpStep(long step) {
        this.totpLastStep = step;
    }

    /** Until when sign-in attempts for this account are refused, after repeated failures. */
    public Optional<OffsetDateTime> throttledUntil() {
        return Optional.ofNullable(throttledUntil);
    }

    /**
     * Counts a failed sign-in. From the fourth failure in a row each attempt must wait twice as
     * long as the previous one, up to 15 minutes: guessing becomes slow, and the owner is never
     * locked out for good.
     */
    public void failSignIn(OffsetDateTime now) {
        failedSignIns++;
        if (failedSignIns > 3) {
            long seconds = Math.min(900, 1L << Math.min(failedSignIns - 3, 10));
            throttledUntil = now.plusSeconds(seconds);
        }
    }

    public void succeedSignIn() {
        failedSignIns = 0;
        throttledUntil = null;
    }

    @Override
    public String toString() {
        return "StaffMember[" + username + ", " + roles + "]";
    }
}
