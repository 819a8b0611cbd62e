package campus.helpdesk.ticket.lifecycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The spelling a staff member gives their own name. Staff have no accounts: a ticket is theirs when it carries the
 * name they sign in with, exactly. A handover typed "marco bianchi" for Marco Bianchi would otherwise give the ticket
 * to nobody's Mine view. Only a spelling the person used themselves counts (a ticket assigned to it that they took,
 * answered or closed under it): a spelling that only a colleague's handover gave is never taken up, or the first
 * typo would win and every later, correct handover would be turned into it.
 */
final class StaffNames {

    /**
     * Of these spellings, the one on the newest ticket its assignee acted on under it, as staff (the assignee index,
     * then ticket_event_ticket).
     */
    private static final String SPELLED_BY_THEMSELVES = """
            SELECT t.assignee FROM tickets t
            WHERE t.assignee = ANY (?) AND t.deleted_at IS NULL
              AND EXISTS (SELECT 1 FROM ticket_event e
                          WHERE e.ticket_id = t.id AND e.actor = t.assignee AND e.actor_role = 'STAFF')
            ORDER BY t.updated_at DESC LIMIT 1""";

    /**
     * The assignees' spellings of the name in another case. A skip scan of the assignee index, one probe per
     * distinct assignee (a desk's few dozen staff names), where {@code lower(assignee)} would read every ticket.
     */
    private static final String OTHER_SPELLINGS = """
            WITH RECURSIVE spelling(name) AS (
                SELECT min(assignee) FROM tickets WHERE deleted_at IS NULL
                UNION ALL
                SELECT (SELECT min(assignee) FROM tickets WHERE deleted_at IS NULL AND assignee > s.name)
                FROM spelling s WHERE s.name IS NOT NULL)
            SELECT name FROM spelling WHERE lower(name) = lower(?) AND name <> ?""";

    private StaffNames() {
    }

    /** {@code typed} as the caller spells their own name, else as its owner spells it on their tickets, else as typed. */
    static String known(Connection c, String typed, String caller) throws SQLException {
        if (typed.toLowerCase(Locale.ROOT).equals(caller.toLowerCase(Locale.ROOT))) {
            return caller;
        }
        if (spelledByThemselves(c, List.of(typed)) != null) {
            return typed; // the common case: a colleague's name typed as they sign in
        }
        List<String> others = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(OTHER_SPELLINGS)) {
            s.setString(1, typed);
            s.setString(2, typed);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    others.add(rs.getString(1));
                }
            }
        }
        String other = others.isEmpty() ? null : spelledByThemselves(c, others);
        return other != null ? other : typed;
    }

    private static String spelledByThemselves(Connection c, List<String> spellings) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SPELLED_BY_THEMSELVES)) {
            s.setArray(1, c.createArrayOf("text", spellings.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
