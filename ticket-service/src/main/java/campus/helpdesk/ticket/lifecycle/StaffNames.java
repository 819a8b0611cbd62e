package campus.helpdesk.ticket.lifecycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The spelling the desk already knows for a staff member's name. Staff have no accounts: a ticket is theirs when it
 * carries the name they sign in with, exactly. A handover typed "marco bianchi" for Marco Bianchi would otherwise
 * give the ticket to nobody's Mine view.
 */
final class StaffNames {

    private StaffNames() {
    }

    /** {@code typed} as the caller spells their own name, else as tickets already assigned spell it, else as typed. */
    static String known(Connection c, String typed, String caller) throws SQLException {
        if (typed.toLowerCase(Locale.ROOT).equals(caller.toLowerCase(Locale.ROOT))) {
            return caller;
        }
        if (assigned(c, "SELECT 1 FROM tickets WHERE assignee = ? AND deleted_at IS NULL LIMIT 1", typed) != null) {
            return typed; // The common case, answered by the assignee index (of tickets not deleted).
        }
        String other = assigned(c, "SELECT assignee FROM tickets WHERE lower(assignee) = lower(?) "
                + "AND deleted_at IS NULL ORDER BY updated_at DESC LIMIT 1", typed);
        return other != null ? other : typed;
    }

    private static String assigned(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
