package campus.helpdesk.ticket.search;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketPage;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.db.Sql;
import campus.helpdesk.ticket.ticket.TicketSql;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The ticket list: filters, full-text search and sorting, in SQL. Each ticket's search vector is stemmed in its
 * own language plus unstemmed ('simple'); the query is the OR of the text in all five languages and 'simple', so a
 * German search finds German tickets and a word typed exactly as written finds any ticket.
 */
@Singleton
public class TicketSearch {

    static final String TEXT_QUERY = "search @@ (websearch_to_tsquery('english', ?) || websearch_to_tsquery('italian', ?)"
            + " || websearch_to_tsquery('spanish', ?) || websearch_to_tsquery('german', ?)"
            + " || websearch_to_tsquery('french', ?) || websearch_to_tsquery('simple', ?))";
    private static final int TEXT_QUERY_PARAMETERS = 6;

    private final Database db;

    public TicketSearch(Database db) {
        this.db = db;
    }

    /** {@code statuses}: what the caller may and wants to see (never empty). */
    public TicketPage list(ListQuery query, Set<TicketStatus> statuses) {
        List<Object> parameters = new ArrayList<>();
        String where = where(query, statuses, parameters);
        String direction = query.descending() ? "DESC" : "ASC";
        String select = "SELECT " + TicketSql.COLUMNS + " FROM tickets WHERE " + where
                + " ORDER BY " + query.sortColumn() + " " + direction + ", id " + direction + " LIMIT ? OFFSET ?";
        return db.autoCommit(c -> {
            List<Ticket> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(select)) {
                int next = bind(c, ps, parameters);
                ps.setInt(next, query.size());
                ps.setLong(next + 1, (long) query.page() * query.size());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(TicketSql.map(rs));
                    }
                }
            }
            long total = items.size() < query.size() && (query.page() == 0 || !items.isEmpty())
                    ? (long) query.page() * query.size() + items.size()
                    : count(c, where, parameters);
            return new TicketPage(items, query.page(), query.size(), total);
        });
    }

    private static String where(ListQuery query, Set<TicketStatus> statuses, List<Object> parameters) {
        StringBuilder where = new StringBuilder("deleted_at IS NULL");
        if (!statuses.containsAll(EnumSet.allOf(TicketStatus.class))) {
            where.append(" AND status = ANY (?::ticket_status[])");
            parameters.add(names(statuses));
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
        if (query.q() != null) {
            where.append(" AND ").append(TEXT_QUERY);
            for (int i = 0; i < TEXT_QUERY_PARAMETERS; i++) {
                parameters.add(query.q());
            }
        }
        return where.toString();
    }

    private static long count(Connection c, String where, List<Object> parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM tickets WHERE " + where)) {
            bind(c, ps, parameters);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Binds the filter parameters; returns the next free index. */
    private static int bind(Connection c, PreparedStatement ps, List<Object> parameters) throws SQLException {
        int i = 1;
        for (Object value : parameters) {
            switch (value) {
                case String[] array -> ps.setArray(i, c.createArrayOf("text", array));
                case java.time.Instant instant -> Sql.setInstant(ps, i, instant);
                case Boolean flag -> ps.setBoolean(i, flag);
                default -> ps.setString(i, value.toString());
            }
            i++;
        }
        return i;
    }

    private static String[] names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toArray(String[]::new);
    }
}
