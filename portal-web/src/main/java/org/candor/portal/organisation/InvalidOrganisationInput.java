package org.candor.portal.organisation;

/** What an administrator asked for the organisation's profile cannot be kept; nothing was changed. */
public final class InvalidOrganisationInput extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Object[] arguments;

    /**
     * @param messageKey the message that says what is wrong
     * @param arguments  its arguments
     */
    public InvalidOrganisationInput(String messageKey, Object... arguments) {
        super(messageKey);
        this.arguments = arguments.clone();
    }

    /** The message's arguments. */
    public Object[] arguments() {
        return arguments.clone();
    }
}
