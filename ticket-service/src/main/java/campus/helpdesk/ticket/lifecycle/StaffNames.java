package campus.helpdesk.ticket.lifecycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The spelling a staff member gives their own name. Staff have no accounts: a ticket is theirs when it carries the
 * name they sign in with, exactly. A handover typed "marco bianchi" for Marco Bianchi would otherwise give the ticket
 * to nobody's Mine view. Only a spelling the person used themselves counts (a ticket assigned to it that they took,
 * answered or closed under it): a spelling that only a colleague's handover gave is never taken up, or the first
 * typo would win and every later, correct handover would be turned into it.
 */
final class StaffNames {

    /** The newest ticket assigned to a spelling of the name that has acted on it as staff (ticket_event_ticket). */
    private static final String SPELLED_BY_THEMSELVES = """
            SELECT t.assignee FROM tickets t
            WHERE lower(t.assignee) = lower(?) AND t.deleted_at IS NULL
              AND EXISTS (SELECT 1 FROM ticket_event e
                          WHERE e.ticket_id = t.id AND e.actor = t.assignee AND e.actor_role = 'STAFF')
            ORDER BY t.updated_at DESC LIMIT 1""";

    private StaffNames() {
    }

    /** {@code typed} as the caller spells their own name, else as its owner spells it on their tickets, else as typed. */
    static String known(Connection c, String typed, String caller) throws SQLException {
        if (typed.toLowerCase(Locale.ROOT).equals(caller.toLowerCase(Locale.ROOT))) {
            return caller;
        }
        try (PreparedStatement s = c.prepareStatement(SPELLED_BY_THEMSELVES)) {
            s.setString(1, typed);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : typed;
            }
        }
    }
}
