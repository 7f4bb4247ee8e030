package org.candor.portal.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Staff accounts kept with JPA. */
@ApplicationScoped
@Transactional
public class JpaStaffRepository implements StaffRepository {

    @PersistenceContext(unitName = "candor")
    private EntityManager em;

    @Override
    public void add(StaffMember member) {
        em.persist(member);
    }

    @Override
    public Optional<StaffMember> findByUsername(Username username) {
        return em.createQuery("select s from StaffMember s where s.username = :u", StaffMember.class)
                .setParameter("u", username.value())
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<StaffMember> find(UUID id) {
        return Optional.ofNullable(em.find(StaffMember.class, id));
    }

    @Override
    public List<StaffMember> all() {
        return em.createQuery("select s from StaffMember s order by s.username", StaffMember.class).getResultList();
    }

    @Override
    public boolean hasAdministrator() {
        return em.createQuery(
                        "select count(s) from StaffMember s join s.roles r where r = :role and s.enabled = true", Long.class)
                .setParameter("role", Role.ADMINISTRATOR)
                .getSingleResult() > 0;
    }

    @Override
    public boolean isEnabledHolder(UUID id, Role role) {
        return !em.createQuery("select s.id from StaffMember s join s.roles r where s.id = :id and r = :role"
                        + " and s.enabled = true", UUID.class)
                .setParameter("id", id)
                .setParameter("role", role)
                .getResultList().isEmpty();
    }

    @Override
    public List<UUID> enabledHolders(Role role) {
        return em.createQuery("select s.id from StaffMember s join s.roles r where r = :role and s.enabled = true"
                        + " order by s.id", UUID.class)
                .setParameter("role", role)
                .getResultList();
    }
}
