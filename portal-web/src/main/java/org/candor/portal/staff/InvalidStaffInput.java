package org.candor.portal.staff;

/**
 * Input about a staff member that cannot be accepted; carries the message key of the
 * explanation shown to the person, in their language.
 */
public class InvalidStaffInput extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String messageKey;

    public InvalidStaffInput(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    /** The key in the portal's message bundle that explains the problem. */
    public String messageKey() {
        return messageKey;
    }
}
