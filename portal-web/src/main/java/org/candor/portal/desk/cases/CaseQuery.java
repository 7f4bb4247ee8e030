package org.candor.portal.desk.cases;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.candor.portal.casefile.CaseListSql;
import org.candor.portal.casefile.CaseStatus;
import org.candor.portal.casefile.NextActor;

/**
 * What the investigator asked the case list for: filters (status, channel, label, deadline, cases
 * waiting for the investigators, cases with something unread, category), an order and a page. Parsed from
 * the list's query parameters; anything unknown is refused with a message key, and the list then
 * shows every case instead. The saved views of the desk ({@link View}) are such queries.
 */
public record CaseQuery(Optional<CaseStatus> status, Optional<UUID> channel, Optional<Label> label,
        Optional<DeadlineFilter> deadline, boolean waiting, boolean unread, Sort sort, int page,
        Optional<String> category) {

    private static final Pattern CATEGORY_KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    /** Cases a page shows. */
    public static final int PAGE_SIZE = 50;
    /** The last page number accepted (deeper pages: narrow the filters). */
    public static final int MAX_PAGE = 10_000;

    /** Which cases by their next deadline. */
    public enum DeadlineFilter {
        /** The next deadline has passed. */
        OVERDUE,
        /** The next deadline is today or within {@link Standing#SOON_DAYS} days. */
        DUE_SOON,
        /** Overdue or due soon: what needs doing first. */
        URGENT,
        /** Concluded: no deadline left. */
        NONE,
        /** Open: a deadline is pending. */
        OPEN
    }

    /** The desk's saved views: links to the list with their filters, counted on the desk's start. */
    public enum View {
        /** Every open case. */
        OPEN("deadline=OPEN"),
        /** Received, not yet acknowledged. */
        ACKNOWLEDGE("status=RECEIVED"),
        /** Waiting for the investigators: to acknowledge or to answer the whistleblower. */
        WAITING("waiting=yes"),
        /** Past their next deadline. */
        OVERDUE("deadline=OVERDUE"),
        /** With something from the whistleblower the investigator has not opened. */
        UNREAD("unread=yes");

        private final String query;

        View(String query) {
            this.query = query;
        }

        /** The list's address with this view's filters. */
        public String link() {
            return "/desk/cases?" + query;
        }
    }

    /** The order of the list. */
    public enum Sort {
        /** Most urgent first: next deadline ascending, concluded cases last. */
        DUE,
        /** Newest report first. */
        NEWEST,
        /** Oldest report first. */
        OLDEST
    }

    public CaseQuery {
        if (page < 1 || page > MAX_PAGE) {
            throw new InvalidCaseInput("cases.filter.invalidPage");
        }
    }

    /** Without the category filter. */
    public CaseQuery(Optional<CaseStatus> status, Optional<UUID> channel, Optional<Label> label,
            Optional<DeadlineFilter> deadline, boolean waiting, boolean unread, Sort sort, int page) {
        this(status, channel, label, deadline, waiting, unread, sort, page, Optional.empty());
    }

    /** Without the waiting, unread and category filters. */
    public CaseQuery(Optional<CaseStatus> status, Optional<UUID> channel, Optional<Label> label,
            Optional<DeadlineFilter> deadline, Sort sort, int page) {
        this(status, channel, label, deadline, false, false, sort, page);
    }

    /** Every case, most urgent first. */
    public static CaseQuery all() {
        return new CaseQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Sort.DUE, 1);
    }

    /** Parses the list's query parameters without the waiting and unread filters; blank means "any". */
    public static CaseQuery parse(String status, String channel, String label, String deadline, String sort,
            String page) {
        return parse(status, channel, label, deadline, null, null, sort, page);
    }

    /** Parses the list's query parameters without the category filter. */
    public static CaseQuery parse(String status, String channel, String label, String deadline, String waiting,
            String unread, String sort, String page) {
        return parse(status, channel, label, deadline, waiting, unread, null, sort, page);
    }

    /**
     * Parses the list's query parameters; blank means "any", and {@code waiting} and {@code unread}
     * take "yes" (or blank), {@code category} an option's key of a channel's category question.
     */
    public static CaseQuery parse(String status, String channel, String label, String deadline, String waiting,
            String unread, String category, String sort, String page) {
        return new CaseQuery(
                blank(status) ? Optional.empty() : Optional.of(enumOf(CaseStatus.class, status, "cases.filter.invalidStatus")),
                blank(channel) ? Optional.empty() : Optional.of(uuid(channel)),
                blank(label) ? Optional.empty() : Optional.of(Label.of(label)),
                blank(deadline) ? Optional.empty()
                        : Optional.of(enumOf(DeadlineFilter.class, deadline, "cases.filter.invalidDeadline")),
                yes(waiting), yes(unread),
                blank(sort) ? Sort.DUE : enumOf(Sort.class, sort, "cases.filter.invalidSort"),
                blank(page) ? 1 : pageNumber(page),
                blank(category) ? Optional.empty() : Optional.of(categoryKey(category)));
    }

    /** The same filters and order on another page. */
    public CaseQuery onPage(int number) {
        return new CaseQuery(status, channel, label, deadline, waiting, unread, sort, number, category);
    }

    /** The query as the case list's SQL takes it, with the deadline filters as days counted from {@code today}. */
    public CaseListSql.Filter filter(LocalDate today) {
        LocalDate soon = today.plusDays(Standing.SOON_DAYS);
        Optional<CaseListSql.Due> due = deadline.map(d -> switch (d) {
            case OVERDUE -> new CaseListSql.Due.Before(today);
            case DUE_SOON -> new CaseListSql.Due.Between(today, soon);
            case URGENT -> new CaseListSql.Due.UpTo(soon);
            case NONE -> new CaseListSql.Due.None();
            case OPEN -> new CaseListSql.Due.Pending();
        });
        CaseListSql.Order order = switch (sort) {
            case DUE -> CaseListSql.Order.NEXT_DEADLINE;
            case NEWEST -> CaseListSql.Order.NEWEST;
            case OLDEST -> CaseListSql.Order.OLDEST;
        };
        return new CaseListSql.Filter(status, channel, label.map(Label::value), due,
                waiting ? Optional.of(NextActor.INVESTIGATORS) : Optional.empty(), unread, order, offset(), PAGE_SIZE,
                category);
    }

    /** Rows to skip for this page. */
    public int offset() {
        return (page - 1) * PAGE_SIZE;
    }

    private static boolean yes(String value) {
        if (blank(value)) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("yes")) {
            return true;
        }
        throw new InvalidCaseInput("cases.filter.invalidFlag");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String messageKey) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidCaseInput(messageKey);
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidCaseInput("cases.filter.invalidChannel");
        }
    }

    /** An option's key as a channel's questionnaire has it ({@link org.candor.portal.channel.ChoiceOption}). */
    private static String categoryKey(String value) {
        String key = value.strip();
        if (!CATEGORY_KEY.matcher(key).matches()) {
            throw new InvalidCaseInput("cases.filter.invalidCategory");
        }
        return key;
    }

    private static int pageNumber(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidCaseInput("cases.filter.invalidPage");
        }
    }
}
