package org.candor.portal.staff;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where staff accounts are kept. */
public interface StaffRepository {

    void add(StaffMember member);

    Optional<StaffMember> findByUsername(Username username);

    Optional<StaffMember> find(UUID id);

    /** Every staff account, by sign-in name. */
    List<StaffMember> all();

    /** Whether at least one enabled administrator exists. */
    boolean hasAdministrator();
}
