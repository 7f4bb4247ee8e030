package org.candor.portal.desk.access;

import java.util.List;

/**
 * A change of access that was refused before anything was changed: the HTTP status to answer
 * (409 for a form made before the case changed, 422 otherwise) and the message a person reads.
 */
public class AccessRefused extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<Object> arguments;

    AccessRefused(int status, String messageKey, Object... arguments) {
        super(messageKey, null, false, false);
        this.status = status;
        this.arguments = List.of(arguments);
    }

    static AccessRefused invalid(String messageKey, Object... arguments) {
        return new AccessRefused(422, messageKey, arguments);
    }

    static AccessRefused stale() {
        return new AccessRefused(409, "caseAccess.stale");
    }

    public int status() {
        return status;
    }

    public String messageKey() {
        return getMessage();
    }

    public List<Object> arguments() {
        return arguments;
    }
}
