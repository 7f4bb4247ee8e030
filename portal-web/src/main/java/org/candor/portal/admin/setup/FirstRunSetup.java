package org.candor.portal.admin.setup;

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

/**
 * Creates the first administrator through a one-time link.
 *
 * <p>While no administrator exists, each start of the portal issues a fresh link valid for
 * {@link #VALIDITY}. Using any valid link once creates the administrator and ends the setup for
 * good: the flag in {@code setup_state} flips in the same transaction, so two links used at the
 * same moment cannot create two administrators, and every link is refused afterwards.
 */
@ApplicationScoped
public class FirstRunSetup {

    /** How long a setup link works. */
    public static final Duration VALIDITY = Duration.ofDays(1);

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    @Inject
    StaffRepository staff;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    /** The outcome of opening a setup link. */
    public enum LinkState { VALID, USED_OR_EXPIRED }

    /** Issues a new link's token if setup is still open; empty once an administrator exists. */
    @Transactional
    public Optional<OneTimeToken> issueIfNeeded() {
        if (completed()) {
            return Optional.empty();
        }
        OneTimeToken token = OneTimeToken.generate();
        em.createNativeQuery("insert into setup_token (token_hash, expires_at) values (?1, ?2)")
                .setParameter(1, token.digest())
                .setParameter(2, now().plus(VALIDITY))
                .executeUpdate();
        return Optional.of(token);
    }

    /** Whether a link's token may still be used. */
    @Transactional
    public LinkState check(String tokenText) {
        return isUsable(tokenText) ? LinkState.VALID : LinkState.USED_OR_EXPIRED;
    }

    /**
     * Creates the first administrator with a valid link.
     *
     * @throws InvalidStaffInput when the name or password is not acceptable (nothing is saved)
     * @throws LinkNoLongerValid when the link was used, expired or never existed
     */
    @Transactional
    public StaffMember createAdministrator(String tokenText, String displayName, String username,
            char[] password, char[] repeated) {
        if (!isUsable(tokenText)) {
            throw new LinkNoLongerValid();
        }
        DisplayName name = new DisplayName(displayName);
        Username user = Username.parse(username);
        PasswordPolicy.check(password, repeated, user);
        int claimed = em.createNativeQuery("update setup_state set completed = true where id = 1 and completed = false")
                .executeUpdate();
        if (claimed != 1) {
            throw new LinkNoLongerValid();
        }
        em.createNativeQuery("delete from setup_token").executeUpdate();
        StaffMember administrator = new StaffMember(user, name, PasswordHash.of(password), Role.ADMINISTRATOR,
                LocalDate.now(clock));
        staff.add(administrator);
        audit.record(AuditEvent.of(AuditAction.SETUP_COMPLETED, Actor.staff(administrator.id(), user.value()))
                .about("staff", administrator.id()));
        return administrator;
    }

    private boolean isUsable(String tokenText) {
        OneTimeToken token;
        try {
            token = OneTimeToken.parse(tokenText);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        if (completed()) {
            return false;
        }
        Number matching = (Number) em.createNativeQuery(
                        "select count(*) from setup_token where token_hash = ?1 and expires_at > ?2")
                .setParameter(1, token.digest())
                .setParameter(2, now())
                .getSingleResult();
        return matching.longValue() == 1;
    }

    private boolean completed() {
        Object value = em.createNativeQuery("select completed from setup_state where id = 1").getSingleResult();
        return Boolean.TRUE.equals(value);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The link was used already, has expired, or never existed. */
    public static class LinkNoLongerValid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public LinkNoLongerValid() {
            super("setup link no longer valid");
        }
    }
}
