package org.candor.portal.staff.key;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.candor.crypto.InvestigatorKey;
import org.candor.crypto.KeyRejected;
import org.candor.crypto.UnlockedKey;
import org.candor.crypto.WrongPassphrase;
import org.candor.portal.audit.Actor;
import org.candor.portal.audit.AuditAction;
import org.candor.portal.audit.AuditEvent;
import org.candor.portal.audit.AuditLog;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.StaffMember;
import org.candor.portal.staff.session.SignedInStaff;

/**
 * An investigator's (or an oversight member's, for appeals) OpenPGP key in the portal: made here or brought from GnuPG, locked under a
 * passphrase that only the investigator knows and that must differ from the sign-in password,
 * unlocked into this session's memory when needed (docs/design.md property 4). Every key event is
 * audited.
 */
@ApplicationScoped
public class InvestigatorKeys {

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    UnlockedKeyHolder unlocked;

    Clock clock = Clock.systemUTC();

    /** The investigator's key, if one is set up. */
    @Transactional
    public Optional<InvestigatorKeyRecord> of(UUID staffId) {
        return Optional.ofNullable(em.find(InvestigatorKeyRecord.class, staffId));
    }

    /** Makes a new key in the portal, locked under a new passphrase. */
    @Transactional
    public InvestigatorKeyRecord generate(SignedInStaff investigator, char[] passphrase, char[] repeated) {
        StaffMember member = investigatorWithoutKey(investigator);
        checkNewPassphrase(member, passphrase, repeated);
        InvestigatorKey key = InvestigatorKey.generate(investigator.displayName() + " (Candor)", passphrase);
        InvestigatorKeyRecord record = new InvestigatorKeyRecord(member.id(), key, InvestigatorKeyRecord.Origin.GENERATED,
                LocalDate.now(clock));
        em.persist(record);
        audit.record(AuditEvent.of(AuditAction.KEY_GENERATED, actor(investigator))
                .about("staff", member.id()).with("fingerprint", key.fingerprint()));
        return record;
    }

    /** Brings an existing secret key (as {@code gpg --export-secret-keys --armor} writes it). */
    @Transactional
    public InvestigatorKeyRecord importSecret(SignedInStaff investigator, String armored, char[] passphrase) {
        StaffMember member = investigatorWithoutKey(investigator);
        if (member.passwordHash().matches(passphrase)) {
            throw new InvalidKeyInput("key.passphrase.sameAsPassword");
        }
        InvestigatorKey key;
        try {
            key = InvestigatorKey.importArmored(armored == null ? "" : armored.strip(), passphrase);
        } catch (KeyRejected rejected) {
            throw new InvalidKeyInput("key.rejected." + rejected.reason().name());
        } catch (WrongPassphrase wrong) {
            throw new InvalidKeyInput("key.import.wrongPassphrase");
        }
        InvestigatorKeyRecord record = new InvestigatorKeyRecord(member.id(), key, InvestigatorKeyRecord.Origin.IMPORTED,
                LocalDate.now(clock));
        em.persist(record);
        audit.record(AuditEvent.of(AuditAction.KEY_IMPORTED, actor(investigator))
                .about("staff", member.id()).with("fingerprint", key.fingerprint()));
        return record;
    }

    /** Re-locks the key under a new passphrase; the key itself (and its fingerprint) stays. */
    @Transactional
    public void changePassphrase(SignedInStaff investigator, char[] current, char[] passphrase, char[] repeated) {
        InvestigatorKeyRecord record = existing(investigator);
        checkNewPassphrase(em.find(StaffMember.class, investigator.id()), passphrase, repeated);
        try {
            record.replace(record.key().changePassphrase(current, passphrase));
        } catch (WrongPassphrase wrong) {
            throw new InvalidKeyInput("key.passphrase.wrong");
        } catch (KeyRejected rejected) {
            throw new InvalidKeyInput("key.rejected." + rejected.reason().name());
        }
        audit.record(AuditEvent.of(AuditAction.KEY_PASSPHRASE_CHANGED, actor(investigator))
                .about("staff", investigator.id()).with("fingerprint", record.fingerprint()));
    }

    /** Unlocks the key into this session's memory. */
    @Transactional
    public void unlock(SignedInStaff investigator, char[] passphrase) {
        InvestigatorKeyRecord record = existing(investigator);
        UnlockedKey key;
        try {
            key = record.key().unlock(passphrase);
        } catch (WrongPassphrase wrong) {
            throw new InvalidKeyInput("key.passphrase.wrong");
        } catch (KeyRejected rejected) {
            throw new InvalidKeyInput("key.rejected." + rejected.reason().name());
        }
        unlocked.hold(key);
        audit.record(AuditEvent.of(AuditAction.KEY_UNLOCKED, actor(investigator)).with("fingerprint", record.fingerprint()));
    }

    /** Forgets the unlocked key of this session. */
    @Transactional
    public void lock(SignedInStaff investigator) {
        if (unlocked.close()) {
            audit.record(AuditEvent.of(AuditAction.KEY_LOCKED, actor(investigator)));
        }
    }

    /** Whether this session holds the investigator's key unlocked. */
    public boolean isUnlocked() {
        return unlocked.key().isPresent();
    }

    private StaffMember investigatorWithoutKey(SignedInStaff investigator) {
        StaffMember member = em.find(StaffMember.class, investigator.id());
        if (member == null || !(member.holds(Role.INVESTIGATOR) || member.holds(Role.OVERSIGHT))) {
            throw new InvalidKeyInput("key.notKeyHolder");
        }
        if (em.find(InvestigatorKeyRecord.class, member.id()) != null) {
            throw new InvalidKeyInput("key.exists");
        }
        return member;
    }

    private InvestigatorKeyRecord existing(SignedInStaff investigator) {
        InvestigatorKeyRecord record = em.find(InvestigatorKeyRecord.class, investigator.id());
        if (record == null) {
            throw new InvalidKeyInput("key.none");
        }
        return record;
    }

    private static void checkNewPassphrase(StaffMember member, char[] passphrase, char[] repeated) {
        if (passphrase.length < InvestigatorKey.MIN_PASSPHRASE_LENGTH) {
            throw new InvalidKeyInput("key.passphrase.tooShort");
        }
        if (!Arrays.equals(passphrase, repeated)) {
            throw new InvalidKeyInput("key.passphrase.mismatch");
        }
        if (member.passwordHash().matches(passphrase)) {
            throw new InvalidKeyInput("key.passphrase.sameAsPassword");
        }
    }

    private static Actor actor(SignedInStaff staff) {
        return Actor.staff(staff.id(), staff.username());
    }
}
