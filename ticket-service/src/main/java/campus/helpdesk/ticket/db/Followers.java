package campus.helpdesk.ticket.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The people who joined a ticket ("this is my problem too"), told like its reporter. Here beside the tickets row
 * rather than in the incident feature because the reads that treat followers like the reporter (a closure, the read
 * marks, the solved list) live in other features; by hand on the caller's connection, inside their transactions.
 */
public final class Followers {

    private Followers() {
    }

    public static boolean follows(Connection connection, long ticketId, String person) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM ticket_follower WHERE ticket_id = ? AND person = ?")) {
            ps.setLong(1, ticketId);
            ps.setString(2, person);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Everyone who joined the ticket, by name. */
    public static List<String> of(Connection connection, long ticketId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT person FROM ticket_follower WHERE ticket_id = ? ORDER BY person")) {
            ps.setLong(1, ticketId);
            List<String> people = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    people.add(rs.getString(1));
                }
            }
            return people;
        }
    }

    /** Adds the follower; false when they had joined already (a retry, a second click). */
    public static boolean add(Connection connection, long ticketId, String person, Instant at) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO ticket_follower (ticket_id, person, joined_at) VALUES (?, ?, ?)
                ON CONFLICT (ticket_id, person) DO NOTHING""")) {
            ps.setLong(1, ticketId);
            ps.setString(2, person);
            Sql.setInstant(ps, 3, at);
            return ps.executeUpdate() == 1;
        }
    }
}
