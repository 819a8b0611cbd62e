package campus.helpdesk.ticket.history;

import campus.helpdesk.api.EventType;
import campus.helpdesk.api.FieldChange;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.lifecycle.TicketEvent;
import campus.helpdesk.ticket.db.Sql;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The ticket_event table: one row per committed change, written in the change's own transaction (transactional
 * outbox). It is both the ticket's visible history and the change feed's source. Writers call
 * {@link #committed()} after their transaction commits, which tells the {@link CommitListener} (the feed), so the
 * new events get their places at once.
 */
@Singleton
public class EventLog {

    /**
     * By hand, beside {@link #createdEventFrom}, the other writer of these rows, which has to be SQL (it is a part of
     * the single-statement create): the row's shape is then written in one class, one way, and the columns the
     * database fills (id, the writing transaction's xid, the feed position stamped later) stay out of both.
     */
    private static final String APPEND = """
            INSERT INTO ticket_event (ticket_id, type, actor, actor_role, at, internal, changes,
                                      category, status, priority, opened_at, closed_at, first_response_at, version,
                                      assignee, first_response_due_at, resolution_due_at, incident_id)
            VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::ticket_category, ?::ticket_status, ?::ticket_priority, ?, ?, ?, ?,
                    ?, ?, ?, ?)""";

    private final JsonMapper json;
    private final CommitListener listener;

    public EventLog(JsonMapper json, CommitListener listener) {
        this.json = json;
        this.listener = listener;
    }

    /** To be called once the transaction that appended events has committed. */
    public void committed() {
        listener.committed();
    }

    /**
     * SQL (a CTE body) that writes the CREATED event of the tickets returned by the CTE {@code source}, so that
     * creating a ticket stays a single statement; the facts and the time are the new row's. Its parameters are
     * bound by {@link #bindCreated}.
     */
    public static String createdEventFrom(String source) {
        return """
                INSERT INTO ticket_event (ticket_id, type, actor, actor_role, at, changes,
                                          category, status, priority, opened_at, closed_at, first_response_at, version,
                                          assignee, first_response_due_at, resolution_due_at)
                SELECT id, 'CREATED', ?, ?, opened_at, ?::jsonb,
                       category, status, priority, opened_at, closed_at, first_response_at, version,
                       assignee, first_response_due_at, resolution_due_at FROM %s
                RETURNING id AS event_id""".formatted(source);
    }

    /** Binds the parameters of {@link #createdEventFrom} from {@code index} on; returns the next free index. */
    public int bindCreated(PreparedStatement ps, int index, TicketEvent created) throws SQLException {
        ps.setString(index, created.actor().name());
        ps.setString(index + 1, created.actor().role().name());
        ps.setString(index + 2, toJson(created.changes()));
        return index + 3;
    }

    /** Appends one event, as the lifecycle made it (its facts are null when the ticket was deleted). */
    public void append(Connection connection, long ticketId, TicketEvent event) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(APPEND)) {
            bind(ps, ticketId, event);
            ps.executeUpdate();
        }
    }

    /**
     * Appends the events of many tickets in one round trip (a JDBC batch): an incident's answer or close records one
     * per linked ticket, and hundreds of single statements would keep the incident's locks for as many round trips.
     * Each event's ticket is its facts' id (none of these is a deletion).
     */
    public void appendAll(Connection connection, List<TicketEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(APPEND)) {
            for (TicketEvent event : events) {
                bind(ps, event.facts().id(), event);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void bind(PreparedStatement ps, long ticketId, TicketEvent event) throws SQLException {
        Ticket after = event.facts();
        ps.setLong(1, ticketId);
        ps.setString(2, event.type().name());
        ps.setString(3, event.actor().name());
        ps.setString(4, event.actor().role().name());
        Sql.setInstant(ps, 5, event.at());
        ps.setBoolean(6, event.internal());
        ps.setString(7, toJson(event.changes()));
        ps.setString(8, after == null ? null : after.category().name());
        ps.setString(9, after == null ? null : after.status().name());
        ps.setString(10, after == null ? null : after.priority().name());
        Sql.setInstant(ps, 11, after == null ? null : after.openedAt());
        Sql.setInstant(ps, 12, after == null ? null : after.closedAt());
        Sql.setInstant(ps, 13, after == null ? null : after.firstResponseAt());
        Sql.setNullableLong(ps, 14, after == null ? null : after.version());
        Sql.setNullableString(ps, 15, after == null ? null : after.assignee());
        Sql.setInstant(ps, 16, after == null ? null : after.firstResponseDueAt());
        Sql.setInstant(ps, 17, after == null ? null : after.resolutionDueAt());
        Sql.setNullableLong(ps, 18, after == null ? null : after.incidentId());
    }

    public String toJson(List<FieldChange> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
