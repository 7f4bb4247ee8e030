package org.candor.portal.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.candor.portal.blobstore.BlobId;

/**
 * The rows of a case as its deletion under the retention rule removes them, and the blobs its
 * items name. It joins the caller's transaction: the caller locks, reads, deletes and records the
 * deletion in one.
 */
@ApplicationScoped
public class CaseRemoval {

    /** The tables whose rows name a case ({@code case_id}), deleted before the case row itself. */
    private static final List<String> ROWS_OF_A_CASE = List.of("case_label", "appeal", "case_item", "case_recipient",
            "case_retention");

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    /** Locks the case's row until the transaction ends; false when the case does not exist. */
    @Transactional
    public boolean lock(UUID caseId) {
        return !em.createNativeQuery("select id from case_file where id = cast(?1 as uuid) for update")
                .setParameter(1, caseId.toString()).getResultList().isEmpty();
    }

    /** The blobs the case's items name. */
    @Transactional
    public List<BlobId> blobsOf(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object> blobIds = em.createNativeQuery("select blob_id from case_item where case_id = cast(?1 as uuid)")
                .setParameter(1, caseId.toString()).getResultList();
        return blobIds.stream().map(b -> new BlobId(b.toString().strip())).toList();
    }

    /** Deletes the case's row and every row naming it: labels, appeal, items, recipients, retention decisions. */
    @Transactional
    public void delete(UUID caseId) {
        String id = caseId.toString();
        for (String table : ROWS_OF_A_CASE) {
            em.createNativeQuery("delete from " + table + " where case_id = cast(?1 as uuid)").setParameter(1, id)
                    .executeUpdate();
        }
        em.createNativeQuery("delete from case_file where id = cast(?1 as uuid)").setParameter(1, id).executeUpdate();
    }

    /**
     * Which of some blobs an item names. Not transactional of its own: outside a transaction it is a
     * plain query of committed rows, which is what the blob sweep relies on.
     */
    public Set<String> named(List<BlobId> blobs) {
        StringBuilder sql = new StringBuilder("select blob_id from case_item where blob_id in (");
        for (int i = 0; i < blobs.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('?').append(i + 1);
        }
        var query = em.createNativeQuery(sql.append(')').toString());
        for (int i = 0; i < blobs.size(); i++) {
            query.setParameter(i + 1, blobs.get(i).value());
        }
        Set<String> found = new HashSet<>();
        for (Object id : query.getResultList()) {
            found.add(id.toString().strip());
        }
        return found;
    }
}
