package org.candor.portal.casefile;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.candor.portal.platform.persistence.CandorDataSourceDefinition;
import org.candor.portal.platform.persistence.PlainJdbc;

/**
 * Reads which cases the desk's search indexes must hold: those sealed to an investigator, those
 * whose marker in an index ({@code search_indexed}, the search feature's table) no longer matches
 * the case, and markers whose case is gone or no longer sealed to the index's investigator.
 * Plain JDBC in auto-commit ({@link PlainJdbc}): the search worker reads from threads of its own,
 * outside any transaction.
 */
@ApplicationScoped
public class CaseIndexQuery {

    private static final String TABLES = "the case tables";

    @Resource(lookup = CandorDataSourceDefinition.JNDI_NAME)
    DataSource dataSource;

    /** The ids of the cases an investigator may open: those sealed to them. */
    public Set<String> permittedCaseIds(UUID staffId) {
        // Immutable, so that the search request and the index's filter use it as it is instead of copying it again
        return Set.copyOf(PlainJdbc.query(dataSource, TABLES, "select case_id from case_recipient where staff_id = ?",
                s -> s.setObject(1, staffId), r -> r.getObject(1, UUID.class).toString()));
    }

    /**
     * Cases sealed to the index's investigator whose marker in that index is missing or differs
     * from the case as stored now: new items, another status, a label added or removed.
     */
    public List<UUID> staleCases(UUID indexId, UUID staffId, int limit) {
        return PlainJdbc.query(dataSource, TABLES, "select c.id from case_file c where exists (select 1 from case_recipient r"
                + " where r.case_id = c.id and r.staff_id = ?) and not exists (select 1 from search_indexed s"
                + " where s.case_id = c.id and s.index_id = ? and s.status = c.status"
                + " and s.item_count = (select count(*) from case_item i where i.case_id = c.id)"
                + " and (select count(*) from case_label l where l.case_id = c.id) = "
                + "   (length(s.labels) - length(replace(s.labels, ' ', '')) - 1)"
                + " and not exists (select 1 from case_label l where l.case_id = c.id"
                + "   and position(' ' || l.label || ' ' in s.labels) = 0))"
                + " order by c.received_on desc", s -> {
                    s.setObject(1, staffId);
                    s.setObject(2, indexId);
                    s.setMaxRows(limit);
                }, r -> r.getObject(1, UUID.class));
    }

    /** Cases sealed to an investigator, newest first: what a rebuild of their index takes. */
    public List<UUID> casesSealedTo(UUID staffId) {
        return PlainJdbc.query(dataSource, TABLES, "select r.case_id from case_recipient r join case_file c on c.id = r.case_id"
                + " where r.staff_id = ? order by c.received_on desc", s -> s.setObject(1, staffId),
                r -> r.getObject(1, UUID.class));
    }

    /**
     * Cases an index must lose: its markers whose case no longer exists (deleted) or is no longer
     * sealed to the index's investigator (access revoked or handed over).
     */
    public List<UUID> markersToPurge(UUID indexId, UUID staffId) {
        return PlainJdbc.query(dataSource, TABLES, "select s.case_id from search_indexed s where s.index_id = ? and not exists"
                + " (select 1 from case_recipient r where r.case_id = s.case_id and r.staff_id = ?)", s -> {
                    s.setObject(1, indexId);
                    s.setObject(2, staffId);
                }, r -> r.getObject(1, UUID.class));
    }
}
