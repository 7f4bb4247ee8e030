package org.candor.portal.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.candor.crypto.LookupHandle;

/** Cases kept with JPA. */
@ApplicationScoped
@Transactional
public class JpaCaseRepository implements CaseRepository {

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    @Override
    public void add(CaseFile caseFile) {
        em.persist(caseFile);
    }

    @Override
    public void addItem(CaseItem item) {
        em.persist(item);
    }

    @Override
    public Optional<CaseFile> find(UUID id) {
        return Optional.ofNullable(em.find(CaseFile.class, id));
    }

    @Override
    public Optional<CaseFile> findForUpdate(UUID id) {
        // a row lock by native SQL: a pessimistic find would refresh a case already changed in this transaction
        boolean exists = !em.createNativeQuery("select id from case_file where id = cast(?1 as uuid) for update")
                .setParameter(1, id.toString()).getResultList().isEmpty();
        return exists ? find(id) : Optional.empty();
    }

    @Override
    public Optional<CaseFile> findByHandle(LookupHandle handle) {
        return em.createQuery("select c from CaseFile c where c.lookupHandle = :h", CaseFile.class)
                .setParameter("h", handle.toHex())
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<CaseItem> items(UUID caseId) {
        return em.createQuery("select i from CaseItem i where i.caseId = :c order by i.position", CaseItem.class)
                .setParameter("c", caseId)
                .getResultList();
    }

    @Override
    public List<CaseFile> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // The recipients come with the cases in one statement (one row per recipient, one entity
        // per case in the persistence context); otherwise each case costs another query.
        return em.createQuery("select c from CaseFile c left join fetch c.recipients where c.id in :ids", CaseFile.class)
                .setParameter("ids", ids)
                .getResultList()
                .stream()
                .distinct()
                .toList();
    }

    @Override
    public Map<UUID, List<CaseItem>> itemsOf(Collection<UUID> caseIds) {
        Map<UUID, List<CaseItem>> byCase = new LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return byCase;
        }
        em.createQuery("select i from CaseItem i where i.caseId in :ids order by i.caseId, i.position", CaseItem.class)
                .setParameter("ids", caseIds)
                .getResultList()
                .forEach(i -> byCase.computeIfAbsent(i.caseId(), c -> new ArrayList<>()).add(i));
        return byCase;
    }

    @Override
    public int nextPosition(UUID caseId) {
        Integer max = em.createQuery("select max(i.position) from CaseItem i where i.caseId = :c", Integer.class)
                .setParameter("c", caseId)
                .getSingleResult();
        return max == null ? 0 : max + 1;
    }

    @Override
    public List<CaseFile> sealedTo(UUID staffId, int offset, int limit) {
        return em.createQuery("select c from CaseFile c join c.recipients r where r.staffId = :s "
                        + "order by c.receivedOn desc, c.id", CaseFile.class)
                .setParameter("s", staffId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<CaseFile> ofChannels(Set<UUID> channelIds, int offset, int limit) {
        if (channelIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select c from CaseFile c where c.channelId in :ids order by c.receivedOn desc, c.id",
                        CaseFile.class)
                .setParameter("ids", channelIds)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }
}
