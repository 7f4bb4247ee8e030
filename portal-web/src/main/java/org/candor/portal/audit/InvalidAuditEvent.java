package org.candor.portal.audit;

/**
 * An audit event that cannot be recorded as given: a field too long, a line break, a key of the
 * wrong form. This is a programming error in the caller, never a person's input to explain.
 */
public class InvalidAuditEvent extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidAuditEvent(String message) {
        super(message);
    }
}
