package org.candor.portal.oversight.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.candor.portal.audit.AuditAction;

/**
 * Which entries oversight wants to see: one action, an actor's sign-in name (or part of it), and
 * a range of days in UTC, each optional.
 *
 * @param action the action, or {@code null} for all
 * @param actor  part of a staff sign-in name, lower case, or {@code null} for everyone
 * @param from   the first day (UTC), or {@code null}
 * @param to     the last day (UTC, included), or {@code null}
 */
public record AuditFilter(AuditAction action, String actor, LocalDate from, LocalDate to) {

    /** Longest actor text accepted (sign-in names have at most 64 characters). */
    public static final int MAX_ACTOR = 64;

    public AuditFilter {
        actor = actor == null || actor.isBlank() ? null : actor.strip().toLowerCase(Locale.ROOT);
        if (actor != null && (actor.length() > MAX_ACTOR || actor.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidFilter("audit.filter.invalidActor");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidFilter("audit.filter.invalidRange");
        }
    }

    /** Everything. */
    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null);
    }

    /**
     * Reads a filter from the form's fields, as typed; empty fields mean "any".
     *
     * @throws InvalidFilter with the message key explaining what is wrong
     */
    public static AuditFilter parse(String action, String actor, String from, String to) {
        return new AuditFilter(action(action), actor, day(from), day(to));
    }

    private static AuditAction action(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return AuditAction.valueOf(text.strip());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidFilter("audit.filter.invalidAction");
        }
    }

    private static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException malformed) {
            throw new InvalidFilter("audit.filter.invalidDate");
        }
    }

    public Optional<AuditAction> actionWanted() {
        return Optional.ofNullable(action);
    }

    /** A filter field that cannot be read; carries the key of the explanation shown. */
    public static class InvalidFilter extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        private final String messageKey;

        public InvalidFilter(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }
}
