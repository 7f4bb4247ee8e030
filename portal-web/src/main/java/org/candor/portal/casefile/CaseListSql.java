package org.candor.portal.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of the desk's case list, as plain statements with positional parameters, so that the
 * same text runs in the portal ({@link CaseListQuery}, JPA native queries), in tests on H2 and in
 * the PostgreSQL benchmark.
 *
 * <p>Only metadata is read; no decryption is needed to list. The investigator's cases are those
 * sealed to them ({@code case_recipient}). The next deadline is the case's stored
 * {@code next_deadline_on} (kept by {@link CaseFile}, indexed with the receipt day and id), so
 * that "most urgent first" reads an index in order and the deadline filters are ranges of it
 * rather than an expression computed for every case. Ids are bound as text and cast, because
 * the persistence layer binds a {@code UUID} parameter as text, which PostgreSQL refuses for a
 * {@code uuid} column.
 */
public final class CaseListSql {

    /** A statement and its parameters, in order. */
    public record Statement(String sql, List<Object> parameters) {
    }

    /** Which cases by their next deadline ({@code next_deadline_on}). */
    public sealed interface Due {
        /** The next deadline is before a day. */
        record Before(LocalDate day) implements Due {
        }

        /** The next deadline is between two days, both included. */
        record Between(LocalDate first, LocalDate last) implements Due {
        }

        /** The next deadline is on or before a day. */
        record UpTo(LocalDate day) implements Due {
        }

        /** No deadline is left (the case is concluded). */
        record None() implements Due {
        }

        /** A deadline is pending (the case is open). */
        record Pending() implements Due {
        }
    }

    /** The order of the list. */
    public enum Order {
        /** Next deadline first, cases without one last. */
        NEXT_DEADLINE,
        /** Newest receipt first. */
        NEWEST,
        /** Oldest receipt first. */
        OLDEST
    }

    /**
     * The filters, order and page of a list; the label filter matches one label exactly,
     * {@code nextActor} keeps the cases waiting for one side, {@code unread} those with something
     * from the whistleblower the investigator has not opened yet, {@code category} those filed
     * under one category option's key (a range of {@code case_file_by_category}).
     */
    public record Filter(Optional<CaseStatus> status, Optional<UUID> channel, Optional<String> label, Optional<Due> due,
            Optional<NextActor> nextActor, boolean unread, Order order, int offset, int limit,
            Optional<String> category) {

        /** Without the category filter. */
        public Filter(Optional<CaseStatus> status, Optional<UUID> channel, Optional<String> label, Optional<Due> due,
                Optional<NextActor> nextActor, boolean unread, Order order, int offset, int limit) {
            this(status, channel, label, due, nextActor, unread, order, offset, limit, Optional.empty());
        }

        /** Without the next actor, unread and category filters. */
        public Filter(Optional<CaseStatus> status, Optional<UUID> channel, Optional<String> label, Optional<Due> due,
                Order order, int offset, int limit) {
            this(status, channel, label, due, Optional.empty(), false, order, offset, limit);
        }

        boolean isEmpty() {
            return status.isEmpty() && channel.isEmpty() && label.isEmpty() && due.isEmpty() && nextActor.isEmpty()
                    && !unread && category.isEmpty();
        }
    }

    /** The investigator's cases: those sealed to them. One parameter, the staff id. */
    private static final String SEALED_TO = "select r.case_id from case_recipient r where r.staff_id = cast(? as uuid)";

    private static final String COLUMNS = "c.id, c.channel_id, c.status, c.received_on, c.next_deadline_on as due_on,"
            + " c.last_activity_on, c.next_actor,"
            + " case when c.last_whistleblower_item > coalesce(rd.read_item, -1) then 1 else 0 end as unread,"
            + " c.category";

    /**
     * What the investigator read of each case: at most one row per case, found by its primary key.
     * One parameter, the staff id.
     */
    private static final String READS = " left join case_read rd on rd.case_id = c.id and rd.staff_id = cast(? as uuid)";

    /** Whether the whistleblower wrote something after what the investigator last opened. */
    private static final String UNREAD = "c.last_whistleblower_item > coalesce(rd.read_item, -1)";

    private CaseListSql() {
    }

    /**
     * One page of the list, in one statement. Columns: id, channel_id, status, received_on, due_on,
     * last_activity_on, next_actor, unread (1 or 0), category (an option's key, or null).
     */
    public static Statement page(UUID staffId, Filter filter) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(staffId.toString());
        String where = where(staffId, filter, parameters);
        String order = switch (filter.order()) {
            case NEXT_DEADLINE -> " order by c.next_deadline_on nulls last, c.received_on, c.id";
            case NEWEST -> " order by c.received_on desc, c.id";
            case OLDEST -> " order by c.received_on, c.id";
        };
        parameters.add(filter.limit());
        parameters.add(filter.offset());
        return new Statement("select " + COLUMNS + " from case_file c" + READS + where + order + " limit ? offset ?",
                parameters);
    }

    /**
     * How many cases match, over all pages. Without a filter that is the number of cases sealed to
     * the investigator, counted on {@code case_recipient}'s index alone (every row there names a case);
     * with filters, the matching cases are counted.
     */
    public static Statement count(UUID staffId, Filter filter) {
        if (filter.isEmpty()) {
            return new Statement("select count(*) from (" + SEALED_TO + ") mine", List.of(staffId.toString()));
        }
        List<Object> parameters = new ArrayList<>();
        String reads = "";
        if (filter.unread()) {
            reads = READS;
            parameters.add(staffId.toString());
        }
        String where = where(staffId, filter, parameters);
        return new Statement("select count(*) from case_file c" + reads + where, parameters);
    }

    /**
     * The figures of the desk's start, in one statement over the investigator's cases: all, open, waiting
     * for the acknowledgement, overdue (next deadline before {@code today}), waiting for the
     * investigators, and with something unread from the whistleblower. Columns in that order.
     */
    public static Statement counts(UUID staffId, LocalDate today) {
        return new Statement("select count(*),"
                + " coalesce(sum(case when c.next_deadline_on is not null then 1 else 0 end), 0),"
                + " coalesce(sum(case when c.status = 'RECEIVED' then 1 else 0 end), 0),"
                + " coalesce(sum(case when c.next_deadline_on < ? then 1 else 0 end), 0),"
                + " coalesce(sum(case when c.next_actor = 'INVESTIGATORS' then 1 else 0 end), 0),"
                + " coalesce(sum(case when " + UNREAD + " then 1 else 0 end), 0)"
                + " from case_recipient m join case_file c on c.id = m.case_id" + READS
                + " where m.staff_id = cast(? as uuid)",
                List.of(today, staffId.toString(), staffId.toString()));
    }

    /**
     * Records that an investigator opened a case when its latest item was at {@code position}: an
     * update, and an insert when it changed nothing (the first opening). Parameters: position,
     * staff id, case id; then staff id, case id, position.
     */
    public static Statement markRead(UUID staffId, UUID caseId, int position) {
        return new Statement("update case_read set read_item = ? where staff_id = cast(? as uuid)"
                + " and case_id = cast(? as uuid) and read_item < ?",
                List.of(position, staffId.toString(), caseId.toString(), position));
    }

    /** The first opening: inserts the row {@link #markRead} found missing. */
    public static Statement firstRead(UUID staffId, UUID caseId, int position) {
        return new Statement("insert into case_read (staff_id, case_id, read_item) select cast(? as uuid), cast(? as uuid), ?"
                + " where not exists (select 1 from case_read where staff_id = cast(? as uuid) and case_id = cast(? as uuid))",
                List.of(staffId.toString(), caseId.toString(), position, staffId.toString(), caseId.toString()));
    }

    /** The labels of some cases. Columns: case_id, label. */
    public static Statement labels(List<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            throw new IllegalArgumentException("no cases");
        }
        List<Object> parameters = new ArrayList<>();
        StringBuilder in = new StringBuilder();
        for (UUID id : caseIds) {
            in.append(in.isEmpty() ? "" : ", ").append("cast(? as uuid)");
            parameters.add(id.toString());
        }
        return new Statement("select case_id, label from case_label where case_id in (" + in + ") order by label",
                parameters);
    }

    /** The labels used on an investigator's cases, for the filter. Column: label. */
    public static Statement labelsInUse(UUID staffId) {
        return new Statement("select distinct l.label from case_label l join case_recipient r on r.case_id = l.case_id"
                + " where r.staff_id = cast(? as uuid) order by l.label", List.of(staffId.toString()));
    }

    private static String where(UUID staffId, Filter filter, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" where c.id in (" + SEALED_TO + ")");
        parameters.add(staffId.toString());
        filter.status().ifPresent(status -> {
            where.append(" and c.status = ?");
            parameters.add(status.name());
        });
        filter.channel().ifPresent(channel -> {
            where.append(" and c.channel_id = cast(? as uuid)");
            parameters.add(channel.toString());
        });
        filter.category().ifPresent(category -> {
            where.append(" and c.category = ?");
            parameters.add(category);
        });
        filter.label().ifPresent(label -> {
            where.append(" and c.id in (select l.case_id from case_label l where l.label = ?)");
            parameters.add(label);
        });
        filter.due().ifPresent(due -> {
            switch (due) {
                case Due.Before before -> {
                    where.append(" and c.next_deadline_on < ?");
                    parameters.add(before.day());
                }
                case Due.Between between -> {
                    where.append(" and c.next_deadline_on between ? and ?");
                    parameters.add(between.first());
                    parameters.add(between.last());
                }
                case Due.UpTo upTo -> {
                    where.append(" and c.next_deadline_on <= ?");
                    parameters.add(upTo.day());
                }
                case Due.None none -> where.append(" and c.next_deadline_on is null");
                case Due.Pending pending -> where.append(" and c.next_deadline_on is not null");
            }
        });
        filter.nextActor().ifPresent(actor -> {
            where.append(" and c.next_actor = ?");
            parameters.add(actor.name());
        });
        if (filter.unread()) {
            where.append(" and ").append(UNREAD);
        }
        return where.toString();
    }
}
