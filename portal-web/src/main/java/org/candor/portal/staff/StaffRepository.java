package org.candor.portal.staff;

import java.util.Optional;

/** Where staff accounts are kept. */
public interface StaffRepository {

    void add(StaffMember member);

    Optional<StaffMember> findByUsername(Username username);

    /** Whether at least one enabled administrator exists. */
    boolean hasAdministrator();
}
