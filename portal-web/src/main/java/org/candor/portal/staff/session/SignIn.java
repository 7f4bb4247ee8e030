package org.candor.portal.staff.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.candor.portal.audit.Actor;
import org.candor.portal.audit.AuditAction;
import org.candor.portal.audit.AuditEvent;
import org.candor.portal.audit.AuditLog;
import org.candor.portal.platform.secrets.ServerSecrets;
import org.candor.portal.staff.PasswordHash;
import org.candor.portal.staff.RecoveryCodes;
import org.candor.portal.staff.StaffMember;
import org.candor.portal.staff.StaffRepository;
import org.candor.portal.staff.Totp;
import org.candor.portal.staff.Username;

/**
 * Staff sign-in in two steps: the password (Argon2id), then a TOTP code or a one-time recovery
 * code. A member without a second factor enrols one before the first sign-in completes.
 *
 * <p>Wrong answers slow the account down ({@link StaffMember#failSignIn}) without locking it
 * for good; unknown names, disabled accounts, accounts being slowed down and wrong passwords get
 * the same answer and cost the same time (one Argon2id check). Every success and failure goes to the audit log (docs/design.md property 8).
 */
@ApplicationScoped
public class SignIn {

    private static final String ISSUER = "Candor";
    /** Spent on unknown names so that they take as long as known ones. */
    private static final PasswordHash DECOY = PasswordHash.of("decoy password for unknown names".toCharArray());

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    @Inject
    StaffRepository staff;

    @Inject
    ServerSecrets secrets;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    /** The answer to the password step. */
    public sealed interface PasswordStep {
        /** Name and password are right: the second factor comes next (or its enrolment). */
        record Passed(UUID staffId, boolean mustEnrol) implements PasswordStep {
        }

        /**
         * Wrong name or password, a disabled account, or an account slowed down after failures:
         * one answer, after the same work, for all four.
         */
        record Refused() implements PasswordStep {
        }
    }

    /** The answer to the second-factor step. */
    public sealed interface SecondStep {
        record Passed(SignedInStaff staff, boolean usedRecoveryCode) implements SecondStep {
        }

        record Refused() implements SecondStep {
        }

        record Throttled(Instant until) implements SecondStep {
        }
    }

    /** A second factor being enrolled: the sealed seed travels with the session until confirmed. */
    public record Enrolment(String sealedSecret, String otpauthUri, String typedSecret) {
        @Override
        public String toString() {
            return "Enrolment[redacted]";
        }
    }

    @Transactional
    public PasswordStep checkPassword(String typedUsername, char[] password) {
        Optional<StaffMember> found;
        try {
            found = staff.findByUsername(Username.parse(typedUsername)).map(this::locked);
        } catch (IllegalArgumentException notAName) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            DECOY.matches(password);
            audit.record(AuditEvent.of(AuditAction.STAFF_SIGN_IN_FAILED, Actor.system()).with("reason", "unknown-name"));
            return new PasswordStep.Refused();
        }
        StaffMember member = found.get();
        if (throttled(member).isPresent()) {
            // The same answer and the same work as for an unknown name: whether an account is being
            // slowed down must not tell a stranger that it exists (docs/design.md property 12).
            DECOY.matches(password);
            return new PasswordStep.Refused();
        }
        boolean right = member.passwordHash().matches(password);
        if (!right || !member.isEnabled()) {
            member.failSignIn(now());
            audit.record(AuditEvent.of(AuditAction.STAFF_SIGN_IN_FAILED, actor(member))
                    .with("reason", right ? "disabled" : "password"));
            return new PasswordStep.Refused();
        }
        if (member.passwordHash().needsRehash()) {
            member.changePassword(PasswordHash.of(password));
        }
        return new PasswordStep.Passed(member.id(), member.sealedTotpSecret().isEmpty());
    }

    /** Starts enrolling a second factor: a fresh seed, its QR-code URI and its typed form. */
    @Transactional
    public Enrolment startEnrolment(UUID staffId) {
        StaffMember member = em.find(StaffMember.class, staffId);
        byte[] secret = Totp.newSecret();
        return new Enrolment(secrets.sealTotpSeed(secret),
                Totp.uri(ISSUER, member.username().value(), secret), Totp.base32(secret));
    }

    /**
     * Confirms an enrolment with a code from the app; on success the member is signed in and
     * receives fresh recovery codes, shown once.
     */
    @Transactional
    public Optional<EnrolmentDone> confirmEnrolment(UUID staffId, Enrolment enrolment, String typedCode) {
        StaffMember member = locked(em.find(StaffMember.class, staffId));
        if (!member.isEnabled() || member.sealedTotpSecret().isPresent() || throttled(member).isPresent()) {
            return Optional.empty();
        }
        OptionalLong step = Totp.matchingStep(secrets.openTotpSeed(enrolment.sealedSecret()), typedCode, clock.instant());
        if (step.isEmpty()) {
            member.failSignIn(now());
            audit.record(AuditEvent.of(AuditAction.STAFF_SIGN_IN_FAILED, actor(member)).with("reason", "enrolment-code"));
            return Optional.empty();
        }
        member.enrolSecondFactor(enrolment.sealedSecret(), step.getAsLong());
        List<String> codes = replaceRecoveryCodes(member);
        member.succeedSignIn();
        audit.record(AuditEvent.of(AuditAction.SECOND_FACTOR_ENROLLED, actor(member)).about("staff", member.id()));
        audit.record(AuditEvent.of(AuditAction.STAFF_SIGNED_IN, actor(member)));
        return Optional.of(new EnrolmentDone(signedIn(member), codes));
    }

    /** A confirmed enrolment: who is now signed in, and their recovery codes (shown once). */
    public record EnrolmentDone(SignedInStaff staff, List<String> recoveryCodes) {
        @Override
        public String toString() {
            return "EnrolmentDone[" + staff.username() + "]";
        }
    }

    /** Checks a TOTP code (refusing one of a step already used) or a one-time recovery code. */
    @Transactional
    public SecondStep checkSecondFactor(UUID staffId, String typed) {
        StaffMember member = locked(em.find(StaffMember.class, staffId));
        Optional<Instant> throttled = throttled(member);
        if (throttled.isPresent()) {
            return new SecondStep.Throttled(throttled.get());
        }
        if (!member.isEnabled() || member.sealedTotpSecret().isEmpty()) {
            return new SecondStep.Refused();
        }
        boolean recovery = RecoveryCodes.looksLikeOne(typed);
        boolean passed;
        if (recovery) {
            passed = em.createNativeQuery("delete from staff_recovery_code where staff_id = ?1 and code_hash = ?2")
                    .setParameter(1, member.id())
                    .setParameter(2, RecoveryCodes.digest(typed))
                    .executeUpdate() == 1;
        } else {
            byte[] secret = secrets.openTotpSeed(member.sealedTotpSecret().get());
            OptionalLong step = Totp.matchingStep(secret, typed, clock.instant());
            passed = step.isPresent() && step.getAsLong() > member.lastTotpStep();
            if (passed) {
                member.useTotpStep(step.getAsLong());
            }
        }
        if (!passed) {
            member.failSignIn(now());
            audit.record(AuditEvent.of(AuditAction.STAFF_SIGN_IN_FAILED, actor(member))
                    .with("reason", recovery ? "recovery-code" : "second-factor"));
            return new SecondStep.Refused();
        }
        member.succeedSignIn();
        if (recovery) {
            audit.record(AuditEvent.of(AuditAction.RECOVERY_CODE_USED, actor(member)));
        }
        audit.record(AuditEvent.of(AuditAction.STAFF_SIGNED_IN, actor(member)));
        return new SecondStep.Passed(signedIn(member), recovery);
    }

    /** Records a sign-out. */
    @Transactional
    public void signedOut(SignedInStaff staff) {
        audit.record(AuditEvent.of(AuditAction.STAFF_SIGNED_OUT, Actor.staff(staff.id(), staff.username())));
    }

    /** How many unused recovery codes a member has left. */
    @Transactional
    public long recoveryCodesLeft(UUID staffId) {
        return ((Number) em.createNativeQuery("select count(*) from staff_recovery_code where staff_id = ?1")
                .setParameter(1, staffId).getSingleResult()).longValue();
    }

    private List<String> replaceRecoveryCodes(StaffMember member) {
        em.createNativeQuery("delete from staff_recovery_code where staff_id = ?1").setParameter(1, member.id()).executeUpdate();
        List<String> codes = RecoveryCodes.generate();
        for (String code : codes) {
            em.createNativeQuery("insert into staff_recovery_code (staff_id, code_hash) values (?1, ?2)")
                    .setParameter(1, member.id())
                    .setParameter(2, RecoveryCodes.digest(code))
                    .executeUpdate();
        }
        return codes;
    }

    private StaffMember locked(StaffMember member) {
        em.lock(member, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(member);
        return member;
    }

    private Optional<Instant> throttled(StaffMember member) {
        return member.throttledUntil().map(OffsetDateTime::toInstant).filter(until -> until.isAfter(clock.instant()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static Actor actor(StaffMember member) {
        return Actor.staff(member.id(), member.username().value());
    }

    static SignedInStaff signedIn(StaffMember member) {
        return new SignedInStaff(member.id(), member.username().value(), member.displayName().value(), member.roles());
    }
}
