package org.candor.portal.governance.retention;

/** A retention change refused for a reason a person can fix; the message key says which. */
public class InvalidRetentionInput extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidRetentionInput(String messageKey) {
        super(messageKey, null, false, false);
    }

    /** The key of the message that explains the refusal. */
    public String messageKey() {
        return getMessage();
    }
}
