package campus.helpdesk.ticket.db;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.CategorySource;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.ServiceLevel;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.lifecycle.Change;
import campus.helpdesk.lifecycle.Incidents;
import campus.helpdesk.lifecycle.TicketEvent;
import campus.helpdesk.lifecycle.TicketText;
import campus.helpdesk.sla.Deadlines;
import campus.helpdesk.sla.ServiceLevels;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.core.annotation.Nullable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The tickets row: the column list every query selects and its mapping to the API record, loading and locking one,
 * and writing the state the lifecycle rules computed.
 */
public final class TicketSql {

    /** The stored response targets (see {@link Deadlines}); the API shows the due times and judges all four. */
    public static final String DEADLINES = "first_response_due_at, first_response_at_risk_at, resolution_due_at, "
            + "resolution_at_risk_at";

    /** Unqualified so it works on the table and on CTEs that return its rows. */
    public static final String COLUMNS = "id, title, description, location, priority, status, category, "
            + "category_confidence, category_source, needs_review, reporter_name, assignee, opened_at, updated_at, "
            + "first_response_at, closed_at, version, " + DEADLINES + ", previous_ticket_id, incident_id";

    /**
     * An incident's counts, read rather than stored: a column kept up to date would make every link and every join
     * a write of the incident's row too. Per row two index lookups (the partial index on incident_id, the
     * followers' key), so a page of the list stays one statement. On {@code tickets t}.
     */
    static final String INCIDENT_COUNTS = """
            (SELECT count(*) FROM tickets l WHERE l.incident_id = t.id AND l.deleted_at IS NULL) AS linked_count,
            (SELECT count(*) FROM ticket_follower f WHERE f.ticket_id = t.id) AS follower_count""";

    /** What a person is answered with besides {@link #COLUMNS}: the incident's counts and their unread marker. */
    public static final String READER_COLUMNS = INCIDENT_COUNTS + ", " + Unread.COLUMN;

    /**
     * What a new row is written with: every stored field of the ticket but its id (which the database assigns), then
     * its language. The values of {@link #bindNew}, in this order.
     */
    public static final String NEW_COLUMNS = "title, description, location, priority, status, category, "
            + "category_confidence, category_source, needs_review, reporter_name, assignee, opened_at, updated_at, "
            + "first_response_at, closed_at, version, language, previous_ticket_id, " + DEADLINES;
    public static final String NEW_VALUES = "?, ?, ?, ?::ticket_priority, ?::ticket_status, ?::ticket_category, ?, ?, "
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

    private TicketSql() {
    }

    /**
     * Binds {@link #NEW_VALUES} from {@code index} on, from the ticket the lifecycle made and the targets it set; the
     * next free index.
     */
    public static int bindNew(PreparedStatement ps, int index, Ticket t, Deadlines due) throws SQLException {
        int i = index;
        ps.setString(i++, t.title());
        ps.setString(i++, t.description());
        Sql.setNullableString(ps, i++, t.location());
        ps.setString(i++, t.priority().name());
        ps.setString(i++, t.status().name());
        ps.setString(i++, t.category().name());
        ps.setDouble(i++, t.categoryConfidence());
        ps.setString(i++, t.categorySource().name());
        ps.setBoolean(i++, t.needsReview());
        ps.setString(i++, t.reporterName());
        Sql.setNullableString(ps, i++, t.assignee());
        Sql.setInstant(ps, i++, t.openedAt());
        Sql.setInstant(ps, i++, t.updatedAt());
        Sql.setInstant(ps, i++, t.firstResponseAt());
        Sql.setInstant(ps, i++, t.closedAt());
        ps.setLong(i++, t.version());
        ps.setString(i++, TicketText.language(t.title(), t.description()));
        Sql.setNullableLong(ps, i++, t.previousTicketId());
        return bindDeadlines(ps, i, due);
    }

    /** The assignments that store new targets (a priority change), bound by {@link #bindDeadlines}. */
    public static final String SET_DEADLINES = "first_response_due_at = ?, first_response_at_risk_at = ?, "
            + "resolution_due_at = ?, resolution_at_risk_at = ?";

    /** Binds {@link #DEADLINES}' four instants from {@code index} on; the next free index. */
    public static int bindDeadlines(PreparedStatement ps, int index, Deadlines due) throws SQLException {
        Sql.setInstant(ps, index, due.firstResponseDue());
        Sql.setInstant(ps, index + 1, due.firstResponseAtRisk());
        Sql.setInstant(ps, index + 2, due.resolutionDue());
        Sql.setInstant(ps, index + 3, due.resolutionAtRisk());
        return index + 4;
    }

    /**
     * Stores a changed ticket: the state the lifecycle computed, guarded by the version it was computed from (the
     * ticket lock makes a miss impossible, but never overwrite). {@code assignments} names the columns the change
     * can touch ("status = ?, ..."), bound by {@code values}; the version and updatedAt are always set.
     *
     * <p>By hand rather than a repository's update of the whole entity: writing only those columns means a move or
     * a message never rewrites the text, so PostgreSQL does not recompute the generated search vector, and the
     * "exactly one row at this version" check is the statement itself. Returns the row as stored, with its targets
     * judged now (the lifecycle's ticket knows the due times but not the at-risk instants).
     */
    public static Ticket update(Connection connection, String assignments, Binder values, Ticket before,
                                Ticket after) throws SQLException {
        return update(connection, assignments, values, before, after, null);
    }

    /** {@link #update}, the stored row answered with {@code reader}'s unread marker (see {@link Unread}). */
    public static Ticket update(Connection connection, String assignments, Binder values, Ticket before,
                                Ticket after, @Nullable Identity reader) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE tickets t SET " + assignments
                + ", updated_at = ?, version = ? WHERE id = ? AND version = ? RETURNING " + COLUMNS
                + (reader != null ? ", " + READER_COLUMNS : ""))) {
            int i = values.bind(ps);
            Sql.setInstant(ps, i, after.updatedAt());
            ps.setLong(i + 1, after.version());
            ps.setLong(i + 2, before.id());
            ps.setLong(i + 3, before.version());
            if (reader != null) {
                Sql.bind(connection, ps, i + 4, Unread.parameters(reader));
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw Problems.conflict("Ticket " + before.id() + " changed meanwhile; reload it and try again");
                }
                return reader != null ? Unread.map(rs) : map(rs);
            }
        }
    }

    /**
     * {@link #update} of many tickets in one round trip (a JDBC batch), the rows not read back: the linked tickets of
     * an incident, changed together under the incident's locks. {@code changed} pairs each ticket as it was with the
     * ticket the lifecycle computed; {@code values} binds one ticket's assignments.
     */
    public static void updateAll(Connection connection, String assignments, List<Map.Entry<Ticket, Ticket>> changed,
                                 RowBinder values) throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("UPDATE tickets t SET " + assignments
                + ", updated_at = ?, version = ? WHERE id = ? AND version = ?")) {
            for (Map.Entry<Ticket, Ticket> change : changed) {
                Ticket after = change.getValue();
                int i = values.bind(ps, after);
                Sql.setInstant(ps, i, after.updatedAt());
                ps.setLong(i + 1, after.version());
                ps.setLong(i + 2, change.getKey().id());
                ps.setLong(i + 3, change.getKey().version());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] == 0) {
                    throw Problems.conflict("Ticket " + changed.get(k).getKey().id()
                            + " changed meanwhile; reload it and try again");
                }
            }
        }
    }

    /**
     * The open ones of {@code linked} (locked by the caller), each moved by {@code move} and written with
     * {@link #updateAll}: how an incident's answer, close or deletion reaches its linked tickets. Returns the
     * events, lowest ticket id first, for the caller to record in the same transaction.
     */
    public static List<TicketEvent> moveOpen(Connection connection, Collection<Long> linked,
                                             Function<Ticket, Change> move, String assignments, RowBinder values)
            throws SQLException {
        return moveAll(connection, openOf(connection, linked), move, assignments, values);
    }

    /** {@code tickets} each moved by {@code move}, written with {@link #updateAll}; the events, in that order. */
    public static List<TicketEvent> moveAll(Connection connection, List<Ticket> tickets, Function<Ticket, Change> move,
                                            String assignments, RowBinder values) throws SQLException {
        List<Map.Entry<Ticket, Ticket>> changed = new ArrayList<>();
        List<TicketEvent> recorded = new ArrayList<>();
        for (Ticket ticket : tickets) {
            Change change = move.apply(ticket);
            changed.add(Map.entry(ticket, change.ticket()));
            recorded.add(change.event());
        }
        updateAll(connection, assignments, changed, values);
        return recorded;
    }

    /** The live, not closed tickets among {@code ids}, lowest id first. */
    public static List<Ticket> openOf(Connection connection, Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        return loadAllLive(connection, ids).values().stream().filter(Incidents::isOpen)
                .sorted(Comparator.comparingLong(Ticket::id)).toList();
    }

    /** Binds one ticket's assignments of {@link #updateAll} from 1 on; returns the next free index. */
    @FunctionalInterface
    public interface RowBinder {
        int bind(PreparedStatement ps, Ticket after) throws SQLException;
    }

    /** Binds the parameters of an update's assignments from 1 on; returns the next free index. */
    @FunctionalInterface
    public interface Binder {
        int bind(PreparedStatement ps) throws SQLException;
    }

    /** A row of {@link #COLUMNS}, its targets judged now; {@code unread} does not apply. */
    public static Ticket map(ResultSet rs) throws SQLException {
        return map(rs, null);
    }

    /**
     * A row of {@link #COLUMNS} with the caller's {@code unread} marker (null where it does not apply), its targets
     * judged at the time of the request: whether a ticket is at risk changes with the clock, not with the row.
     */
    public static Ticket map(ResultSet rs, @Nullable Boolean unread) throws SQLException {
        return map(rs, unread, null, null);
    }

    /**
     * {@link #map(ResultSet, Boolean)} with an incident's counts; both null on a ticket nothing is linked to and
     * nobody follows (the question does not arise there).
     */
    static Ticket map(ResultSet rs, @Nullable Boolean unread, @Nullable Integer linked, @Nullable Integer followers)
            throws SQLException {
        boolean incident = linked != null && followers != null && (linked > 0 || followers > 0);
        Instant firstResponseAt = Sql.instant(rs, "first_response_at");
        Instant closedAt = Sql.instant(rs, "closed_at");
        Deadlines due = deadlines(rs);
        ServiceLevel sla = due == null ? null : ServiceLevels.evaluate(due, firstResponseAt, closedAt, Instant.now());
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
                firstResponseAt,
                closedAt,
                rs.getLong("version"),
                due == null ? null : due.firstResponseDue(),
                due == null ? null : due.resolutionDue(),
                sla,
                unread,
                rs.getObject("previous_ticket_id", Long.class),
                rs.getObject("incident_id", Long.class),
                incident ? linked : null,
                incident ? followers : null);
    }

    /** The stored targets, or null for a row written without them (by hand, not by the lifecycle). */
    private static @Nullable Deadlines deadlines(ResultSet rs) throws SQLException {
        Instant firstResponseDue = Sql.instant(rs, "first_response_due_at");
        Instant resolutionDue = Sql.instant(rs, "resolution_due_at");
        if (firstResponseDue == null || resolutionDue == null) {
            return null;
        }
        return new Deadlines(firstResponseDue, Sql.instant(rs, "first_response_at_risk_at"), resolutionDue,
                Sql.instant(rs, "resolution_at_risk_at"));
    }

    /**
     * The live (not deleted) ticket, or 404. By hand on the caller's connection: it also runs inside
     * {@link Database#autoCommit}, where a repository would take a second pooled connection, and it maps the row
     * with {@link #map} like every other read of the tickets row here.
     */
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

    /** The live tickets among {@code ids}, by id (the missing and deleted ones absent), in one statement. */
    public static Map<Long, Ticket> loadAllLive(Connection connection, Collection<Long> ids) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM tickets WHERE id = ANY (?) AND deleted_at IS NULL")) {
            ps.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            Map<Long, Ticket> tickets = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Ticket ticket = map(rs);
                    tickets.put(ticket.id(), ticket);
                }
            }
            return tickets;
        }
    }

    /** The live ticket as {@code reader} gets it (with their unread marker), or 404; visibility is the caller's. */
    public static Ticket loadLive(Connection connection, long id, Identity reader) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + ", " + READER_COLUMNS
                + " FROM tickets t WHERE id = ? AND deleted_at IS NULL")) {
            int i = Sql.bind(connection, ps, 1, Unread.parameters(reader));
            ps.setLong(i, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw Problems.notFound(id);
                }
                return Unread.map(rs);
            }
        }
    }

    /**
     * Serialises writers of one ticket: taken before any write, so the transaction gets its xid only once it holds
     * the ticket, and for two transactions on the same ticket xid order equals commit order (the feed relies on it).
     * A function call, not a table's read or write: nothing a repository expresses.
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
}
