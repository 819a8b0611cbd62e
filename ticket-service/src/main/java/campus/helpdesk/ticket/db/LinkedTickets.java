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
 * one ticket (linking, unlinking, an incident's answer, close and deletion) takes the {@link TicketSql#lock} of the
 * incident first, then the others' lowest id first. Every link and unlink holds the incident's lock, so once it is
 * held the set of its tickets stays as read; and two transactions never wait for each other in a circle: overlapping
 * links from many staff at once, a retried link beside the incident's close or answer, all queue up instead of
 * deadlocking. (Taking every lock lowest id first, as before 2026-12-05, had to read the set before holding the
 * incident's lock: a link committed in between was locked out of order, and PostgreSQL broke the deadlock that
 * followed with a 409.) Beside the tickets row because messages and status moves need it as well as the links.
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
     * Several tickets of which one is an incident: {@link #lockIncidentThen}.
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

    /** Locks the incident, then {@code others} lowest id first: the order of every lock of several tickets. */
    public static void lockIncidentThen(Connection connection, long incidentId, Collection<Long> others)
            throws SQLException {
        lockInOrder(connection, List.of(incidentId));
        TreeSet<Long> rest = new TreeSet<>(others);
        rest.remove(incidentId);
        lockInOrder(connection, rest);
    }

    /**
     * Locks the ticket {@code id}, then the tickets linked to it, and returns the linked ones: read once its lock is
     * held, when no link or unlink can change them.
     */
    public static List<Long> lockWithLinked(Connection connection, long id) throws SQLException {
        lockInOrder(connection, List.of(id));
        List<Long> linked = of(connection, id);
        lockInOrder(connection, linked);
        return linked;
    }
}
