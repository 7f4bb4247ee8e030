package org.candor.portal.staff.key;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.candor.portal.channel.KeyStatus;
import org.candor.portal.channel.RecipientKeys;

/**
 * Tells channels whether an investigator's stored public key can be sealed to. It reads the public
 * key alone: the intake's database role may read no locked secret key (deploy/postgresql/roles.sql).
 */
@ApplicationScoped
public class JpaRecipientKeys implements RecipientKeys {

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    @Override
    @Transactional
    public KeyStatus statusOf(UUID staffId) {
        return em.createQuery("select k.publicArmored from InvestigatorKeyRecord k where k.staffId = :id", String.class)
                .setParameter("id", staffId)
                .getResultStream()
                .findFirst()
                .map(KeyStatus::ofArmored)
                .orElseGet(KeyStatus::noKey);
    }
}
