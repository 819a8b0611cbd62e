package campus.helpdesk.ticket.solved;

import campus.helpdesk.api.Closure;
import campus.helpdesk.api.ClosureOperations;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.db.Followers;
import campus.helpdesk.ticket.db.Sql;
import campus.helpdesk.ticket.db.TicketSql;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.lifecycle.ChangeClock;
import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * How closed tickets ended, for their reporters and followers (told like the reporter): who closed it (the actor of
 * its last move to CLOSED, from the history) and the last public staff message. Read with one statement per answer,
 * by hand like the other reads of the tickets row: a lateral join for the answer and a subquery into the history are
 * not derived queries.
 */
@Singleton
public class Closures {

    /** A closure per row of {@code tickets t}; the WHERE and ORDER BY follow. */
    private static final String SELECT = """
            SELECT t.id, t.title, t.location, t.reporter_name, t.closed_at,
                   coalesce((SELECT e.actor FROM ticket_event e
                             WHERE e.ticket_id = t.id AND e.type = 'STATUS_CHANGED' AND e.status = 'CLOSED'
                             ORDER BY e.id DESC LIMIT 1), t.assignee) AS closed_by,
                   a.author AS answer_author, a.body AS answer_body, a.created_at AS answer_at
            FROM tickets t
            LEFT JOIN LATERAL (SELECT m.author, m.body, m.created_at FROM ticket_message m
                               WHERE m.ticket_id = t.id AND m.author_role = 'STAFF' AND NOT m.internal
                               ORDER BY m.id DESC LIMIT 1) a ON true
            """;

    private final Database db;
    private final ChangeClock clock;

    public Closures(Database db, ChangeClock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** 404 unless the caller may know how it ended ({@link Identity#requireMaySeeClosure}); 409 while not closed. */
    public Closure of(Identity who, long ticketId) {
        return db.autoCommit(c -> {
            Ticket ticket = TicketSql.loadLive(c, ticketId);
            who.requireMaySeeClosure(ticket, Followers.follows(c, ticketId, who.user()));
            return closed(c, ticket, null);
        });
    }

    /**
     * The close as news for everyone it concerns, followers named: for the gateway alone, which tells each of them
     * (and nobody else) in their live stream. 409 while not closed.
     */
    public Closure toTell(long ticketId) {
        return db.autoCommit(c -> closed(c, TicketSql.loadLive(c, ticketId), Followers.of(c, ticketId)));
    }

    private static Closure closed(Connection c, Ticket ticket, @Nullable List<String> followers) throws SQLException {
        if (ticket.status() != TicketStatus.CLOSED) {
            throw Problems.conflict("Ticket " + ticket.id() + " is " + ticket.status() + ", not closed yet");
        }
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE t.id = ?")) {
            ps.setLong(1, ticket.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return map(rs, followers);
            }
        }
    }

    /**
     * The caller's tickets (reported or joined) closed after their read mark: a reporter who saw the close (the
     * ticket page's solved view, or this list) marks the ticket read, and it leaves the list.
     */
    public List<Closure> unacknowledged(Identity who) {
        return mine(who, """
                AND t.closed_at > coalesce((SELECT r.read_at FROM ticket_read_marks r
                                            WHERE r.ticket_id = t.id AND r.reader = ?
                                              AND r.reader_role = ?), '-infinity')
                """, (ps, i) -> {
            ps.setString(i, who.user());
            ps.setString(i + 1, who.role().name());
            return i + 2;
        });
    }

    /**
     * The caller's tickets (reported or joined) closed in the last {@link ClosureOperations#RECENT_DAYS} days, seen
     * or not: where a student finds again how a ticket ended once the list has said so, since their ticket list
     * shows no CLOSED one. The window is the clock's that stamps the closes.
     */
    public List<Closure> recent(Identity who) {
        Instant since = clock.now().minus(ClosureOperations.RECENT_DAYS, ChronoUnit.DAYS);
        return mine(who, "AND t.closed_at > ?\n", (ps, i) -> {
            Sql.setInstant(ps, i, since);
            return i + 1;
        });
    }

    /** Binds the parameters of a {@link #mine} condition from {@code index}; the index after them. */
    @FunctionalInterface
    private interface ConditionValue {
        int bind(PreparedStatement ps, int index) throws SQLException;
    }

    private List<Closure> mine(Identity who, String condition, ConditionValue value) {
        return db.autoCommit(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + """
                    WHERE t.id IN (SELECT r.id FROM tickets r WHERE r.reporter_name = ?
                                   UNION SELECT f.ticket_id FROM ticket_follower f WHERE f.person = ?)
                      AND t.status = 'CLOSED' AND t.deleted_at IS NULL
                    """ + condition + "ORDER BY t.closed_at DESC, t.id DESC LIMIT ?")) {
                ps.setString(1, who.user());
                ps.setString(2, who.user());
                ps.setInt(value.bind(ps, 3), ClosureOperations.MAX_SOLVED);
                List<Closure> solved = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        solved.add(map(rs, null));
                    }
                }
                return solved;
            }
        });
    }

    private static Closure map(ResultSet rs, @Nullable List<String> followers) throws SQLException {
        Instant answeredAt = Sql.instant(rs, "answer_at");
        Closure.Answer answer = answeredAt == null ? null
                : new Closure.Answer(rs.getString("answer_author"), rs.getString("answer_body"), answeredAt);
        return new Closure(rs.getLong("id"), rs.getString("title"), rs.getString("location"), rs.getString("reporter_name"),
                rs.getString("closed_by"), Sql.instant(rs, "closed_at"), answer, followers);
    }
}
