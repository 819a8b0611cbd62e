package campus.helpdesk.ticket.message;

import campus.helpdesk.api.HelpdeskHeaders;
import campus.helpdesk.api.Message;
import campus.helpdesk.api.NewMessage;
import campus.helpdesk.api.Role;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.lifecycle.Change;
import campus.helpdesk.lifecycle.Incidents;
import campus.helpdesk.lifecycle.TicketLifecycle;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.db.LinkedTickets;
import campus.helpdesk.ticket.db.Sql;
import campus.helpdesk.ticket.db.TicketSql;
import campus.helpdesk.ticket.history.EventLog;
import campus.helpdesk.ticket.idempotency.IdempotencyKeys;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.lifecycle.ChangeClock;
import campus.helpdesk.ticket.lifecycle.TicketRules;
import campus.helpdesk.ticket.mail.MailKind;
import campus.helpdesk.ticket.mail.Notifications;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages under a ticket. A message is a change of the ticket too, a MESSAGE_ADDED event: what it does to the
 * ticket (version, updatedAt, the first response) is {@link TicketLifecycle#message}'s to say; what a public staff
 * answer on an incident does to its linked tickets is {@link Incidents#answer}'s.
 */
@Singleton
public class Messages {

    private static final String COLUMNS = "id, ticket_id, author, author_role, body, internal, created_at";

    private final Database db;
    private final EventLog events;
    private final ChangeClock clock;
    private final Notifications notifications;

    public Messages(Database db, EventLog events, ChangeClock clock, Notifications notifications) {
        this.db = db;
        this.events = events;
        this.clock = clock;
        this.notifications = notifications;
    }

    /** The message, and whether it was posted now (false: an earlier request with the same key posted it). */
    public record Posted(Message message, boolean isNew) {
    }

    public Posted post(Identity who, long ticketId, NewMessage request, @Nullable String idempotencyKey) {
        String key = IdempotencyKeys.normalise(idempotencyKey);
        boolean internal = request.isInternal();
        boolean answersLinked = Incidents.answersLinked(who.actor(), internal);
        Posted posted = db.onTicket(ticketId, c -> {
            List<Long> linked = answersLinked ? LinkedTickets.lockWithLinked(c, ticketId) : List.of();
            Ticket ticket = answersLinked ? TicketSql.loadLive(c, ticketId) : TicketSql.lockAndLoad(c, ticketId);
            who.requireMaySee(ticket);
            Long claimedId = null;
            if (key != null) {
                String hash = hash(ticketId, request);
                claimedId = claim(c, who, key, hash);
                if (claimedId == null) {
                    return new Posted(earlier(c, who, key, hash), false);
                }
            }
            TicketRules.requireMayPostMessage(ticket, who, internal);
            Instant at = clock.now();
            Message message = insert(c, who, ticketId, request, claimedId, at);
            Change change = TicketLifecycle.message(ticket, message.id(), who.actor(), internal, at);
            if (change.ticket().version() != ticket.version()) { // an internal note leaves the ticket as it was
                TicketSql.update(c, "first_response_at = ?", ps -> {
                    Sql.setInstant(ps, 1, change.ticket().firstResponseAt());
                    return 2;
                }, ticket, change.ticket());
            }
            events.append(c, ticketId, change.event());
            if (who.isStaff() && !internal) {
                notifications.queue(c, change.ticket(), MailKind.ANSWERED, request.body());
            }
            notifications.queueToAssignee(c, change.ticket(), who.user(), who.isStaff(), request.body());
            answerLinked(c, who, ticketId, linked, request, at);
            return new Posted(message, true);
        });
        if (posted.isNew()) {
            events.committed();
        }
        return posted;
    }

    /**
     * One answer for all: a public staff message on an incident is also posted, same text and author, under each of
     * its open linked tickets (locked by the caller), so every reporter's page, unread marker and closure shows it
     * and it counts as each one's first response. One MESSAGE_ADDED per ticket, in the incident's transaction.
     */
    private void answerLinked(Connection c, Identity who, long incidentId, List<Long> linked, NewMessage request,
                              Instant at) throws SQLException {
        List<Ticket> open = TicketSql.openOf(c, linked);
        if (open.isEmpty()) {
            return;
        }
        Map<Long, Long> copies = insertCopies(c, who, open, request, at);
        for (Ticket ticket : open) {
            notifications.queue(c, ticket, MailKind.ANSWERED, request.body());
        }
        events.appendAll(c, TicketSql.moveAll(c, open,
                t -> Incidents.answer(t, copies.get(t.id()), incidentId, who.actor(), at),
                "first_response_at = ?", (ps, after) -> {
                    Sql.setInstant(ps, 1, after.firstResponseAt());
                    return 2;
                }));
    }

    /** The copies of a public message under many tickets, one statement; each ticket's copy's id. */
    private static Map<Long, Long> insertCopies(Connection c, Identity who, List<Ticket> tickets, NewMessage request,
                                                Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO ticket_message (ticket_id, author, author_role, body, internal, created_at)
                SELECT u.id, ?, ?, ?, false, ? FROM unnest(?::bigint[]) AS u(id)
                RETURNING id, ticket_id""")) {
            ps.setString(1, who.user());
            ps.setString(2, who.role().name());
            ps.setString(3, request.body());
            Sql.setInstant(ps, 4, at);
            ps.setArray(5, c.createArrayOf("bigint", tickets.stream().map(Ticket::id).toArray()));
            Map<Long, Long> copies = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    copies.put(rs.getLong("ticket_id"), rs.getLong("id"));
                }
            }
            return copies;
        }
    }

    /**
     * By hand, as one step of the ticket's locked unit of work beside its guarded update and event: RETURNING hands
     * back the id the MESSAGE_ADDED event records. MessageThread's entity, PostedMessage, is a read model (its id is
     * not declared generated), so the thread's repository only reads. The id is the claimed key's when there is one.
     */
    private static Message insert(Connection c, Identity who, long ticketId, NewMessage request,
                                  @Nullable Long id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket_message (id, ticket_id, author, "
                + "author_role, body, internal, created_at) VALUES (coalesce(?, nextval(pg_get_serial_sequence("
                + "'ticket_message', 'id'))), ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
            if (id == null) {
                ps.setNull(1, Types.BIGINT);
            } else {
                ps.setLong(1, id);
            }
            ps.setLong(2, ticketId);
            ps.setString(3, who.user());
            ps.setString(4, who.role().name());
            ps.setString(5, request.body());
            ps.setBoolean(6, request.isInternal());
            Sql.setInstant(ps, 7, at);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return map(rs);
            }
        }
    }

    /**
     * Claims the key for a new message and returns the message's id to be, or null when an earlier request holds
     * it. A concurrent retry waits here on the key's primary key until the first transaction ends.
     */
    private static @Nullable Long claim(Connection c, Identity who, String key, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO message_idempotency_key (author, key, body_hash, message_id)
                VALUES (?, ?, ?, nextval(pg_get_serial_sequence('ticket_message', 'id')))
                ON CONFLICT DO NOTHING
                RETURNING message_id""")) {
            ps.setString(1, who.user());
            ps.setString(2, key);
            ps.setString(3, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** The message an earlier request with this key posted, if the body (and ticket) is the same. */
    private static Message earlier(Connection c, Identity who, String key, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT k.body_hash, m.id, m.ticket_id, m.author, m.author_role, m.body, m.internal, m.created_at
                FROM message_idempotency_key k LEFT JOIN ticket_message m ON m.id = k.message_id
                WHERE k.author = ? AND k.key = ?""")) {
            ps.setString(1, who.user());
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getObject("id") == null) {
                    throw IdempotencyKeys.unknownState(HelpdeskHeaders.IDEMPOTENCY_KEY);
                }
                IdempotencyKeys.requireSameBody(HelpdeskHeaders.IDEMPOTENCY_KEY, rs.getString("body_hash"), hash);
                return map(rs);
            }
        }
    }

    /** The ticket is part of "the same body": one key never stands for messages under two tickets. */
    static String hash(long ticketId, NewMessage request) {
        return IdempotencyKeys.hash(Long.toString(ticketId), request.body(), Boolean.toString(request.isInternal()));
    }

    private static Message map(ResultSet rs) throws SQLException {
        return new Message(rs.getLong("id"), rs.getLong("ticket_id"), rs.getString("author"),
                Role.valueOf(rs.getString("author_role")), rs.getString("body"), rs.getBoolean("internal"),
                Sql.instant(rs, "created_at"));
    }
}
