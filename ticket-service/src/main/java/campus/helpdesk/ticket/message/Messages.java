package campus.helpdesk.ticket.message;

import campus.helpdesk.api.EventType;
import campus.helpdesk.api.FieldChange;
import campus.helpdesk.api.Message;
import campus.helpdesk.api.NewMessage;
import campus.helpdesk.api.Role;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.db.Sql;
import campus.helpdesk.ticket.db.TicketSql;
import campus.helpdesk.ticket.history.EventLog;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.lifecycle.TicketRules;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages under a ticket. A message is a change of the ticket too: it bumps updatedAt and the version, may set
 * firstResponseAt (the first non-internal staff reply), and is a MESSAGE_ADDED event.
 */
@Singleton
public class Messages {

    private static final String COLUMNS = "id, ticket_id, author, author_role, body, internal, created_at";

    private final Database db;
    private final EventLog events;

    public Messages(Database db, EventLog events) {
        this.db = db;
        this.events = events;
    }

    public Message post(Identity who, long ticketId, NewMessage request) {
        boolean internal = request.isInternal();
        Message posted = db.inTransaction(c -> {
            Ticket ticket = TicketSql.lockAndLoad(c, ticketId);
            who.requireMaySee(ticket);
            TicketRules.requireMayPostMessage(ticket, who, internal);
            Message message;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket_message (ticket_id, author, "
                    + "author_role, body, internal) VALUES (?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
                ps.setLong(1, ticketId);
                ps.setString(2, who.user());
                ps.setString(3, who.role().name());
                ps.setString(4, request.body());
                ps.setBoolean(5, internal);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    message = map(rs);
                }
            }
            // An internal note is staff's own business: a student must not even see the ticket's version or
            // updatedAt move because of one, so only messages the reporter can read touch the ticket.
            Ticket updated = internal ? ticket : touch(c, ticketId, who.isStaff());
            List<FieldChange> changes = new ArrayList<>();
            changes.add(new FieldChange("message", null, String.valueOf(message.id())));
            if (ticket.firstResponseAt() == null && updated.firstResponseAt() != null) {
                changes.add(new FieldChange("firstResponseAt", null, updated.firstResponseAt().toString()));
            }
            events.append(c, ticketId, EventType.MESSAGE_ADDED, who, internal, changes, updated);
            return message;
        });
        events.committed();
        return posted;
    }

    /** A visible message changes the ticket: a new version, updatedAt, and the first staff reply's time. */
    private static Ticket touch(Connection c, long ticketId, boolean staffReply) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE tickets SET updated_at = now(), version = version + 1,
                    first_response_at = CASE WHEN first_response_at IS NULL AND ? THEN now()
                                             ELSE first_response_at END
                WHERE id = ? RETURNING\s""" + TicketSql.COLUMNS)) {
            ps.setBoolean(1, staffReply);
            ps.setLong(2, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return TicketSql.map(rs);
            }
        }
    }

    private static Message map(ResultSet rs) throws SQLException {
        return new Message(rs.getLong("id"), rs.getLong("ticket_id"), rs.getString("author"),
                Role.valueOf(rs.getString("author_role")), rs.getString("body"), rs.getBoolean("internal"),
                Sql.instant(rs, "created_at"));
    }
}
