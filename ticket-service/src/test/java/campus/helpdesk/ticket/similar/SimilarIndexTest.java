package campus.helpdesk.ticket.similar;

import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.SimilarTicket;
import campus.helpdesk.api.SimilarTickets;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.ApiTest;
import campus.helpdesk.ticket.db.Database;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index by concept behind similar (migration V13): what is in it, and that it follows changes made by anyone
 * writing to the same database, as another replica of ticket-service does.
 */
@MicronautTest(transactional = false)
class SimilarIndexTest extends ApiTest {

    @Inject
    Database db;

    @BeforeEach
    void noTicketsYet() throws SQLException {
        try (Connection c = sql(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE tickets SET status = 'CLOSED', closed_at = now() WHERE status <> 'CLOSED'");
        }
    }

    @Test
    void aFiledTicketIsIndexedByItsConceptsAsAUnitVector() throws SQLException {
        Ticket ticket = file("Drucker in Gebäude B kaputt", "Der Drucker druckt nicht", "Gebäude B");

        similar("stampante guasta");

        Map<String, Double> postings = postings(ticket.id());
        assertThat(postings).containsKey("printer");
        assertThat(postings.values().stream().mapToDouble(w -> w * w).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(place(ticket.id())).containsExactly("b");
    }

    @Test
    void aClosedTicketLeavesTheIndex() throws SQLException {
        Ticket ticket = file("Elevator stuck in building D", "The lift does not move", "Building D");
        assertThat(similar("ascensore bloccato")).extracting(SimilarTicket::id).containsExactly(ticket.id());

        move(ticket.id(), TicketStatus.ACTIVE);
        move(ticket.id(), TicketStatus.CLOSED);

        assertThat(similar("ascensore bloccato")).isEmpty();
        assertThat(postings(ticket.id())).isEmpty();
    }

    @Test
    void anEditByAnotherReplicaIsFollowedThroughItsEvent() throws SQLException {
        Ticket ticket = file("Heating broken in A1", "It is cold in lecture hall A1", "Aula A1");
        assertThat(similar("Chauffage en panne amphi A1")).hasSize(1);

        // What another ticket-service writes: the row and its event, nothing of this replica's memory.
        try (Connection c = sql(); PreparedStatement edit = c.prepareStatement(
                "UPDATE tickets SET title = 'Projector broken', description = 'No image', version = version + 1 "
                        + "WHERE id = ?");
             PreparedStatement event = c.prepareStatement("INSERT INTO ticket_event (ticket_id, type, actor, "
                     + "actor_role) VALUES (?, 'EDITED', 'Other Replica', 'STAFF')")) {
            edit.setLong(1, ticket.id());
            edit.executeUpdate();
            event.setLong(1, ticket.id());
            event.executeUpdate();
        }

        assertThat(similar("Chauffage en panne amphi A1")).isEmpty();
        assertThat(similar("Beamer kaputt")).extracting(SimilarTicket::id).containsExactly(ticket.id());
    }

    @Test
    void aReplicaStartingOnTicketsItHasNotSeenBackfillsThem() throws SQLException {
        Ticket ticket = file("Moodle down", "Moodle shows an error page", null);
        similar("moodle");
        try (Connection c = sql(); Statement s = c.createStatement()) {
            // As right after migration V13 on a database that has tickets.
            s.executeUpdate("DELETE FROM similar_ticket");
        }

        SimilarIndex starting = new SimilarIndex(db);
        db.autoCommit(c -> {
            starting.catchUp(c, Instant.now().minus(SimilarSearch.RECENT));
            return null;
        });

        assertThat(postings(ticket.id())).containsKey("moodle");
        assertThat(similar("moodle non funziona")).extracting(SimilarTicket::id).containsExactly(ticket.id());
    }

    @Test
    void aReplicaIndexingAnOlderVersionLeavesTheNewerOne() throws SQLException {
        Ticket ticket = file("Wifi down in the library", "No connection", "Library");
        similar("wifi");
        try (Connection c = sql(); Statement s = c.createStatement()) {
            // The indexed version is ahead of the ticket, as when another replica indexed an edit this one has not read.
            s.executeUpdate("UPDATE similar_ticket SET version = version + 5 WHERE ticket_id = " + ticket.id());
            s.executeUpdate("DELETE FROM similar_concept WHERE ticket_id = " + ticket.id() + " AND concept <> 'network'");
        }

        SimilarIndex other = new SimilarIndex(db);
        db.autoCommit(c -> {
            other.catchUp(c, Instant.now().minus(SimilarSearch.RECENT));
            return null;
        });

        assertThat(postings(ticket.id())).containsOnlyKeys("network");
    }

    private Map<String, Double> postings(long id) throws SQLException {
        Map<String, Double> out = new HashMap<>();
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement(
                "SELECT concept, weight FROM similar_concept WHERE ticket_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getDouble(2));
                }
            }
        }
        return out;
    }

    private List<String> place(long id) throws SQLException {
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement(
                "SELECT place FROM similar_ticket WHERE ticket_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return List.of((String[]) rs.getArray(1).getArray());
            }
        }
    }

    private Ticket file(String title, String description, String location) {
        return as(STUDENT).call(() -> tickets.create(
                new NewTicket(title, description, location, Priority.MEDIUM, null), null)).body();
    }

    private List<SimilarTicket> similar(String text) {
        var answer = api.get(STUDENT, "/api/tickets/similar?text=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
        assertThat(answer.status).as(answer.toString()).isEqualTo(200);
        return answer.as(SimilarTickets.class).items();
    }
}
