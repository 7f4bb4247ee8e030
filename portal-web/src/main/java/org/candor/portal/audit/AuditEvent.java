package org.candor.portal.audit;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One thing to record in the audit log: an action, who did it, optionally what it was about, and
 * a few short non-content facts. Immutable; each builder method returns a new event:
 *
 * <pre>{@code
 * audit.record(AuditEvent.of(AuditAction.ROLE_GRANTED, Actor.staff(admin.id(), admin.username()))
 *         .about("staff", member.id())
 *         .with("role", "INVESTIGATOR"));
 * }</pre>
 *
 * <p>Details are facts such as a role, a reason code, a count or a key fingerprint: at most
 * {@value #MAX_DETAILS} of them, keys of 1 to 32 characters (a-z, 0-9, '.', '-', '_'), values of 1
 * to {@value #MAX_VALUE} characters without line breaks. Never put report contents, a reply code,
 * a passphrase, a password or anything about a whistleblower in them (docs/design.md properties 6
 * and 8): the log is shown to oversight and kept for good.
 */
public final class AuditEvent {

    /** Most details an event carries. */
    public static final int MAX_DETAILS = 8;
    /** Longest detail value. */
    public static final int MAX_VALUE = 200;

    private final AuditAction action;
    private final Actor actor;
    private final Subject subject;
    private final SortedMap<String, String> details;

    private AuditEvent(AuditAction action, Actor actor, Subject subject, SortedMap<String, String> details) {
        this.action = Objects.requireNonNull(action, "action");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.subject = subject;
        this.details = details;
    }

    /** An event with no subject and no details yet. */
    public static AuditEvent of(AuditAction action, Actor actor) {
        return new AuditEvent(action, actor, null, new TreeMap<>());
    }

    /** The same event, about a subject given by kind and id. */
    public AuditEvent about(String kind, UUID id) {
        return about(Subject.of(kind, Objects.requireNonNull(id, "id")));
    }

    /** The same event, about a subject given by kind and opaque id. */
    public AuditEvent about(String kind, String id) {
        return about(new Subject(kind, id));
    }

    /** The same event, about a subject. */
    public AuditEvent about(Subject subject) {
        return new AuditEvent(action, actor, Objects.requireNonNull(subject, "subject"), details);
    }

    /** The same event with one more detail (replacing one of the same key). */
    public AuditEvent with(String key, String value) {
        AuditText.name("detail key", key);
        AuditText.value("detail " + key, value, MAX_VALUE);
        SortedMap<String, String> more = new TreeMap<>(details);
        more.put(key, value);
        if (more.size() > MAX_DETAILS) {
            throw new InvalidAuditEvent("an audit event carries at most " + MAX_DETAILS + " details");
        }
        return new AuditEvent(action, actor, subject, more);
    }

    /** The same event with one more detail, a number or anything whose text form is short. */
    public AuditEvent with(String key, Object value) {
        return with(key, String.valueOf(Objects.requireNonNull(value, key)));
    }

    public AuditAction action() {
        return action;
    }

    public Actor actor() {
        return actor;
    }

    public Optional<Subject> subject() {
        return Optional.ofNullable(subject);
    }

    /** The details, sorted by key. */
    public SortedMap<String, String> details() {
        return Collections.unmodifiableSortedMap(details);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditEvent e && action == e.action && actor.equals(e.actor)
                && Objects.equals(subject, e.subject) && details.equals(e.details);
    }

    @Override
    public int hashCode() {
        return Objects.hash(action, actor, subject, details);
    }

    @Override
    public String toString() {
        return "AuditEvent[" + action + " by " + actor + (subject == null ? "" : " about " + subject.kind()) + "]";
    }
}
