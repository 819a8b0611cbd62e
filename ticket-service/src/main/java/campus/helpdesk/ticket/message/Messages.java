package campus.helpdesk.ticket.message;

import campus.helpdesk.api.Message;
import campus.helpdesk.api.NewMessage;
import campus.helpdesk.api.Role;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.lifecycle.Change;
import campus.helpdesk.lifecycle.TicketLifecycle;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.db.Sql;
import campus.helpdesk.ticket.db.TicketSql;
import campus.helpdesk.ticket.history.EventLog;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.lifecycle.ChangeClock;
import campus.helpdesk.ticket.lifecycle.TicketRules;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages under a ticket. A message is a change of the ticket too, a MESSAGE_ADDED event: what it does to the
 * ticket (version, updatedAt, the first response) is {@link TicketLifecycle#message}'s to say.
 */
@Singleton
public class Messages {

    private static final String COLUMNS = "id, ticket_id, author, author_role, body, internal, created_at";

    private final Database db;
    private final EventLog events;
    private final ChangeClock clock;

    public Messages(Database db, EventLog events, ChangeClock clock) {
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    public Message post(Identity who, long ticketId, NewMessage request) {
        boolean internal = request.isInternal();
        Message posted = db.inTransaction(c -> {
            Ticket ticket = TicketSql.lockAndLoad(c, ticketId);
            who.requireMaySee(ticket);
            TicketRules.requireMayPostMessage(ticket, who, internal);
            Instant at = clock.now();
            Message message;
            // By hand, as one step of the ticket's locked unit of work beside its guarded update and event:
            // RETURNING hands back the id the MESSAGE_ADDED event records. MessageThread's entity, PostedMessage,
            // is a read model (its id is not declared generated), so the thread's repository only reads.
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket_message (ticket_id, author, "
                    + "author_role, body, internal, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
                ps.setLong(1, ticketId);
                ps.setString(2, who.user());
                ps.setString(3, who.role().name());
                ps.setString(4, request.body());
                ps.setBoolean(5, internal);
                Sql.setInstant(ps, 6, at);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    message = map(rs);
                }
            }
            Change change = TicketLifecycle.message(ticket, message.id(), who.actor(), internal, at);
            if (change.ticket().version() != ticket.version()) { // an internal note leaves the ticket as it was
                TicketSql.update(c, "first_response_at = ?", ps -> {
                    Sql.setInstant(ps, 1, change.ticket().firstResponseAt());
                    return 2;
                }, ticket, change.ticket());
            }
            events.append(c, ticketId, change.event());
            return message;
        });
        events.committed();
        return posted;
    }

    private static Message map(ResultSet rs) throws SQLException {
        return new Message(rs.getLong("id"), rs.getLong("ticket_id"), rs.getString("author"),
                Role.valueOf(rs.getString("author_role")), rs.getString("body"), rs.getBoolean("internal"),
                Sql.instant(rs, "created_at"));
    }
}
