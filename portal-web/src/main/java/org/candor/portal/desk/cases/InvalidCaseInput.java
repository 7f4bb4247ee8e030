package org.candor.portal.desk.cases;

/** Desk input that cannot be accepted; carries the message key shown to the investigator. */
public class InvalidCaseInput extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String messageKey;

    public InvalidCaseInput(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
