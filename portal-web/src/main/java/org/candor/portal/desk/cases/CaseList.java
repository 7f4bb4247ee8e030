package org.candor.portal.desk.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.candor.portal.casefile.CaseListQuery;

/**
 * An investigator's case list: metadata only, read by {@link CaseListQuery} one page at a time
 * with its total, so that it stays fast with 100,000 cases. Nothing is decrypted and nothing is
 * audited here: listing shows no contents.
 */
@ApplicationScoped
public class CaseList {

    @Inject
    CaseListQuery cases;

    /** One page of the list. */
    public record Listing(List<CaseListQuery.Row> rows, long total, int page, int pages) {
    }

    public Listing list(UUID staffId, CaseQuery query, LocalDate today) {
        CaseListQuery.Found found = cases.find(staffId, query.filter(today));
        int pages = (int) Math.max(1, (found.total() + CaseQuery.PAGE_SIZE - 1) / CaseQuery.PAGE_SIZE);
        return new Listing(found.rows(), found.total(), query.page(), pages);
    }

    /** The figures of the desk's start and of the saved views. */
    public CaseListQuery.Counts counts(UUID staffId, LocalDate today) {
        return cases.counts(staffId, today);
    }

    /** The labels on the investigator's cases, for the filter. */
    public List<String> labelsInUse(UUID staffId) {
        return cases.labelsInUse(staffId);
    }
}
