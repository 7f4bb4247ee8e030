package org.candor.portal.desk.search;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.candor.portal.platform.persistence.CandorDataSourceDefinition;
import org.candor.portal.platform.persistence.PlainJdbc;

/**
 * The search feature's rows (migrations V8 and V11): each investigator's index with its key sealed
 * to that investigator alone, and per index the markers of what was indexed, and the labels of
 * cases. Which cases an index must take or lose is read by the case core
 * ({@link org.candor.portal.casefile.CaseIndexQuery}). Plain JDBC in auto-commit (the markers of a
 * batch in one transaction), and
 * the markers are written only after the index committed (a crash in between means re-indexing,
 * never a case missed).
 */
@ApplicationScoped
public class SearchTables {

    /** One investigator's index: its id, its owner, the fingerprint of its key and the key sealed to the owner. */
    public record IndexRow(UUID id, UUID staffId, String keyFingerprint, byte[] sealedKey) {
        @Override
        public String toString() {
            return "IndexRow[" + id + " of " + staffId + "]";
        }
    }

    /** What the index holds of one case. */
    public record Marker(UUID caseId, int itemCount, String status, Set<String> labels) {
        String labelsColumn() {
            return labels.isEmpty() ? " " : " " + labels.stream().sorted().collect(Collectors.joining(" ")) + " ";
        }
    }

    private static final String TABLES = "the search tables";

    @Resource(lookup = CandorDataSourceDefinition.JNDI_NAME)
    DataSource dataSource;

    /** An investigator's index row. */
    public Optional<IndexRow> indexOf(UUID staffId) {
        return query("select id, staff_id, key_fingerprint, sealed_key from search_index where staff_id = ?",
                s -> s.setObject(1, staffId), SearchTables::indexRow).stream().findFirst();
    }

    /** Every index row, of every investigator. */
    public List<IndexRow> indexes() {
        return query("select id, staff_id, key_fingerprint, sealed_key from search_index", s -> {
        }, SearchTables::indexRow);
    }

    /** Replaces any earlier index of this investigator (its key and markers) by a new one. */
    public IndexRow newIndex(UUID staffId, String keyFingerprint, byte[] sealedKey) {
        UUID id = UUID.randomUUID();
        update("delete from search_index where staff_id = ?", s -> s.setObject(1, staffId));
        update("insert into search_index (id, staff_id, created_on, key_fingerprint, sealed_key) values (?, ?, ?, ?, ?)",
                s -> {
                    s.setObject(1, id);
                    s.setObject(2, staffId);
                    s.setObject(3, LocalDate.now());
                    s.setString(4, keyFingerprint);
                    s.setString(5, Base64.getEncoder().encodeToString(sealedKey));
                });
        return new IndexRow(id, staffId, keyFingerprint, sealedKey);
    }

    /**
     * Deletes the index rows (their sealed keys, by cascade their markers) of accounts that are
     * disabled or no longer investigators, except those in {@code open}; returns the ids deleted.
     */
    public List<UUID> dropIndexesOfFormerInvestigators(Collection<UUID> open) {
        List<UUID> former = query("select id from search_index where staff_id not in (select m.id from staff_member m"
                + " join staff_role r on r.staff_id = m.id where m.enabled = true and r.role = 'INVESTIGATOR')", s -> {
                }, r -> r.getObject(1, UUID.class));
        List<UUID> dropped = new ArrayList<>();
        for (UUID id : former) {
            if (!open.contains(id)) {
                update("delete from search_index where id = ?", s -> s.setObject(1, id));
                dropped.add(id);
            }
        }
        return dropped;
    }

    /** The labels of many cases at once, by case; a case without labels is absent. */
    public Map<UUID, Set<String>> labels(Collection<UUID> caseIds) {
        Map<UUID, Set<String>> byCase = new HashMap<>();
        if (caseIds.isEmpty()) {
            return byCase;
        }
        String in = caseIds.stream().map(id -> "?").collect(Collectors.joining(", "));
        List<Map.Entry<UUID, String>> rows = query("select case_id, label from case_label where case_id in (" + in + ")",
                s -> {
                    int i = 1;
                    for (UUID id : caseIds) {
                        s.setObject(i++, id);
                    }
                }, r -> Map.entry(r.getObject(1, UUID.class), r.getString(2)));
        rows.forEach(row -> byCase.computeIfAbsent(row.getKey(), id -> new HashSet<>()).add(row.getValue()));
        return byCase;
    }

    public void mark(UUID indexId, Collection<Marker> markers) {
        if (markers.isEmpty()) {
            return;
        }
        // One transaction and two batched statements for a whole batch of cases.
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement(
                    "delete from search_indexed where index_id = ? and case_id = ?");
                    PreparedStatement insert = c.prepareStatement("insert into search_indexed"
                            + " (case_id, index_id, item_count, status, labels) values (?, ?, ?, ?, ?)")) {
                for (Marker m : markers) {
                    delete.setObject(1, indexId);
                    delete.setObject(2, m.caseId());
                    delete.addBatch();
                    insert.setObject(1, m.caseId());
                    insert.setObject(2, indexId);
                    insert.setInt(3, m.itemCount());
                    insert.setString(4, m.status());
                    insert.setString(5, m.labelsColumn());
                    insert.addBatch();
                }
                delete.executeBatch();
                insert.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the search tables could not be written", e);
        }
    }

    /** Forgets the markers of these cases in one index: they were purged from it. */
    public void unmark(UUID indexId, Collection<UUID> caseIds) {
        for (UUID id : caseIds) {
            update("delete from search_indexed where index_id = ? and case_id = ?", s -> {
                s.setObject(1, indexId);
                s.setObject(2, id);
            });
        }
    }

    /** Forgets every marker of one index: it is new or was found to be another one. */
    public void dropMarkers(UUID indexId) {
        update("delete from search_indexed where index_id = ?", s -> s.setObject(1, indexId));
    }

    private static IndexRow indexRow(ResultSet r) throws SQLException {
        return new IndexRow(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
                Base64.getDecoder().decode(r.getString(4)));
    }

    private <T> List<T> query(String sql, PlainJdbc.Binder binder, PlainJdbc.RowReader<T> row) {
        return PlainJdbc.query(dataSource, TABLES, sql, binder, row);
    }

    private int update(String sql, PlainJdbc.Binder binder) {
        return PlainJdbc.update(dataSource, TABLES, sql, binder);
    }
}
