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

/**
 * The search feature's rows (migration V8): the index and its key's fingerprint, the key copies
 * sealed to investigators, and the per-case markers of what was indexed; plus the few reads of
 * case metadata the worker needs. Plain JDBC in auto-commit (the markers of a batch in one
 * transaction), and
 * the markers are written only after the index committed (a crash in between means re-indexing,
 * never a case missed).
 */
@ApplicationScoped
public class SearchTables {

    /** The index row: its id and the fingerprint of its key. */
    public record IndexRow(UUID id, String keyFingerprint) {
    }

    /** What the index holds of one case. */
    public record Marker(UUID caseId, int itemCount, String status, Set<String> labels) {
        String labelsColumn() {
            return labels.isEmpty() ? " " : " " + labels.stream().sorted().collect(Collectors.joining(" ")) + " ";
        }
    }

    @Resource(lookup = CandorDataSourceDefinition.JNDI_NAME)
    DataSource dataSource;

    /** The current index, if one was ever made. */
    public Optional<IndexRow> index() {
        return query("select id, key_fingerprint from search_index order by created_on desc", s -> {
        }, r -> new IndexRow(r.getObject(1, UUID.class), r.getString(2))).stream().findFirst();
    }

    /** Replaces any earlier index (and its key copies) by a new one. */
    public IndexRow newIndex(String keyFingerprint) {
        UUID id = UUID.randomUUID();
        update("delete from search_index", s -> {
        });
        update("delete from search_indexed", s -> {
        });
        update("insert into search_index (id, created_on, key_fingerprint) values (?, ?, ?)", s -> {
            s.setObject(1, id);
            s.setObject(2, LocalDate.now());
            s.setString(3, keyFingerprint);
        });
        return new IndexRow(id, keyFingerprint);
    }

    /** The index key sealed to one investigator, if they have a copy. */
    public Optional<byte[]> sealedCopy(UUID indexId, UUID staffId) {
        return query("select sealed_key from search_index_key where index_id = ? and staff_id = ?", s -> {
            s.setObject(1, indexId);
            s.setObject(2, staffId);
        }, r -> Base64.getDecoder().decode(r.getString(1))).stream().findFirst();
    }

    public void saveCopy(UUID indexId, UUID staffId, byte[] sealed) {
        update("delete from search_index_key where staff_id = ?", s -> s.setObject(1, staffId));
        update("insert into search_index_key (staff_id, index_id, sealed_key, created_on) values (?, ?, ?, ?)", s -> {
            s.setObject(1, staffId);
            s.setObject(2, indexId);
            s.setString(3, Base64.getEncoder().encodeToString(sealed));
            s.setObject(4, LocalDate.now());
        });
    }

    /** Enabled investigators with a key and no copy of this index's key: the pending wraps. */
    public List<UUID> needingCopy(UUID indexId) {
        return query("select k.staff_id from investigator_key k join staff_member m on m.id = k.staff_id"
                + " join staff_role r on r.staff_id = k.staff_id"
                + " where m.enabled = true and r.role = 'INVESTIGATOR' and not exists"
                + " (select 1 from search_index_key c where c.staff_id = k.staff_id and c.index_id = ?)",
                s -> s.setObject(1, indexId), r -> r.getObject(1, UUID.class));
    }

    /** Deletes the copies of accounts that are disabled or no longer investigators. */
    public int dropCopiesOfFormerInvestigators() {
        return update("delete from search_index_key where staff_id not in (select m.id from staff_member m"
                + " join staff_role r on r.staff_id = m.id where m.enabled = true and r.role = 'INVESTIGATOR')", s -> {
                });
    }

    /** The ids of the cases an investigator may open: those sealed to them. */
    public Set<String> permittedCaseIds(UUID staffId) {
        // Immutable, so that the search request and the index's filter use it as it is instead of copying it again
        return Set.copyOf(query("select case_id from case_recipient where staff_id = ?", s -> s.setObject(1, staffId),
                r -> r.getObject(1, UUID.class).toString()));
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

    /**
     * Cases sealed to one of {@code holders} whose marker is missing or differs from the case as
     * stored now: new items, another status, a label added or removed.
     */
    public List<UUID> staleCases(UUID indexId, Collection<UUID> holders, int limit) {
        if (holders.isEmpty()) {
            return List.of();
        }
        String in = holders.stream().map(h -> "?").collect(Collectors.joining(", "));
        List<UUID> stale = query("select c.id from case_file c where exists (select 1 from case_recipient r"
                + " where r.case_id = c.id and r.staff_id in (" + in + ")) and not exists (select 1 from search_indexed s"
                + " where s.case_id = c.id and s.index_id = ? and s.status = c.status"
                + " and s.item_count = (select count(*) from case_item i where i.case_id = c.id)"
                + " and (select count(*) from case_label l where l.case_id = c.id) = "
                + "   (length(s.labels) - length(replace(s.labels, ' ', '')) - 1)"
                + " and not exists (select 1 from case_label l where l.case_id = c.id"
                + "   and position(' ' || l.label || ' ' in s.labels) = 0))"
                + " order by c.received_on desc", s -> {
                    int i = 1;
                    for (UUID h : holders) {
                        s.setObject(i++, h);
                    }
                    s.setObject(i, indexId);
                    s.setMaxRows(limit);
                }, r -> r.getObject(1, UUID.class));
        return stale;
    }

    /** Cases sealed to one of {@code holders}, newest first: what a rebuild can index. */
    public List<UUID> casesSealedTo(Collection<UUID> holders) {
        if (holders.isEmpty()) {
            return List.of();
        }
        String in = holders.stream().map(h -> "?").collect(Collectors.joining(", "));
        return query("select distinct r.case_id from case_recipient r where r.staff_id in (" + in + ")", s -> {
            int i = 1;
            for (UUID h : holders) {
                s.setObject(i++, h);
            }
        }, r -> r.getObject(1, UUID.class));
    }

    /** Markers whose case no longer exists: those cases must leave the index. */
    public List<UUID> markersWithoutCase() {
        return query("select s.case_id from search_indexed s where not exists"
                + " (select 1 from case_file c where c.id = s.case_id)", s -> {
                }, r -> r.getObject(1, UUID.class));
    }

    public void mark(UUID indexId, Collection<Marker> markers) {
        if (markers.isEmpty()) {
            return;
        }
        // One transaction and two batched statements for a whole batch of cases.
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("delete from search_indexed where case_id = ?");
                    PreparedStatement insert = c.prepareStatement("insert into search_indexed"
                            + " (case_id, index_id, item_count, status, labels) values (?, ?, ?, ?, ?)")) {
                for (Marker m : markers) {
                    delete.setObject(1, m.caseId());
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

    public void unmark(Collection<UUID> caseIds) {
        for (UUID id : caseIds) {
            update("delete from search_indexed where case_id = ?", s -> s.setObject(1, id));
        }
    }

    /** Forgets every marker: the index is new or was found to be another one. */
    public void dropMarkers() {
        update("delete from search_indexed", s -> {
        });
    }

    // ----- plumbing

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    private <T> List<T> query(String sql, Binder binder, Row<T> row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            List<T> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(row.read(r));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("the search tables could not be read", e);
        }
    }

    private int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the search tables could not be written", e);
        }
    }
}
