package org.candor.portal.staff.key;

/** Key input that cannot be accepted; carries the message key shown to the investigator. */
public class InvalidKeyInput extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String messageKey;

    public InvalidKeyInput(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
