package campus.helpdesk.ticket.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The tickets linked to an incident, and taking the locks of several tickets at once. Everyone who locks more than
 * one ticket (linking, unlinking, an incident's answer, close and deletion) takes the {@link TicketSql#lock}s lowest
 * id first, so two of them never wait for each other in a circle: overlapping links from many staff at once, links
 * in opposite directions, a retried link beside the incident's close, all queue up instead of deadlocking. Beside
 * the tickets row because messages and status moves need it as well as the links.
 */
public final class LinkedTickets {

    private LinkedTickets() {
    }

    /** The live tickets linked to {@code incidentId}, lowest id first. */
    public static List<Long> of(Connection connection, long incidentId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id FROM tickets WHERE incident_id = ? AND deleted_at IS NULL ORDER BY id")) {
            ps.setLong(1, incidentId);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    /**
     * Locks the tickets, lowest id first (a lock already held is taken again harmlessly), in one statement: the
     * function scan of the sorted array yields its elements in order, and each row takes its lock before the next.
     */
    public static void lockInOrder(Connection connection, Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count(pg_advisory_xact_lock(u.id)) FROM unnest(?::bigint[]) AS u(id)")) {
            ps.setArray(1, connection.createArrayOf("bigint", new TreeSet<>(ids).toArray()));
            ps.execute();
        }
    }

    /** How many live tickets are linked to each of {@code ids} (those with none absent), in one statement. */
    public static Map<Long, Integer> countsOf(Connection connection, Collection<Long> ids) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT incident_id, count(*) FROM tickets
                WHERE incident_id = ANY (?) AND deleted_at IS NULL GROUP BY incident_id""")) {
            ps.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            Map<Long, Integer> counts = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getLong(1), rs.getInt(2));
                }
            }
            return counts;
        }
    }

    /**
     * Locks the ticket {@code id} and the tickets linked to it, lowest id first, and returns the linked ones. The set
     * is read before the locks and again once the incident's lock is held (every link and unlink holds it, so the
     * set cannot change after that). A ticket linked in between with an id above all those locked is locked now,
     * still in order; one below would be out of order and could close a circle of waits with a link that holds it,
     * so the transaction starts again ({@link Database.StartAgain}) and reads the set anew.
     */
    public static List<Long> lockWithLinked(Connection connection, long id) throws SQLException {
        TreeSet<Long> locked = new TreeSet<>(of(connection, id));
        locked.add(id);
        lockInOrder(connection, locked);
        List<Long> linked = of(connection, id);
        List<Long> late = linked.stream().filter(l -> !locked.contains(l)).toList();
        if (!late.isEmpty() && late.getFirst() < locked.last()) {
            throw new Database.StartAgain("Tickets were linked to ticket " + id + " while its lock was awaited");
        }
        lockInOrder(connection, late);
        return linked;
    }
}
