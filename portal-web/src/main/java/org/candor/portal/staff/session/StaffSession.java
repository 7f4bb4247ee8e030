package org.candor.portal.staff.session;

import jakarta.enterprise.context.SessionScoped;
import jakarta.ws.rs.ForbiddenException;
import java.io.Serializable;
import java.util.Optional;
import org.candor.portal.staff.Role;

/**
 * The staff member signed in on this HTTP session, once both the password and the second
 * factor were checked. Pages under {@code /admin}, {@code /desk} and {@code /oversight} are
 * only reached with the matching role ({@link StaffGate}); resources ask this bean who acts.
 */
@SessionScoped
public class StaffSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private SignedInStaff current;

    /** The signed-in staff member, if any. */
    public Optional<SignedInStaff> current() {
        return Optional.ofNullable(current);
    }

    /** The signed-in staff member holding a role; throws {@link NotAuthorised} otherwise. */
    public SignedInStaff require(Role role) {
        if (current == null || !current.holds(role)) {
            throw new NotAuthorised();
        }
        return current;
    }

    void signIn(SignedInStaff staff) {
        this.current = staff;
    }

    void signOut() {
        this.current = null;
    }

    /** The action needs a role the session does not have: answered with 403 and a clear page. */
    public static class NotAuthorised extends ForbiddenException {
        private static final long serialVersionUID = 1L;

        public NotAuthorised() {
            super("not authorised");
        }
    }
}
