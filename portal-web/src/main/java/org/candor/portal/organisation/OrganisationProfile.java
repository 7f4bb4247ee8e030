package org.candor.portal.organisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.candor.portal.audit.Actor;
import org.candor.portal.audit.AuditAction;
import org.candor.portal.audit.AuditEvent;
import org.candor.portal.audit.AuditLog;
import org.candor.portal.platform.persistence.JdbcValues;
import org.candor.portal.staff.session.SignedInStaff;

/**
 * Reads and changes the one {@code organisation} row. Every public page shows it, so it is kept
 * in memory and read again at most every {@value #FRESH_SECONDS} seconds: an intake host that
 * does not serve the admin pages sees an administrator's change within that time, and a page
 * never costs a database round trip for it. Every change is audited (what changed, never the
 * text).
 */
@ApplicationScoped
public class OrganisationProfile {

    static final int FRESH_SECONDS = 30;

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    /** The organisation and its logo's bytes, as read at a moment. */
    private record Read(Organisation organisation, Optional<byte[]> logo, Instant at) {
    }

    private volatile Read kept;

    /** The organisation as the public pages show it now. */
    public Organisation current() {
        return fresh().organisation();
    }

    /** The logo's bytes, when there is one. */
    public Optional<byte[]> logo() {
        return fresh().logo().map(byte[]::clone);
    }

    /**
     * Changes the name, contact and privacy notice.
     *
     * @throws InvalidOrganisationInput with the message key of what is wrong; nothing is changed
     */
    @Transactional
    public void change(SignedInStaff admin, String name, String contact, String privacyNotice) throws InvalidOrganisationInput {
        Organisation wanted = new Organisation(name, contact, privacyNotice, Optional.empty());
        check(wanted.name(), Organisation.MAX_NAME, "organisation.problem.name");
        check(wanted.contact(), Organisation.MAX_CONTACT, "organisation.problem.contact");
        if (wanted.privacyNotice().length() > Organisation.MAX_NOTICE) {
            throw new InvalidOrganisationInput("organisation.problem.notice", Organisation.MAX_NOTICE);
        }
        Organisation before = load().organisation();
        em.createNativeQuery("update organisation set name = ?1, contact = ?2, privacy_notice = ?3 where id = 1")
                .setParameter(1, wanted.name()).setParameter(2, wanted.contact()).setParameter(3, wanted.privacyNotice())
                .executeUpdate();
        List<String> changed = new java.util.ArrayList<>();
        if (!before.name().equals(wanted.name())) {
            changed.add("name");
        }
        if (!before.contact().equals(wanted.contact())) {
            changed.add("contact");
        }
        if (!before.privacyNotice().equals(wanted.privacyNotice())) {
            changed.add("privacy-notice");
        }
        if (!changed.isEmpty()) {
            audit.record(event(admin).with("changed", String.join(",", changed)));
        }
        kept = null;
    }

    /**
     * Sets the logo.
     *
     * @throws InvalidOrganisationInput when the image is not a PNG, JPEG or WebP of at most {@link Logo#MAX_BYTES}
     */
    @Transactional
    public void changeLogo(SignedInStaff admin, byte[] image) throws InvalidOrganisationInput {
        String type = Logo.typeOf(image).orElseThrow(() -> new InvalidOrganisationInput("organisation.problem.logo", Logo.MAX_BYTES / 1024));
        em.createNativeQuery("update organisation set logo = ?1, logo_type = ?2 where id = 1").setParameter(1, image)
                .setParameter(2, type).executeUpdate();
        audit.record(event(admin).with("changed", "logo"));
        kept = null;
    }

    /** Removes the logo, if there is one. */
    @Transactional
    public void removeLogo(SignedInStaff admin) {
        int removed = em.createNativeQuery("update organisation set logo = null, logo_type = null where id = 1 and logo_type is not null")
                .executeUpdate();
        if (removed == 1) {
            audit.record(event(admin).with("changed", "logo-removed"));
        }
        kept = null;
    }

    private Read fresh() {
        Read read = kept;
        Instant now = clock.instant();
        if (read == null || read.at().plus(Duration.ofSeconds(FRESH_SECONDS)).isBefore(now)) {
            read = load();
            kept = read;
        }
        return read;
    }

    /** Reads the row (a plain read: within a change's transaction when a change calls it). */
    Read load() {
        List<?> rows = em.createNativeQuery("select name, contact, privacy_notice, logo_type, logo from organisation where id = 1")
                .getResultList();
        if (rows.isEmpty()) {
            return new Read(Organisation.UNSET, Optional.empty(), clock.instant());
        }
        Object[] r = (Object[]) rows.get(0);
        Optional<String> type = JdbcValues.text(r[3]);
        Optional<byte[]> logo = type.isEmpty() ? Optional.empty() : JdbcValues.bytes(r[4]);
        Organisation organisation = new Organisation(JdbcValues.text(r[0]).orElse(""), JdbcValues.text(r[1]).orElse(""),
                JdbcValues.text(r[2]).orElse(""), logo.isPresent() ? type : Optional.empty());
        return new Read(organisation, logo, clock.instant());
    }

    private static void check(String text, int most, String problem) throws InvalidOrganisationInput {
        if (text.length() > most || text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidOrganisationInput(problem, most);
        }
    }

    private static AuditEvent event(SignedInStaff admin) {
        return AuditEvent.of(AuditAction.ORGANISATION_CHANGED, Actor.staff(admin.id(), admin.username()));
    }
}
