package org.candor.portal.desk.key;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.candor.portal.channel.KeyStatus;
import org.candor.portal.channel.RecipientKeys;

/** Tells channels whether an investigator's stored public key can be sealed to. */
@ApplicationScoped
public class JpaRecipientKeys implements RecipientKeys {

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    @Override
    @Transactional
    public KeyStatus statusOf(UUID staffId) {
        InvestigatorKeyRecord record = em.find(InvestigatorKeyRecord.class, staffId);
        return record == null ? KeyStatus.noKey() : KeyStatus.ofArmored(record.publicArmored());
    }
}
