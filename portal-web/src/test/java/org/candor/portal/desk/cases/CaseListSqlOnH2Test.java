package org.candor.portal.desk.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.candor.portal.casefile.CaseListSql;
import org.candor.portal.casefile.CaseStatus;
import org.candor.portal.casefile.Deadlines;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case list's SQL on the migrated embedded H2: access, filters, deadline order and paging. Cases are stored
 * with the deadline {@link Deadlines#next} gives, as {@code CaseFile} keeps it.
 */
class CaseListSqlOnH2Test {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @TempDir
    Path dataDir;

    private JdbcDataSource h2;
    private final UUID ines = UUID.randomUUID();
    private final UUID otto = UUID.randomUUID();
    private final UUID channel = UUID.randomUUID();
    private UUID overdueAck;
    private UUID soonFeedback;
    private UUID onTime;
    private UUID concluded;
    private UUID othersCase;

    @BeforeEach
    void migrateAndFill() throws Exception {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dataDir.resolve("candor"));
        h2.setUser("candor");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        try (Connection c = h2.getConnection()) {
            staff(c, ines, "ines");
            staff(c, otto, "otto");
            run(c, "insert into channel (id, slug, published, position, created_on) values (?, 'general', true, 0, ?)",
                    channel, TODAY.minusYears(1));
            overdueAck = kase(c, "RECEIVED", TODAY.minusDays(10), null, ines);
            soonFeedback = kase(c, "IN_ASSESSMENT", TODAY.minusMonths(4), TODAY.minusMonths(3).plusDays(3), ines);
            onTime = kase(c, "IN_INVESTIGATION", TODAY.minusDays(40), TODAY.minusMonths(1), ines);
            concluded = kase(c, "CONCLUDED", TODAY.minusMonths(6), TODAY.minusMonths(6), ines);
            othersCase = kase(c, "RECEIVED", TODAY.minusDays(20), null, otto);
            run(c, "insert into case_label (case_id, label) values (?, 'finance')", soonFeedback);
            run(c, "insert into case_label (case_id, label) values (?, 'finance')", othersCase);
        }
    }

    @Test
    void listsOnlyTheInvestigatorsCasesMostUrgentFirstConcludedLast() throws Exception {
        assertEquals(List.of(overdueAck, soonFeedback, onTime, concluded), ids(CaseQuery.all()));
        assertEquals(4L, count(CaseQuery.all()));
    }

    @Test
    void filtersByCategoryAloneOrWithItsChannelAndListsIt() throws Exception {
        try (Connection c = h2.getConnection()) {
            run(c, "update case_file set category = 'fraud' where id in (?, ?)", onTime, othersCase);
            run(c, "update case_file set category = 'safety' where id = ?", concluded);
        }
        CaseQuery fraud = CaseQuery.parse("", "", "", "", "", "", "fraud", "", "");
        assertEquals(List.of(onTime), ids(fraud), "another investigator's case of the category stays hidden");
        assertEquals(1L, count(fraud));
        assertEquals(List.of(onTime), ids(CaseQuery.parse("", channel.toString(), "", "", "", "", "fraud", "", "")));
        assertEquals(List.of(), ids(CaseQuery.parse("", UUID.randomUUID().toString(), "", "", "", "", "fraud", "", "")));
        assertEquals(List.of(), ids(CaseQuery.parse("", "", "", "", "", "", "harassment", "", "")));
        List<String> categories = new ArrayList<>();
        try (Connection c = h2.getConnection(); PreparedStatement s = prepare(c, CaseListSql.page(ines, CaseQuery.all().filter(TODAY)));
                ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                categories.add(rows.getString("category"));
            }
        }
        assertEquals(java.util.Arrays.asList(null, null, "fraud", "safety"), categories);
    }

    @Test
    void filtersByStatusLabelDeadlineAndChannel() throws Exception {
        assertEquals(List.of(overdueAck), ids(query(Optional.of(CaseStatus.RECEIVED), Optional.empty(),
                Optional.empty(), CaseQuery.Sort.DUE)));
        assertEquals(List.of(soonFeedback), ids(query(Optional.empty(), Optional.of(Label.of("finance")),
                Optional.empty(), CaseQuery.Sort.DUE)), "another investigator's labelled case stays hidden");
        assertEquals(List.of(overdueAck), ids(query(Optional.empty(), Optional.empty(),
                Optional.of(CaseQuery.DeadlineFilter.OVERDUE), CaseQuery.Sort.DUE)));
        assertEquals(List.of(soonFeedback), ids(query(Optional.empty(), Optional.empty(),
                Optional.of(CaseQuery.DeadlineFilter.DUE_SOON), CaseQuery.Sort.DUE)));
        assertEquals(List.of(overdueAck, soonFeedback), ids(query(Optional.empty(), Optional.empty(),
                Optional.of(CaseQuery.DeadlineFilter.URGENT), CaseQuery.Sort.DUE)));
        assertEquals(List.of(concluded), ids(query(Optional.empty(), Optional.empty(),
                Optional.of(CaseQuery.DeadlineFilter.NONE), CaseQuery.Sort.DUE)));
        CaseQuery otherChannel = new CaseQuery(Optional.empty(), Optional.of(UUID.randomUUID()), Optional.empty(),
                Optional.empty(), CaseQuery.Sort.DUE, 1);
        assertEquals(List.of(), ids(otherChannel));
    }

    @Test
    void sortsByReceiptAndPages() throws Exception {
        assertEquals(List.of(overdueAck, onTime, soonFeedback, concluded), ids(query(Optional.empty(),
                Optional.empty(), Optional.empty(), CaseQuery.Sort.NEWEST)));
        assertEquals(List.of(), ids(CaseQuery.all().onPage(2)));
    }

    @Test
    void countsTheInvestigatorsMatchingCasesOverAllPages() throws Exception {
        assertEquals(1L, count(query(Optional.empty(), Optional.empty(), Optional.of(CaseQuery.DeadlineFilter.OVERDUE),
                CaseQuery.Sort.DUE)), "otto's overdue case is not counted");
        assertEquals(2L, count(query(Optional.empty(), Optional.empty(), Optional.of(CaseQuery.DeadlineFilter.URGENT),
                CaseQuery.Sort.DUE)));
        assertEquals(1L, count(query(Optional.empty(), Optional.empty(), Optional.of(CaseQuery.DeadlineFilter.NONE),
                CaseQuery.Sort.DUE)));
        assertEquals(1L, count(query(Optional.empty(), Optional.of(Label.of("finance")), Optional.empty(),
                CaseQuery.Sort.DUE)));
    }

    @Test
    void theListShowsTheDeadlineEachCaseKeeps() throws Exception {
        CaseListSql.Statement page = CaseListSql.page(ines, CaseQuery.all().filter(TODAY));
        try (Connection c = h2.getConnection(); PreparedStatement s = prepare(c, page); ResultSet rows = s.executeQuery()) {
            rows.next();
            assertEquals(TODAY.minusDays(3), rows.getObject("due_on", LocalDate.class));
            rows.next();
            assertEquals(TODAY.plusDays(3), rows.getObject("due_on", LocalDate.class));
        }
    }

    @Test
    void labelsOfAPageAndLabelsInUseAreTheInvestigatorsOwn() throws Exception {
        try (Connection c = h2.getConnection();
                PreparedStatement s = prepare(c, CaseListSql.labelsInUse(otto)); ResultSet rows = s.executeQuery()) {
            rows.next();
            assertEquals("finance", rows.getString(1));
        }
        try (Connection c = h2.getConnection();
                PreparedStatement s = prepare(c, CaseListSql.labels(List.of(soonFeedback, onTime)));
                ResultSet rows = s.executeQuery()) {
            rows.next();
            assertEquals(soonFeedback, rows.getObject(1, UUID.class));
            assertEquals(false, rows.next());
        }
    }

    @Test
    void aWhistleblowersWordIsUnreadUntilTheInvestigatorOpensTheCaseAndMakesItTheirTurn() throws Exception {
        try (Connection c = h2.getConnection()) {
            run(c, "update case_file set next_actor = 'WHISTLEBLOWER', last_reply_item = 1 where id in (?, ?)", soonFeedback,
                    onTime);
            read(c, ines, soonFeedback, 1);
            read(c, ines, onTime, 1);
            read(c, ines, concluded, 1);
            read(c, ines, overdueAck, 0);
        }
        CaseQuery unread = new CaseQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, true,
                CaseQuery.Sort.DUE, 1);
        CaseQuery waiting = new CaseQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true,
                false, CaseQuery.Sort.DUE, 1);
        assertEquals(List.of(), ids(unread), "every case read");
        assertEquals(List.of(overdueAck), ids(waiting), "only the unacknowledged case waits for the investigators");

        try (Connection c = h2.getConnection()) {
            run(c, "update case_file set last_whistleblower_item = 2, next_actor = 'INVESTIGATORS' where id = ?", onTime);
        }
        assertEquals(List.of(onTime), ids(unread));
        assertEquals(1L, count(unread));
        assertEquals(List.of(overdueAck, onTime), ids(waiting));
        assertEquals(List.of(4L, 3L, 1L, 1L, 2L, 1L), counts(ines), "all, open, to acknowledge, overdue, waiting, unread");

        try (Connection c = h2.getConnection()) {
            read(c, ines, onTime, 2);
        }
        assertEquals(List.of(), ids(unread), "opened again: read");
        assertEquals(List.of(1L, 1L, 1L, 1L, 1L, 1L), counts(otto), "otto's one case, never opened");
    }

    private void read(Connection c, UUID staff, UUID kase, int position) throws Exception {
        for (CaseListSql.Statement statement : List.of(CaseListSql.markRead(staff, kase, position),
                CaseListSql.firstRead(staff, kase, position))) {
            try (PreparedStatement s = prepare(c, statement)) {
                s.executeUpdate();
            }
        }
    }

    private List<Long> counts(UUID staff) throws Exception {
        List<Long> counts = new ArrayList<>();
        try (Connection c = h2.getConnection(); PreparedStatement s = prepare(c, CaseListSql.counts(staff, TODAY));
                ResultSet rows = s.executeQuery()) {
            rows.next();
            for (int i = 1; i <= 6; i++) {
                counts.add(rows.getLong(i));
            }
        }
        return counts;
    }

    private CaseQuery query(Optional<CaseStatus> status, Optional<Label> label, Optional<CaseQuery.DeadlineFilter> deadline,
            CaseQuery.Sort sort) {
        return new CaseQuery(status, Optional.empty(), label, deadline, sort, 1);
    }

    private List<UUID> ids(CaseQuery query) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = h2.getConnection(); PreparedStatement s = prepare(c, CaseListSql.page(ines, query.filter(TODAY)));
                ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private long count(CaseQuery query) throws Exception {
        try (Connection c = h2.getConnection(); PreparedStatement s = prepare(c, CaseListSql.count(ines, query.filter(TODAY)));
                ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static PreparedStatement prepare(Connection c, CaseListSql.Statement statement) throws Exception {
        PreparedStatement s = c.prepareStatement(statement.sql());
        for (int i = 0; i < statement.parameters().size(); i++) {
            s.setObject(i + 1, statement.parameters().get(i));
        }
        return s;
    }

    private static void staff(Connection c, UUID id, String name) throws Exception {
        run(c, "insert into staff_member (id, username, display_name, password_hash, enabled, created_on)"
                + " values (?, ?, ?, 'x', true, ?)", id, name, name, TODAY);
    }

    private UUID kase(Connection c, String status, LocalDate received, LocalDate acknowledged, UUID recipient)
            throws Exception {
        UUID id = UUID.randomUUID();
        LocalDate due = new Deadlines(received, Optional.ofNullable(acknowledged)).next(CaseStatus.valueOf(status))
                .orElse(null);
        run(c, "insert into case_file (id, channel_id, lookup_handle, sealed_in_browser, status, received_on,"
                + " acknowledged_on, next_deadline_on, last_activity_on, whistleblower_key, whistleblower_fingerprint,"
                + " next_actor) values (?, ?, ?, false, ?, ?, ?, ?, ?, 'k', 'f', ?)", id, channel, id.toString(), status,
                received, acknowledged, due, received, "CONCLUDED".equals(status) ? null : "INVESTIGATORS");
        run(c, "insert into case_recipient (case_id, staff_id, fingerprint) values (?, ?, 'f')", id, recipient);
        return id;
    }

    private static void run(Connection c, String sql, Object... parameters) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }
}
