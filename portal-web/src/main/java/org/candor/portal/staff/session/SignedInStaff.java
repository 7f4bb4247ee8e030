package org.candor.portal.staff.session;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.candor.portal.staff.Role;

/** Who is signed in on a staff session: enough to authorise and to name the actor in the audit log. */
public record SignedInStaff(UUID id, String username, String displayName, Set<Role> roles) implements Serializable {

    public SignedInStaff {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }

    public boolean isAdministrator() {
        return holds(Role.ADMINISTRATOR);
    }

    public boolean isInvestigator() {
        return holds(Role.INVESTIGATOR);
    }

    public boolean isOversight() {
        return holds(Role.OVERSIGHT);
    }
}
