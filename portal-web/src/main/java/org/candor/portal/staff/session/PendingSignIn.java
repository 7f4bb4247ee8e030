package org.candor.portal.staff.session;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;

/**
 * A sign-in half done: the password was right, the second factor (or its enrolment) is still
 * to come. Holds no secret in clear: an enrolment's seed is sealed with the server's key.
 */
@SessionScoped
public class PendingSignIn implements Serializable {

    private static final long serialVersionUID = 1L;

    private UUID staffId;
    private String next;
    private SignIn.Enrolment enrolment;

    void passwordPassed(UUID staffId, String next) {
        this.staffId = staffId;
        this.next = next;
        this.enrolment = null;
    }

    Optional<UUID> staffId() {
        return Optional.ofNullable(staffId);
    }

    String next() {
        return next == null ? "/staff" : next;
    }

    Optional<SignIn.Enrolment> enrolment() {
        return Optional.ofNullable(enrolment);
    }

    void enrolment(SignIn.Enrolment enrolment) {
        this.enrolment = enrolment;
    }

    void clear() {
        staffId = null;
        next = null;
        enrolment = null;
    }
}
