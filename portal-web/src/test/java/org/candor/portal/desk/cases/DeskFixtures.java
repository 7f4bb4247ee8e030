package org.candor.portal.desk.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * A test-only endpoint, deployed with DeskCasesIT alone: moves every date of a case back by some days, as if
 * it had been received that much earlier and time had passed, so that deadlines fall due without waiting.
 * Never part of the portal.
 */
@Path("it-desk")
@Produces(MediaType.TEXT_PLAIN)
@ApplicationScoped
public class DeskFixtures {

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    @POST
    @Path("earlier")
    @Transactional
    public String earlier(@QueryParam("case") UUID caseId, @QueryParam("days") int days) {
        int changed = em.createNativeQuery("update case_file set received_on = received_on - ?2,"
                        + " acknowledged_on = acknowledged_on - ?2, assessment_on = assessment_on - ?2,"
                        + " investigation_on = investigation_on - ?2, concluded_on = concluded_on - ?2,"
                        + " last_activity_on = last_activity_on - ?2, next_deadline_on = next_deadline_on - ?2"
                        + " where id = cast(?1 as uuid)")
                .setParameter(1, caseId.toString()).setParameter(2, days).executeUpdate();
        em.getEntityManagerFactory().getCache().evictAll();
        return String.valueOf(changed);
    }
}
