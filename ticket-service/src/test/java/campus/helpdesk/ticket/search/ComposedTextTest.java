package campus.helpdesk.ticket.search;

import campus.helpdesk.api.Message;
import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketPage;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accents typed as a letter and a combining mark ("e" + U+0301) and as one character ("é") are one text: stored
 * composed (NFC), and a search text composed before it is compared. A title and a location are stored on one line.
 */
@MicronautTest(transactional = false)
class ComposedTextTest extends ApiTest {

    private static final String ACUTE = "\u0301";

    @Test
    void aTicketWrittenWithCombiningAccentsIsStoredComposedAndFoundByTheComposedWords() throws Exception {
        Ticket ticket = api.post(STUDENT, "/api/tickets", new NewTicket("Vitre casse" + ACUTE + "e au cafe" + ACUTE,
                "La vitre de la porte du cafe" + ACUTE + " est casse" + ACUTE + "e", "Cafe" + ACUTE + " du hall",
                null, null)).as(Ticket.class);

        assertThat(ticket.title()).isEqualTo("Vitre cassée au café");
        assertThat(stored(ticket.id())).containsExactly("Vitre cassée au café", "La vitre de la porte du café est cassée",
                "Café du hall");
        assertThat(search("cassée")).contains(ticket.id());
        assertThat(search("café")).contains(ticket.id());
    }

    @Test
    void aDecomposedQueryFindsWhatTheComposedOneFinds() {
        Ticket ticket = create(STUDENT, "Caída en la escalera", "Una caída en la escalera del edificio C, hay agua");
        List<Long> composed = search("caída");
        assertThat(composed).contains(ticket.id());
        assertThat(search("cai" + ACUTE + "da")).containsExactlyElementsOf(composed);
    }

    @Test
    void anEditAndAMessageWithCombiningAccentsAreStoredComposed() throws Exception {
        Ticket ticket = create(STUDENT, "Porte bloquée", "La porte de la salle 3 est bloquée");
        Api.Answer edited = api.patch(STUDENT, "/api/tickets/" + ticket.id(), Map.of("title",
                "Porte bloque" + ACUTE + "e au re" + ACUTE + "fectoire", "location", "Re" + ACUTE + "fectoire",
                "version", ticket.version()));
        assertThat(edited.status).as(edited.toString()).isEqualTo(200);
        assertThat(stored(ticket.id())).startsWith("Porte bloquée au réfectoire").endsWith("Réfectoire");

        Api.Answer posted = api.post(STUDENT, "/api/tickets/" + ticket.id() + "/messages",
                Map.of("body", "Toujours ferme" + ACUTE + "e ce matin"));
        assertThat(posted.status).as(posted.toString()).isEqualTo(201);
        List<Message> thread = api.get(STUDENT, "/api/tickets/" + ticket.id() + "/messages")
                .as(Argument.listOf(Message.class));
        assertThat(thread).extracting(Message::body).contains("Toujours fermée ce matin");
    }

    @Test
    void aTitleAndALocationWithLineBreaksAreStoredOnOneLineAndTheDescriptionKeepsItsOwn() throws Exception {
        Ticket ticket = api.post(STUDENT, "/api/tickets", new NewTicket("\tLift stuck \r\n\r\n Block Q\n",
                "Since 9:00\nstill stuck", "Block Q\u2028lift 2", null, null)).as(Ticket.class);
        assertThat(ticket.title()).isEqualTo("Lift stuck Block Q");
        assertThat(stored(ticket.id())).containsExactly("Lift stuck Block Q", "Since 9:00\nstill stuck",
                "Block Q lift 2");

        Api.Answer edited = api.patch(STUDENT, "/api/tickets/" + ticket.id(), Map.of("title", "Lift stuck\tagain",
                "location", "Block Q\n", "version", ticket.version()));
        assertThat(edited.status).as(edited.toString()).isEqualTo(200);
        assertThat(stored(ticket.id())).containsExactly("Lift stuck again", "Since 9:00\nstill stuck", "Block Q");
    }

    private List<Long> search(String q) {
        Api.Answer answer = api.get(STAFF, "/api/tickets?size=100&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                .replace("+", "%20"));
        assertThat(answer.status).as(answer.toString()).isEqualTo(200);
        return answer.as(TicketPage.class).items().stream().map(Ticket::id).toList();
    }

    /** Title, description and location as the database holds them. */
    private List<String> stored(long id) throws Exception {
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement(
                "SELECT title, description, location FROM tickets WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return List.of(rs.getString(1), rs.getString(2), rs.getString(3));
            }
        }
    }
}
