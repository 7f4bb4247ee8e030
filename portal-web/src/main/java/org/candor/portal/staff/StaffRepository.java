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

    /**
     * Whether a staff account is enabled and holds a role. The intake asks this before it seals to
     * someone; it reads only the account's id, whether it is enabled and its roles, never a password
     * hash or second-factor column, which the intake's database role may not read
     * (deploy/postgresql/roles.sql).
     */
    default boolean isEnabledHolder(UUID id, Role role) {
        return find(id).filter(StaffMember::isEnabled).filter(m -> m.holds(role)).isPresent();
    }

    /** The ids of the enabled accounts holding a role, in a stable order; reads as little as {@link #isEnabledHolder}. */
    default List<UUID> enabledHolders(Role role) {
        return all().stream().filter(StaffMember::isEnabled).filter(m -> m.holds(role)).map(StaffMember::id).toList();
    }
}
