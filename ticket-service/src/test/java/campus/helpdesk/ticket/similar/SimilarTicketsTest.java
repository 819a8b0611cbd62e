package campus.helpdesk.ticket.similar;

import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.SimilarTicket;
import campus.helpdesk.api.SimilarTickets;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/tickets/similar: who may ask, what is offered (open, recent, visible, at most five) and in what order. */
@MicronautTest(transactional = false)
class SimilarTicketsTest extends ApiTest {

    @BeforeEach
    void noTicketsYet() throws SQLException {
        try (Connection c = sql(); Statement s = c.createStatement()) {
            // Earlier tests' tickets would be candidates too; closing them takes them out of every answer.
            s.executeUpdate("UPDATE tickets SET status = 'CLOSED', closed_at = now() WHERE status <> 'CLOSED'");
        }
    }

    @Test
    void theSameOutageInAnotherLanguageIsOfferedWithItsFollowers() throws SQLException {
        Ticket wifi = file("Eduroam down in the library", "No wifi in the library since this morning", "Library");
        file("Projector broken in E12", "The projector shows no image", "Room E12");
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ticket_follower (ticket_id, person) VALUES (?, 'Bruno Student'), (?, 'Dora Student')")) {
            ps.setLong(1, wifi.id());
            ps.setLong(2, wifi.id());
            ps.executeUpdate();
        }

        List<SimilarTicket> items = similar(STUDENT, "WLAN in der Bibliothek geht nicht", "Bibliothek");

        assertThat(items).hasSize(1);
        assertThat(items.get(0).id()).isEqualTo(wifi.id());
        assertThat(items.get(0).title()).isEqualTo("Eduroam down in the library");
        assertThat(items.get(0).followers()).isEqualTo(2);
        assertThat(items.get(0).score()).isBetween(SimilarSearch.DEFAULT_THRESHOLD, 1.0);
    }

    @Test
    void reportsLinkedToAnIncidentAreOfferedAsTheIncidentOnce() {
        Ticket incident = file("Eduroam down in the library", "No wifi in the library since this morning", "Library");
        Ticket italian = file("Wifi non funziona in biblioteca", "Nessuna connessione wifi in biblioteca", "Biblioteca");
        Ticket german = file("WLAN in der Bibliothek tot", "Kein WLAN in der Bibliothek", "Bibliothek");
        assertThat(api.post(STAFF, "/api/tickets/" + incident.id() + "/links",
                Map.of("tickets", List.of(italian.id(), german.id()))).status).isEqualTo(200);
        assertThat(api.post(Api.As.student("Bruno Student"), "/api/tickets/" + incident.id() + "/followers", null)
                .status).isEqualTo(204);

        List<SimilarTicket> items = similar(STUDENT, "WLAN geht nicht in der Bibliothek", "Bibliothek");

        assertThat(items).extracting(SimilarTicket::id).containsExactly(incident.id());
        assertThat(items.get(0).title()).isEqualTo("Eduroam down in the library");
        assertThat(items.get(0).followers()).isEqualTo(1);
    }

    @Test
    void staffMayAskAndAnUnrelatedTextGetsNothing() {
        file("Printer in building B not printing", "Jobs stuck in the queue", "Building B");

        assertThat(similar(STAFF, "Drucker in Gebäude B druckt nicht", null)).hasSize(1);
        assertThat(similar(STAFF, "How do I get a certificate of enrolment?", null)).isEmpty();
    }

    @Test
    void aWifiReportIsNotOfferedAVpnOutageForSharingTheWordConnect() {
        Ticket vpn = file("VPN connection fails", "The VPN client fails with an authentication error when I connect "
                + "from home. We have a lecture there at 10.", null);

        assertThat(similar(STUDENT, "El wifi no funciona en el aula 3", null)).isEmpty();
        assertThat(similar(STUDENT, "La VPN no conecta desde casa", null)).extracting(SimilarTicket::id)
                .containsExactly(vpn.id());
    }

    @Test
    void atMostFiveBestFirst() {
        for (int i = 0; i < 7; i++) {
            file("Moodle is down " + i, "Moodle shows an error page", null);
        }
        Ticket closest = file("Moodle down, cannot log in to Moodle", "Moodle login fails with an error", null);

        List<SimilarTicket> items = similar(STUDENT, "moodle down, cannot log in", null);

        assertThat(items).hasSize(5);
        assertThat(items).extracting(SimilarTicket::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(items.get(0).id()).isEqualTo(closest.id());
    }

    @Test
    void closedDeletedAndOldTicketsAreNotOffered() throws SQLException {
        Ticket closed = file("Elevator stuck in building D", "The lift does not move", "Building D");
        move(closed.id(), TicketStatus.ACTIVE);
        move(closed.id(), TicketStatus.CLOSED);
        Ticket deleted = file("Elevator stuck in building D", "The lift does not move", "Building D");
        assertThat(api.delete(STAFF, "/api/tickets/" + deleted.id()).status).isEqualTo(204);
        Ticket old = file("Elevator stuck in building D", "The lift does not move", "Building D");
        openedAgo(old.id(), SimilarSearch.RECENT.plus(Duration.ofHours(1)));
        assertThat(similar(STUDENT, "Ascensore bloccato edificio D", "Edificio D")).isEmpty();

        Ticket active = file("Elevator stuck in building D", "The lift does not move", "Building D");
        move(active.id(), TicketStatus.ACTIVE);
        assertThat(similar(STUDENT, "Ascensore bloccato edificio D", "Edificio D"))
                .extracting(SimilarTicket::id).containsExactly(active.id());
    }

    @Test
    void anEditedTicketIsComparedAsItNowReads() {
        Ticket ticket = file("Heating broken in A1", "It is cold in lecture hall A1", "Aula A1");
        assertThat(similar(STUDENT, "Chauffage en panne amphi A1", null)).hasSize(1);

        Api.Answer edit = api.patch(STUDENT, "/api/tickets/" + ticket.id(), java.util.Map.of(
                "title", "Lost my student card", "description", "Where do I get a new one?",
                "version", ticket.version()));
        assertThat(edit.status).as(edit.toString()).isEqualTo(200);

        assertThat(similar(STUDENT, "Chauffage en panne amphi A1", null)).isEmpty();
    }

    @Test
    void analystsDoNotFileTicketsSoDoNotAsk() {
        Api.Answer answer = api.get(Api.As.analyst("Ana Lyst"), "/api/tickets/similar?text=wifi");
        assertProblem(answer, 403, "");
    }

    @Test
    void aMissingBlankOrOverlongTextIsABadRequest() {
        assertProblem(api.get(STUDENT, "/api/tickets/similar"), 400, "text");
        assertProblem(api.get(STUDENT, "/api/tickets/similar?text=%20%20"), 400, "text");
        assertProblem(api.get(STUDENT, "/api/tickets/similar?text=" + "a".repeat(10_001)), 400, "10,000");
        assertProblem(api.get(STUDENT, "/api/tickets/similar?text=wifi&location=" + "b".repeat(101)), 400,
                "location");
        assertProblem(api.get(STUDENT, "/api/tickets/similar?text=wifi%00down"), 400, "control characters");
        assertProblem(api.get(STUDENT, "/api/tickets/similar?text=wifi&location=B%07"), 400, "control characters");
        assertThat(api.get(STUDENT, "/api/tickets/similar?text=" + "a".repeat(10_000)).status).isEqualTo(200);
    }

    private Ticket file(String title, String description, String location) {
        return as(STUDENT).call(() -> tickets.create(
                new NewTicket(title, description, location, Priority.MEDIUM, null), null)).body();
    }

    private List<SimilarTicket> similar(Api.As who, String text, String location) {
        String path = "/api/tickets/similar?text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + (location == null ? "" : "&location=" + URLEncoder.encode(location, StandardCharsets.UTF_8));
        Api.Answer answer = api.get(who, path);
        assertThat(answer.status).as(answer.toString()).isEqualTo(200);
        return answer.as(SimilarTickets.class).items();
    }
}
