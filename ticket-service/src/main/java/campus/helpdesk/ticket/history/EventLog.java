package campus.helpdesk.ticket.history;

import campus.helpdesk.api.EventType;
import campus.helpdesk.api.FieldChange;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.ticket.db.Sql;
import campus.helpdesk.ticket.identity.Identity;
import io.micronaut.core.annotation.Nullable;
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

    private static final String APPEND = """
            INSERT INTO ticket_event (ticket_id, type, actor, actor_role, internal, changes,
                                      category, status, priority, opened_at, closed_at, first_response_at, version)
            VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::ticket_category, ?::ticket_status, ?::ticket_priority, ?, ?, ?, ?)""";

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
     * creating a ticket stays a single statement. {@code ?} parameters: actor, actor role, changes (JSON).
     */
    public static String createdEventFrom(String source) {
        return """
                INSERT INTO ticket_event (ticket_id, type, actor, actor_role, at, changes,
                                          category, status, priority, opened_at, closed_at, first_response_at, version)
                SELECT id, 'CREATED', ?, ?, opened_at, ?::jsonb,
                       category, status, priority, opened_at, closed_at, first_response_at, version FROM %s
                RETURNING id AS event_id""".formatted(source);
    }

    /** Appends one event; {@code after} is the ticket after the change, null when it was deleted. */
    public void append(Connection connection, long ticketId, EventType type, Identity who, boolean internal,
                       List<FieldChange> changes, @Nullable Ticket after) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(APPEND)) {
            ps.setLong(1, ticketId);
            ps.setString(2, type.name());
            ps.setString(3, who.user());
            ps.setString(4, who.role().name());
            ps.setBoolean(5, internal);
            ps.setString(6, toJson(changes));
            ps.setString(7, after == null ? null : after.category().name());
            ps.setString(8, after == null ? null : after.status().name());
            ps.setString(9, after == null ? null : after.priority().name());
            Sql.setInstant(ps, 10, after == null ? null : after.openedAt());
            Sql.setInstant(ps, 11, after == null ? null : after.closedAt());
            Sql.setInstant(ps, 12, after == null ? null : after.firstResponseAt());
            Sql.setNullableLong(ps, 13, after == null ? null : after.version());
            ps.executeUpdate();
        }
    }

    public String toJson(List<FieldChange> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
