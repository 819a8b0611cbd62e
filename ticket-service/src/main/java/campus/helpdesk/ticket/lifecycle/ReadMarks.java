package campus.helpdesk.ticket.lifecycle;

import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.db.Followers;
import campus.helpdesk.ticket.db.Sql;
import campus.helpdesk.ticket.db.TicketSql;
import campus.helpdesk.ticket.identity.Identity;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * When each person last looked at a ticket: what its unread marker ({@code search/Unread}) compares the messages
 * with. A person is a name in a role: a student signed in under a staff member's name must not clear that staff
 * member's markers. Not a change of the ticket (no version, no event, nothing on the feed): reading is private to the reader.
 * The time is the {@link ChangeClock}'s, the clock that stamps the messages it is compared with.
 */
@Singleton
public class ReadMarks {

    /** A mark never moves back: two tabs reading at once keep the later one. */
    private static final String KEEP_THE_LATER = """
            ON CONFLICT (ticket_id, reader, reader_role)
            DO UPDATE SET read_at = greatest(ticket_read_marks.read_at, excluded.read_at)""";
    private static final String UPSERT_AT = """
            INSERT INTO ticket_read_marks (ticket_id, reader, reader_role, read_at) VALUES (?, ?, ?, ?)
            """ + KEEP_THE_LATER;

    private final Database db;
    private final ChangeClock clock;

    public ReadMarks(Database db, ChangeClock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Idempotent; a mark never moves back (two tabs reading at once keep the later one). 404 as for reading it,
     * except that the reporter (or a follower) may mark their own CLOSED ticket: that acknowledges its close.
     */
    public void markRead(Identity who, long ticketId) {
        db.autoCommit(c -> {
            who.requireMayMarkRead(TicketSql.loadLive(c, ticketId), Followers.follows(c, ticketId, who.user()));
            try (PreparedStatement ps = c.prepareStatement(UPSERT_AT)) {
                ps.setLong(1, ticketId);
                ps.setString(2, who.user());
                ps.setString(3, who.role().name());
                Sql.setInstant(ps, 4, clock.now());
                return ps.executeUpdate();
            }
        });
    }

    /**
     * {@code reader} has seen the staff's answers under {@code ticketIds}, up to the last one; what a student wrote
     * after it stays news for them. In the caller's transaction.
     */
    static void markStaffAnswersRead(Connection c, Collection<Long> ticketIds, Identity reader) throws SQLException {
        if (ticketIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO ticket_read_marks (ticket_id, reader, reader_role, read_at)
                SELECT m.ticket_id, ?, ?, max(m.created_at) FROM ticket_message m
                WHERE m.ticket_id = ANY (?) AND m.author_role = 'STAFF' AND NOT m.internal
                GROUP BY m.ticket_id
                """ + KEEP_THE_LATER)) {
            ps.setString(1, reader.user());
            ps.setString(2, reader.role().name());
            ps.setArray(3, c.createArrayOf("bigint", ticketIds.toArray()));
            ps.executeUpdate();
        }
    }
}
