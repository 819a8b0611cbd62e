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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index by concept behind similar: what it finds, and that it follows changes made by anyone writing to the same
 * database, as another replica of ticket-service does.
 */
@MicronautTest(transactional = false)
class SimilarIndexTest extends ApiTest {

    @Inject
    Database db;
    @Inject
    SimilarIndex index;

    @BeforeEach
    void noTicketsYet() throws SQLException {
        try (Connection c = sql(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE tickets SET status = 'CLOSED', closed_at = now() WHERE status <> 'CLOSED'");
        }
    }

    @Test
    void aFiledTicketIsFoundByTheConceptsItShares() {
        Ticket ticket = file("Drucker in Gebäude B kaputt", "Der Drucker druckt nicht", "Gebäude B");

        similar("stampante guasta");

        assertThat(index.sharing(ReportVector.of("stampante", index.lexicon())))
                .extracting(SimilarIndex.Indexed::id).containsExactly(ticket.id());
        assertThat(index.sharing(ReportVector.of("moodle", index.lexicon()))).isEmpty();
    }

    @Test
    void aClosedTicketLeavesTheIndex() {
        Ticket ticket = file("Elevator stuck in building D", "The lift does not move", "Building D");
        assertThat(similar("ascensore bloccato")).extracting(SimilarTicket::id).containsExactly(ticket.id());

        move(ticket.id(), TicketStatus.ACTIVE);
        move(ticket.id(), TicketStatus.CLOSED);

        assertThat(similar("ascensore bloccato")).isEmpty();
        assertThat(index.contains(ticket.id())).isFalse();
    }

    @Test
    void aTicketClosedWithoutAnEventIsCheckedLiveAndNotOffered() throws SQLException {
        Ticket ticket = file("Elevator stuck in building D", "The lift does not move", "Building D");
        assertThat(similar("ascensore bloccato")).hasSize(1);
        try (Connection c = sql(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE tickets SET status = 'CLOSED', closed_at = now() WHERE id = " + ticket.id());
        }

        // No event tells the index (unless a sweep happens to run): what is offered is checked against the live row.
        assertThat(similar("ascensore bloccato")).isEmpty();
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
    void aBulkLoadTooLargeToFollowIsSweptAndItsChangesFound() throws SQLException {
        Ticket ticket = file("Heating broken in A1", "It is cold in lecture hall A1", "Aula A1");
        assertThat(similar("Chauffage en panne amphi A1")).hasSize(1);

        // What a bulk load writes: more events than a request follows one by one.
        try (Connection c = sql(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE tickets SET title = 'Projector broken', description = 'No image', "
                    + "version = version + 1 WHERE id = " + ticket.id());
            s.executeUpdate("INSERT INTO ticket_event (ticket_id, type, actor, actor_role) SELECT " + ticket.id()
                    + ", 'EDITED', 'Bulk Load', 'STAFF' FROM generate_series(1, " + (SimilarIndex.FOLLOW_LIMIT + 1)
                    + ")");
        }

        // The request that finds the load answers from the index as it stands and hands the sweep to a thread of its
        // own; the load's changes are found once that sweep ends.
        similar("Beamer kaputt");
        long until = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < until && index.sharing(ReportVector.of("Beamer", index.lexicon())).isEmpty()) {
            similar("Beamer kaputt");
            sleep();
        }
        assertThat(index.sharing(ReportVector.of("Beamer", index.lexicon())))
                .extracting(SimilarIndex.Indexed::id).containsExactly(ticket.id());
        assertThat(index.sharing(ReportVector.of("Chauffage", index.lexicon()))).isEmpty();
    }

    @Test
    void aReplicaStartingOnTicketsItHasNotSeenReadsThem() {
        Ticket ticket = file("Moodle down", "Moodle shows an error page", null);

        SimilarIndex starting = new SimilarIndex(db, 20_000);
        db.autoCommit(c -> {
            starting.catchUp(c, Instant.now().minus(SimilarSearch.RECENT));
            return null;
        });

        assertThat(starting.sharing(ReportVector.of("moodle non funziona", starting.lexicon())))
                .extracting(SimilarIndex.Indexed::id).containsExactly(ticket.id());
    }

    @Test
    void itHoldsTheNewestCandidatesUpToItsCapacityWhenStartingAndWhenFollowing() throws Exception {
        List<Long> filed = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            filed.add(fileMoodleDown(i));
        }
        // Events of earlier tests (a bulk load's 10,001) stamped after the sweep below would count as changes to
        // follow, and so many make the index sweep again instead.
        awaitNoUnstampedEvents();
        SimilarIndex small = new SimilarIndex(db, 10);
        catchUp(small);
        assertThat(indexed(small)).containsExactlyInAnyOrderElementsOf(filed.subList(2, 12));

        // Followed: the index may hold a tenth more than its capacity (here 11) before it drops the oldest.
        filed.add(fileMoodleDown(12));
        catchUp(small);
        assertThat(indexed(small)).containsExactlyInAnyOrderElementsOf(filed.subList(2, 13));

        filed.add(fileMoodleDown(13));
        catchUp(small);
        assertThat(indexed(small)).containsExactlyInAnyOrderElementsOf(filed.subList(4, 14));
    }

    private void awaitNoUnstampedEvents() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (count("SELECT count(*) FROM ticket_event WHERE position IS NULL") > 0) {
            assertThat(System.nanoTime()).as("every event stamped within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private long fileMoodleDown(int i) {
        return file("Moodle down " + i, "Moodle shows an error page", null).id();
    }

    private static List<Long> indexed(SimilarIndex index) {
        return index.sharing(ReportVector.of("moodle", index.lexicon())).stream().map(SimilarIndex.Indexed::id)
                .toList();
    }

    private void catchUp(SimilarIndex index) {
        db.autoCommit(c -> {
            index.catchUp(c, Instant.now().minus(SimilarSearch.RECENT));
            return null;
        });
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
