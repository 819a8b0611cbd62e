package campus.helpdesk.ticket.search;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketPage;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.db.Sql;
import campus.helpdesk.ticket.db.TicketSql;
import campus.helpdesk.ticket.db.Unread;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reading tickets: one by id, and the list: filters, full-text search and sorting, in SQL, each ticket with the
 * caller's unread marker ({@link Unread}), and the list's totals per status and per view under the same filters
 * (the queue's counts).
 * Each ticket's search vector is stemmed in its own language plus unstemmed ('simple'); the query is the OR of the
 * text in all five languages and 'simple', so a German search finds German tickets and a word typed exactly as
 * written finds any ticket.
 *
 * <p>The list and its counts are written by hand on purpose, not as repository queries: their WHERE is assembled
 * from the filters present, the status list is spelled as constants so the planner can use the partial index, a text
 * search chooses between two plans under a time budget ({@link #textSearchPage}), and the counts are one statement
 * with the list's WHERE and total rule ({@link #count}); none of that is expressible through derived queries
 * or criteria without hiding what runs.
 */
@Singleton
public class TicketSearch {

    /**
     * A student's own tickets: those they reported and those they joined ("This is my problem too"), which they are
     * told of like their reporter and would otherwise find only among everyone's. The joined ids as an array, so
     * that both halves are index conditions (a BitmapOr of the reporter's index and the primary key); as a
     * subquery, PostgreSQL would filter every row with it.
     */
    private static final String MINE_AS_STUDENT = " AND (reporter_name = ? OR id = ANY (ARRAY(SELECT ticket_id FROM "
            + "ticket_follower WHERE person = ?)))";

    static final String TEXT_QUERY = "search @@ (websearch_to_tsquery('english', ?) || websearch_to_tsquery('italian', ?)"
            + " || websearch_to_tsquery('spanish', ?) || websearch_to_tsquery('german', ?)"
            + " || websearch_to_tsquery('french', ?) || websearch_to_tsquery('simple', ?))";
    private static final int TEXT_QUERY_PARAMETERS = 6;
    /** A text search's total counts at most this many matches. */
    public static final int MAX_TEXT_TOTAL = 1_000;
    private static final int SORT_INDEX_BUDGET_MS = 100;
    private static final String QUERY_CANCELED = "57014";

    private final Database db;

    public TicketSearch(Database db) {
        this.db = db;
    }

    /**
     * The live ticket with the caller's unread marker, if this caller may see it; 404 otherwise (as if it did not
     * exist). The same columns as a list row, so a ticket reads the same whichever way it is fetched; inside a
     * transaction, on its connection.
     */
    public Ticket one(Identity who, long id) {
        Ticket ticket = db.joining(c -> TicketSql.loadLive(c, id, who));
        who.requireMaySee(ticket);
        return ticket;
    }

    /**
     * {@code statuses}: what the caller may and wants to see (never empty). One statement for the page (two with
     * its total): each row's unread marker is a column of it, never a query per ticket.
     */
    public TicketPage list(Identity who, ListQuery query, Set<TicketStatus> statuses) {
        requireMayFilter(who, query);
        Instant now = Instant.now();
        List<Object> parameters = new ArrayList<>();
        String where = where(query, statuses, who, now, parameters);
        List<Object> withUnread = new ArrayList<>(Unread.parameters(who));
        withUnread.addAll(parameters);
        String select = "SELECT " + TicketSql.COLUMNS + ", " + TicketSql.READER_COLUMNS + " FROM tickets t WHERE " + where
                + " ORDER BY " + query.orderBy() + " LIMIT ? OFFSET ?";
        return db.autoCommit(c -> {
            if (query.q() != null) {
                long matches = throughTextIndex(c, () -> count(c, where, parameters, true));
                List<Ticket> items = textSearchPage(c, select, where, withUnread, query, matches < MAX_TEXT_TOTAL);
                return new TicketPage(items, query.page(), query.size(), matches);
            }
            List<Ticket> items = page(c, select, withUnread, query);
            long total = items.size() < query.size() && (query.page() == 0 || !items.isEmpty())
                    ? (long) query.page() * query.size() + items.size()
                    : count(c, where, parameters, false);
            return new TicketPage(items, query.page(), query.size(), total);
        });
    }

    private static void requireMayFilter(Identity who, ListQuery query) {
        if (query.assignee() != null) {
            who.requireMayFilterByAssignee(query.assignee().kind() == ListQuery.AssigneeFilter.Kind.ME);
        }
        if (query.reporter() != null && !query.reporter().me()) {
            who.requireMayFilterByReporterName();
        }
    }

    /** The queue's counts: {@link #count}'s answer. */
    public record Counts(Map<TicketStatus, Long> byStatus, Map<String, Long> byView) {
    }

    /**
     * The queue's counts in one statement. {@code byStatus}: for each of {@code statuses} (never empty), the total
     * {@link #list} answers for that status under the same filters (the query's own statuses aside).
     * {@code byView}: the totals of the queue's views under every filter but the assignee, the query's
     * {@code viewStatuses} included: for staff {@code mine} (assigned to the caller), {@code unassigned} and
     * {@code all}; for a student {@code mine} (reported or joined by the caller) and {@code all}.
     *
     * <p>Without a text search the statuses are one grouped scan. A text search's total stops at
     * {@link #MAX_TEXT_TOTAL}, which one grouped scan cannot do (it would read every match to the end), so then each
     * status and each view is its own capped branch of a UNION ALL, each status a constant as in its list, so that
     * the unclosed tickets' index still applies.
     */
    public Counts count(Identity who, ListQuery query, Set<TicketStatus> statuses, Set<TicketStatus> viewStatuses) {
        requireMayFilter(who, query);
        Instant now = Instant.now();
        boolean text = query.q() != null;
        List<Object> parameters = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        if (!text) {
            branches.add("SELECT 'status' AS kind, status::text AS key FROM tickets WHERE "
                    + where(query, statuses, who, now, parameters));
        } else {
            for (TicketStatus status : EnumSet.copyOf(statuses)) {
                branches.add("(SELECT 'status' AS kind, status::text AS key FROM tickets WHERE "
                        + where(query, EnumSet.of(status), who, now, parameters) + " LIMIT " + MAX_TEXT_TOTAL + ")");
            }
        }
        ListQuery anyAssignee = query.withoutAssignee();
        for (Map.Entry<String, String> view : views(who).entrySet()) {
            String where = where(anyAssignee, viewStatuses, who, now, parameters);
            view.getValue().chars().filter(c -> c == '?').forEach(c -> parameters.add(who.user()));
            branches.add("(SELECT 'view' AS kind, '" + view.getKey() + "' AS key FROM tickets WHERE " + where
                    + view.getValue() + (text ? " LIMIT " + MAX_TEXT_TOTAL : "") + ")");
        }
        String sql = "SELECT kind, key, count(*) FROM (" + String.join(" UNION ALL ", branches)
                + ") counted GROUP BY kind, key";
        return db.autoCommit(c -> {
            Map<TicketStatus, Long> byStatus = new EnumMap<>(TicketStatus.class);
            statuses.forEach(status -> byStatus.put(status, 0L));
            Map<String, Long> byView = new LinkedHashMap<>();
            views(who).keySet().forEach(view -> byView.put(view, 0L));
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(c, ps, parameters);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(1).equals("status")) {
                            byStatus.put(TicketStatus.valueOf(rs.getString(2)), rs.getLong(3));
                        } else {
                            byView.put(rs.getString(2), rs.getLong(3));
                        }
                    }
                }
            }
            return new Counts(byStatus, byView);
        });
    }

    /** The queue's views for this caller, in the order they are shown: name → the condition it adds. */
    private static Map<String, String> views(Identity who) {
        Map<String, String> views = new LinkedHashMap<>();
        switch (who.role()) {
            case STAFF -> {
                views.put("mine", " AND assignee = ?");
                views.put("unassigned", " AND assignee IS NULL");
            }
            // Analysts handle and report nothing: no "mine" of their own.
            case ANALYST -> views.put("unassigned", " AND assignee IS NULL");
            case STUDENT -> views.put("mine", MINE_AS_STUDENT);
        }
        views.put("all", "");
        return views;
    }

    /**
     * With a text query the planner must guess how many tickets match, and guesses badly both ways: walking the
     * sort index is instant when many tickets match but reads the whole table when few do; collecting the matches
     * through the text index first and sorting them is the opposite. The capped count tells which case this is:
     * few matches → collect them first (OFFSET 0 keeps the planner from merging the two); many → walk the sort
     * index, under a short time limit in case other filters make the matches sparse after all.
     */
    private static List<Ticket> textSearchPage(Connection c, String select, String where, List<Object> parameters,
                                               ListQuery query, boolean fewMatches) throws SQLException {
        String matchesFirst = "SELECT " + TicketSql.COLUMNS + ", " + TicketSql.READER_COLUMNS + " FROM (SELECT * FROM tickets"
                + " WHERE " + where + " OFFSET 0) t ORDER BY " + query.orderBy() + " LIMIT ? OFFSET ?";
        if (fewMatches) {
            return page(c, matchesFirst, parameters, query);
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET statement_timeout = " + SORT_INDEX_BUDGET_MS);
        }
        try {
            return page(c, select, parameters, query);
        } catch (SQLException e) {
            if (!QUERY_CANCELED.equals(e.getSQLState())) {
                throw e;
            }
        } finally {
            try (Statement s = c.createStatement()) {
                // Back to the connection's own limit (its startup options), not to none.
                s.execute("RESET statement_timeout");
            }
        }
        return page(c, matchesFirst, parameters, query);
    }

    private static List<Ticket> page(Connection c, String sql, List<Object> parameters, ListQuery query)
            throws SQLException {
        List<Ticket> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int next = bind(c, ps, parameters);
            ps.setInt(next, query.size());
            ps.setLong(next + 1, (long) query.page() * query.size());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(Unread.map(rs));
                }
            }
        }
        return items;
    }

    private static String where(ListQuery query, Set<TicketStatus> statuses, Identity who, Instant now,
                                List<Object> parameters) {
        StringBuilder where = new StringBuilder("deleted_at IS NULL");
        if (!statuses.containsAll(EnumSet.allOf(TicketStatus.class))) {
            // Constants from the enum, never user text: a bound parameter would hide from the planner that the
            // partial index of unclosed tickets (V2) applies.
            where.append(" AND status IN (").append(statuses.stream().sorted()
                    .map(status -> "'" + status.name() + "'").collect(Collectors.joining(", "))).append(")");
        }
        if (!query.categories().isEmpty()) {
            where.append(" AND category = ANY (?::ticket_category[])");
            parameters.add(names(query.categories()));
        }
        if (!query.priorities().isEmpty()) {
            where.append(" AND priority = ANY (?::ticket_priority[])");
            parameters.add(names(query.priorities()));
        }
        if (query.needsReview() != null) {
            where.append(" AND needs_review = ?");
            parameters.add(query.needsReview());
        }
        if (query.openedFrom() != null) {
            where.append(" AND opened_at >= ?");
            parameters.add(query.openedFrom());
        }
        if (query.openedTo() != null) {
            where.append(" AND opened_at < ?");
            parameters.add(query.openedTo());
        }
        if (query.closedFrom() != null) {
            where.append(" AND (closed_at IS NULL OR closed_at >= ?)");
            parameters.add(query.closedFrom());
        }
        if (query.assignee() != null) {
            switch (query.assignee().kind()) {
                case NONE -> where.append(" AND assignee IS NULL");
                case ME -> {
                    where.append(" AND assignee = ?");
                    parameters.add(who.user());
                }
                case NAME -> {
                    where.append(" AND assignee = ?");
                    parameters.add(query.assignee().name());
                }
            }
        }
        if (query.incident() != null) {
            if (query.incident().id() == null) {
                where.append(" AND incident_id IS NULL");
            } else {
                where.append(" AND incident_id = ?");
                parameters.add(query.incident().id());
            }
        }
        if (query.reporter() != null) {
            if (query.reporter().me()) {
                where.append(MINE_AS_STUDENT);
                parameters.add(who.user());
                parameters.add(who.user());
            } else {
                where.append(" AND reporter_name = ?");
                parameters.add(query.reporter().name());
            }
        }
        if (!query.sla().isEmpty()) {
            where.append(" AND (").append(SlaFilter.sql(query.sla(), now, parameters)).append(")");
        }
        if (query.q() != null) {
            where.append(" AND (").append(TEXT_QUERY);
            for (int i = 0; i < TEXT_QUERY_PARAMETERS; i++) {
                parameters.add(query.q());
            }
            Long number = ticketNumber(query.q());
            if (number != null) {
                // Someone who types a ticket's number ("301", "#301") looks for that ticket, whatever its words.
                where.append(" OR id = ?");
                parameters.add(number);
            }
            where.append(")");
        }
        return where.toString();
    }

    /** The ticket number a search text is, alone ("301", "#301"), or null. */
    static @Nullable Long ticketNumber(String q) {
        String digits = q.strip();
        digits = digits.startsWith("#") ? digits.substring(1) : digits;
        return digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                ? null : Long.parseLong(digits);
    }

    /**
     * The rows a total counts: every match, except for a text search, whose total stops at {@link #MAX_TEXT_TOTAL}
     * (counting more costs too much). The list's total and the counts per status both count these rows.
     */
    private static String countedRows(String where, boolean text) {
        return "SELECT status FROM tickets WHERE " + where + (text ? " LIMIT " + MAX_TEXT_TOTAL : "");
    }

    /** One step of SQL on a connection the caller holds. */
    @FunctionalInterface
    private interface SqlStep<T> {
        T run() throws SQLException;
    }

    /**
     * Runs the list's capped count of a text search with the text index as the only way to the matches. Finding up to
     * {@link #MAX_TEXT_TOTAL} matches otherwise depends on how dense they are, and PostgreSQL's guess of that (from
     * the search vectors' statistics) runs several times too high for common words: it then reads the table, or
     * walks a sort index, testing each row's vector until enough match, 72,000 rows for "printer" (1.4 % of 1M
     * tickets). Through the index the cost follows the matches, not the table (BENCHMARKS.md, full-text search).
     * The queue's counts ({@link #count(Identity, ListQuery, Set, Set)}) stay one statement and keep the planner's
     * choice. The settings are local to a transaction of their own (the count only reads), so they end with it whatever happens
     * (a failed count, a timeout) and never stay on the pooled connection.
     */
    private static <T> T throughTextIndex(Connection c, SqlStep<T> step) throws SQLException {
        c.setAutoCommit(false);
        try {
            try (Statement s = c.createStatement()) {
                // One round trip: set_config instead of two SET LOCALs.
                s.execute("SELECT set_config('enable_seqscan', 'off', true),"
                        + " set_config('enable_indexscan', 'off', true)");
            }
            return step.run();
        } finally {
            // Nothing to keep: ending the transaction puts both settings back.
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    private static long count(Connection c, String where, List<Object> parameters, boolean text) throws SQLException {
        String sql = "SELECT count(*) FROM (" + countedRows(where, text) + ") counted";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, parameters);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Binds the filter parameters; returns the next free index. */
    private static int bind(Connection c, PreparedStatement ps, List<Object> parameters) throws SQLException {
        return Sql.bind(c, ps, 1, parameters);
    }

    private static String[] names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toArray(String[]::new);
    }
}
