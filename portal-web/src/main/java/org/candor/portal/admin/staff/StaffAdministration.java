package org.candor.portal.admin.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.candor.portal.audit.Actor;
import org.candor.portal.audit.AuditAction;
import org.candor.portal.audit.AuditEvent;
import org.candor.portal.audit.AuditLog;
import org.candor.portal.staff.key.InvestigatorKeyRecord;
import org.candor.portal.staff.key.InvestigatorKeys;
import org.candor.portal.staff.InvalidStaffInput;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.StaffMember;
import org.candor.portal.staff.StaffRepository;
import org.candor.portal.staff.invitation.Invitations;
import org.candor.portal.staff.session.SignedInStaff;

/**
 * What an administrator does with staff accounts: invite, disable and enable, reset a second
 * factor, grant and revoke roles. Every change is audited. A person holds a second role only
 * when the administrator confirms it explicitly, and the portal never loses its last
 * administrator.
 */
@ApplicationScoped
public class StaffAdministration {

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    @Inject
    StaffRepository staff;

    @Inject
    Invitations invitations;

    @Inject
    InvestigatorKeys keys;

    @Inject
    AuditLog audit;

    /** A staff account as the administrator's list shows it (no secrets, no contents). */
    public record StaffRow(UUID id, String username, String displayName, List<Role> roles, boolean enabled,
            boolean secondFactor, Optional<String> keyFingerprint) {

        public boolean isInvestigator() {
            return roles.contains(Role.INVESTIGATOR);
        }

        /** The roles this person does not hold yet. */
        public List<Role> otherRoles() {
            return java.util.Arrays.stream(Role.values()).filter(r -> !roles.contains(r)).toList();
        }

        public String fingerprintOrEmpty() {
            return keyFingerprint.orElse("");
        }
    }

    @Transactional
    public List<StaffRow> list(SignedInStaff administrator) {
        requireAdministrator(administrator);
        return staff.all().stream()
                .map(m -> new StaffRow(m.id(), m.username().value(), m.displayName().value(),
                        m.roles().stream().sorted().toList(), m.isEnabled(), m.sealedTotpSecret().isPresent(),
                        keys.of(m.id()).map(InvestigatorKeyRecord::fingerprint)))
                .toList();
    }

    @Transactional
    public Invitations.Issued invite(SignedInStaff administrator, Role role) {
        requireAdministrator(administrator);
        return invitations.invite(administrator, role);
    }

    @Transactional
    public void disable(SignedInStaff administrator, UUID staffId, boolean confirmed) {
        if (!confirmed) {
            throw new InvalidStaffInput("staffAdmin.disable.confirm");
        }
        StaffMember member = target(administrator, staffId);
        if (member.id().equals(administrator.id())) {
            throw new InvalidStaffInput("staffAdmin.disable.self");
        }
        if (member.holds(Role.ADMINISTRATOR) && enabledAdministrators() <= 1) {
            throw new InvalidStaffInput("staffAdmin.lastAdministrator");
        }
        member.disable();
        record(AuditAction.STAFF_DISABLED, administrator, member);
    }

    @Transactional
    public void enable(SignedInStaff administrator, UUID staffId) {
        StaffMember member = target(administrator, staffId);
        member.enable();
        record(AuditAction.STAFF_ENABLED, administrator, member);
    }

    /** Forgets the member's second factor and recovery codes; they enrol again at the next sign-in. */
    @Transactional
    public void resetSecondFactor(SignedInStaff administrator, UUID staffId, boolean confirmed) {
        if (!confirmed) {
            throw new InvalidStaffInput("staffAdmin.reset.confirm");
        }
        StaffMember member = target(administrator, staffId);
        member.resetSecondFactor();
        em.createNativeQuery("delete from staff_recovery_code where staff_id = ?1").setParameter(1, member.id()).executeUpdate();
        record(AuditAction.SECOND_FACTOR_RESET, administrator, member);
    }

    /** Gives a member another role, which needs the administrator's explicit confirmation. */
    @Transactional
    public void grantRole(SignedInStaff administrator, UUID staffId, Role role, boolean confirmedMultiple) {
        StaffMember member = target(administrator, staffId);
        if (member.holds(role)) {
            return;
        }
        if (!confirmedMultiple) {
            throw new InvalidStaffInput("staffAdmin.role.confirmMultiple");
        }
        member.grant(role);
        audit.record(AuditEvent.of(AuditAction.ROLE_GRANTED, actor(administrator))
                .about("staff", member.id()).with("role", role.name()));
    }

    @Transactional
    public void revokeRole(SignedInStaff administrator, UUID staffId, Role role) {
        StaffMember member = target(administrator, staffId);
        if (!member.holds(role)) {
            return;
        }
        if (role == Role.ADMINISTRATOR && enabledAdministrators() <= 1) {
            throw new InvalidStaffInput("staffAdmin.lastAdministrator");
        }
        member.revoke(role);
        audit.record(AuditEvent.of(AuditAction.ROLE_REVOKED, actor(administrator))
                .about("staff", member.id()).with("role", role.name()));
    }

    private long enabledAdministrators() {
        return staff.all().stream().filter(m -> m.isEnabled() && m.holds(Role.ADMINISTRATOR)).count();
    }

    private StaffMember target(SignedInStaff administrator, UUID staffId) {
        requireAdministrator(administrator);
        return staff.find(staffId).orElseThrow(() -> new InvalidStaffInput("staffAdmin.unknown"));
    }

    private static void requireAdministrator(SignedInStaff administrator) {
        if (!administrator.isAdministrator()) {
            throw new IllegalStateException("only administrators manage staff");
        }
    }

    private void record(AuditAction action, SignedInStaff administrator, StaffMember member) {
        audit.record(AuditEvent.of(action, actor(administrator)).about("staff", member.id()));
    }

    private static Actor actor(SignedInStaff staff) {
        return Actor.staff(staff.id(), staff.username());
    }
}
