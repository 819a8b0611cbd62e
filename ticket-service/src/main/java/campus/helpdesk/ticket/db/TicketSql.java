package campus.helpdesk.ticket.db;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.CategorySource;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.problem.Problems;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reading a ticket row: the column list every query selects and its mapping to the API record. */
public final class TicketSql {

    /** Unqualified so it works on the table and on CTEs that return its rows. */
    public static final String COLUMNS = "id, title, description, location, priority, status, category, "
            + "category_confidence, category_source, needs_review, reporter_name, assignee, opened_at, updated_at, "
            + "first_response_at, closed_at, version";

    private TicketSql() {
    }

    public static Ticket map(ResultSet rs) throws SQLException {
        return new Ticket(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("location"),
                Priority.valueOf(rs.getString("priority")),
                TicketStatus.valueOf(rs.getString("status")),
                Category.valueOf(rs.getString("category")),
                rs.getDouble("category_confidence"),
                CategorySource.valueOf(rs.getString("category_source")),
                rs.getBoolean("needs_review"),
                rs.getString("reporter_name"),
                rs.getString("assignee"),
                Sql.instant(rs, "opened_at"),
                Sql.instant(rs, "updated_at"),
                Sql.instant(rs, "first_response_at"),
                Sql.instant(rs, "closed_at"),
                rs.getLong("version"));
    }

    /** The live (not deleted) ticket, or 404. */
    public static Ticket loadLive(Connection connection, long id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM tickets WHERE id = ? AND deleted_at IS NULL")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw Problems.notFound(id);
                }
                return map(rs);
            }
        }
    }

    /**
     * Serialises writers of one ticket: taken before any write, so the transaction gets its xid only once it holds
     * the ticket, and for two transactions on the same ticket xid order equals commit order (the feed relies on it).
     */
    public static void lock(Connection connection, long id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, id);
            ps.execute();
        }
    }

    /** Locks the ticket and returns its current live state. */
    public static Ticket lockAndLoad(Connection connection, long id) throws SQLException {
        lock(connection, id);
        return loadLive(connection, id);
    }

    /** Text the classifier and the search see. */
    public static String text(String title, String description) {
        return title + "\n" + description;
    }
}
