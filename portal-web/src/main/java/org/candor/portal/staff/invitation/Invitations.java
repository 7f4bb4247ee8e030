package org.candor.portal.staff.invitation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.candor.portal.audit.Actor;
import org.candor.portal.audit.AuditAction;
import org.candor.portal.audit.AuditEvent;
import org.candor.portal.audit.AuditLog;
import org.candor.portal.platform.secrets.OneTimeToken;
import org.candor.portal.staff.DisplayName;
import org.candor.portal.staff.InvalidStaffInput;
import org.candor.portal.staff.PasswordHash;
import org.candor.portal.staff.PasswordPolicy;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.StaffMember;
import org.candor.portal.staff.StaffRepository;
import org.candor.portal.staff.Username;
import org.candor.portal.staff.session.SignedInStaff;

/**
 * Invitations: an administrator invites one person for one role with a one-time link, which
 * the person opens to choose a name and a password. The link works once, for
 * {@link #VALIDITY}; only a digest of its token is stored.
 */
@ApplicationScoped
public class Invitations {

    /** How long an invitation link works. */
    public static final Duration VALIDITY = Duration.ofDays(7);

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    @Inject
    StaffRepository staff;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    /** An invitation just made: the token for the link, shown to the administrator once. */
    public record Issued(OneTimeToken token, Role role, OffsetDateTime expiresAt) {
    }

    /** Invites one person for one role. */
    @Transactional
    public Issued invite(SignedInStaff administrator, Role role) {
        if (!administrator.isAdministrator()) {
            throw new IllegalStateException("only administrators invite");
        }
        OneTimeToken token = OneTimeToken.generate();
        OffsetDateTime expires = now().plus(VALIDITY);
        em.createNativeQuery("insert into staff_invitation (token_hash, role, invited_by, expires_at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, token.digest())
                .setParameter(2, role.name())
                .setParameter(3, administrator.id())
                .setParameter(4, expires)
                .executeUpdate();
        audit.record(AuditEvent.of(AuditAction.STAFF_INVITED, Actor.staff(administrator.id(), administrator.username()))
                .with("role", role.name()));
        return new Issued(token, role, expires);
    }

    /** The role an invitation link offers, while it is unused and unexpired. */
    @Transactional
    public Optional<Role> roleOffered(String tokenText) {
        return open(tokenText).map(Open::role);
    }

    /**
     * Creates the invited person's account.
     *
     * @throws InvalidStaffInput when the name or password is not acceptable (nothing is saved)
     * @throws InvitationNoLongerValid when the link was used, expired or never existed
     */
    @Transactional
    public StaffMember accept(String tokenText, String displayName, String username, char[] password, char[] repeated) {
        Open invitation = open(tokenText).orElseThrow(InvitationNoLongerValid::new);
        DisplayName name = new DisplayName(displayName);
        Username user = Username.parse(username);
        PasswordPolicy.check(password, repeated, user);
        if (staff.findByUsername(user).isPresent()) {
            throw new InvalidStaffInput("invitation.usernameTaken");
        }
        StaffMember member = new StaffMember(user, name, PasswordHash.of(password), invitation.role(), LocalDate.now(clock));
        staff.add(member);
        em.flush();
        int claimed = em.createNativeQuery(
                        "update staff_invitation set accepted_by = ?1 where token_hash = ?2 and accepted_by is null")
                .setParameter(1, member.id())
                .setParameter(2, invitation.digest())
                .executeUpdate();
        if (claimed != 1) {
            throw new InvitationNoLongerValid();
        }
        audit.record(AuditEvent.of(AuditAction.STAFF_INVITATION_ACCEPTED, Actor.staff(member.id(), user.value()))
                .about("staff", member.id())
                .with("role", invitation.role().name()));
        return member;
    }

    private record Open(String digest, Role role) {
    }

    private Optional<Open> open(String tokenText) {
        OneTimeToken token;
        try {
            token = OneTimeToken.parse(tokenText);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object> roles = em.createNativeQuery(
                        "select role from staff_invitation where token_hash = ?1 and accepted_by is null and expires_at > ?2")
                .setParameter(1, token.digest())
                .setParameter(2, now())
                .getResultList();
        return roles.stream().findFirst().map(role -> new Open(token.digest(), Role.valueOf(role.toString())));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The invitation was used, has expired, or never existed. */
    public static class InvitationNoLongerValid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvitationNoLongerValid() {
            super("invitation no longer valid");
        }
    }
}
