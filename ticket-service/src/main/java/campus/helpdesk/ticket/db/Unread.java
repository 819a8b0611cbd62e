package campus.helpdesk.ticket.db;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.ticket.identity.Identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * "New since you last looked", per person: a ticket is unread for its reporter, for the people who joined it
 * (its followers, told like the reporter), and for the staff member it is assigned to, while a message they may
 * see (a student never sees internal notes) written by someone else is newer
 * than their last {@code POST /api/tickets/{id}/read}; never having read it counts as long ago. On anyone else's
 * tickets the question does not apply (null).
 *
 * <p>A column of the ticket's own SELECT or RETURNING (its table aliased {@code t}), so a page of the list stays one
 * statement, and one ticket reads the same from a GET as from the write that changed it: per row, an index lookup of
 * the ticket's few messages (ticket_message's (ticket_id, id) index) and of the caller's read mark (ticket_read_marks's
 * key).
 */
public final class Unread {

    public static final String COLUMN = """
            CASE WHEN t.reporter_name = ? OR t.assignee = ?
                      OR EXISTS (SELECT 1 FROM ticket_follower f WHERE f.ticket_id = t.id AND f.person = ?)
                 THEN EXISTS (
                SELECT 1 FROM ticket_message m
                WHERE m.ticket_id = t.id AND m.author <> ? AND (? OR NOT m.internal)
                  AND m.created_at > coalesce((SELECT r.read_at FROM ticket_read_marks r
                                               WHERE r.ticket_id = t.id AND r.reader = ?
                                                 AND r.reader_role = ?), '-infinity'))
            END AS unread""";

    private Unread() {
    }

    /**
     * The parameters of {@link #COLUMN}, in order. Students are never assignees, so only staff match one; an analyst
     * matches nothing (null), even one who signed in under a reporter's name.
     */
    public static List<Object> parameters(Identity who) {
        String reader = who.keepsReadMarks() ? who.user() : null;
        return Arrays.asList(reader, who.isStaff() ? who.user() : null, reader, who.user(),
                who.maySeeInternalNotes(), who.user(), who.role().name());
    }

    /** A row of {@link TicketSql#COLUMNS} followed by {@link TicketSql#READER_COLUMNS}. */
    public static Ticket map(ResultSet rs) throws SQLException {
        return TicketSql.map(rs, rs.getObject("unread", Boolean.class), rs.getInt("linked_count"),
                rs.getInt("follower_count"));
    }
}
