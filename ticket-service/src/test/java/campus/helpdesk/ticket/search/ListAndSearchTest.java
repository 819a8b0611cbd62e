package campus.helpdesk.ticket.search;

import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketPage;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ListAndSearchTest extends ApiTest {

    private Ticket englishWifi;
    private Ticket italianLift;
    private Ticket spanishPrinter;
    private Ticket germanHeating;
    private Ticket frenchCanteen;
    private Ticket active;
    private Ticket closed;

    @BeforeAll
    void tickets() throws Exception {
        englishWifi = post("Eduroam keeps dropping", "The wireless connection in the library drops every few "
                + "minutes and I cannot submit my assignments", Priority.HIGH);
        italianLift = post("Ascensore bloccato", "L'ascensore dell'edificio B è bloccato al piano 2 e non "
                + "funziona da ieri", Priority.HIGH);
        spanishPrinter = post("Impresora sin papel", "Las impresoras de la sala de ordenadores no funcionan y "
                + "no hay papel", Priority.LOW);
        germanHeating = post("Heizung kaputt", "Die Heizung im Wohnheim funktioniert seit Montag nicht, es ist "
                + "sehr kalt in den Zimmern", Priority.MEDIUM);
        frenchCanteen = post("Cantine trop chère", "Les prix de la cantine sont trop élevés pour les étudiants "
                + "et les horaires ne sont pas pratiques", Priority.LOW);
        active = move(post("Projector dead", "The projector in room A1 does not turn on", Priority.MEDIUM).id(),
                TicketStatus.ACTIVE);
        closed = createIn(TicketStatus.CLOSED);
        // Spread the opening times so date filters and sorting are meaningful.
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement(
                "UPDATE tickets SET opened_at = ?::timestamptz WHERE id = ?")) {
            List<Ticket> all = List.of(englishWifi, italianLift, spanishPrinter, germanHeating, frenchCanteen,
                    active, closed);
            for (int i = 0; i < all.size(); i++) {
                ps.setString(1, "2026-0" + (i + 1) + "-15T12:00:00Z");
                ps.setLong(2, all.get(i).id());
                ps.executeUpdate();
            }
        }
    }

    @ParameterizedTest(name = "\"{0}\" finds ticket {1}")
    @CsvSource({
            "wireless, english",
            "drop, english",
            "assignment, english",
            "ascensori, italian",
            "bloccato, italian",
            "impresoras, spanish",
            "impresora, spanish",
            "Heizungen, german",
            "Wohnheim, german",
            "cantines, french",
            "étudiant, french",
            "eduroam, english",
    })
    void fullTextSearchFindsTicketsInFiveLanguagesWithInflectedWords(String query, String expected) {
        Ticket wanted = switch (expected) {
            case "english" -> englishWifi;
            case "italian" -> italianLift;
            case "spanish" -> spanishPrinter;
            case "german" -> germanHeating;
            default -> frenchCanteen;
        };
        List<Long> found = ids(api.get(STAFF, "/api/tickets?q=" + query.replace(" ", "%20")));
        assertThat(found).contains(wanted.id());
        assertThat(found).hasSizeLessThanOrEqualTo(2);
    }

    /** The dashboard's workload row: a staff member's active tickets and those closed in the last 30 days. */
    @Test
    void closedFromLeavesOutTheTicketsClosedBeforeItAndKeepsTheActiveOnes() {
        String both = "/api/tickets?status=ACTIVE,CLOSED&size=100&closedFrom=";
        assertThat(ids(api.get(STAFF, both + "2000-01-01"))).containsExactlyInAnyOrder(active.id(), closed.id());
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        assertThat(ids(api.get(STAFF, both + tomorrow))).containsExactly(active.id());
        assertThat(api.get(STAFF, "/api/tickets/counts?status=ACTIVE,CLOSED&closedFrom=" + tomorrow).toString())
                .contains("\"CLOSED\":0").contains("\"ACTIVE\":1");
        for (String bad : List.of("yesterday", "2026-13-01", "10000-01-01")) {
            assertThat(api.get(STAFF, both + bad).toString()).as(bad).startsWith("400").contains("\"closedFrom\"");
        }
    }

    @Test
    void aTicketsNumberFindsIt() {
        for (String q : List.of(String.valueOf(germanHeating.id()), "%23" + germanHeating.id(), "%20" + germanHeating.id())) {
            TicketPage page = api.get(STAFF, "/api/tickets?q=" + q).as(TicketPage.class);
            assertThat(page.items()).as(q).extracting(Ticket::id).contains(germanHeating.id());
        }
        assertThat(ids(api.get(STAFF, "/api/tickets?q=Heizung%20" + germanHeating.id()))).as("a number among words is a word")
                .doesNotContain(germanHeating.id());
        assertThat(api.get(STAFF, "/api/tickets/counts?q=%23" + germanHeating.id()).toString()).contains("\"OPEN\":1");
    }

    @Test
    void aSearchWithNoMatchIsEmptyAndTotalZero() {
        TicketPage page = api.get(STAFF, "/api/tickets?q=zebra").as(TicketPage.class);
        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
    }

    @Test
    void severalStatusesMayBeAskedAtOnce() {
        assertThat(ids(api.get(STAFF, "/api/tickets?status=ACTIVE,CLOSED&size=100")))
                .containsExactlyInAnyOrder(active.id(), closed.id());
        assertThat(ids(api.get(STAFF, "/api/tickets?status=ACTIVE&size=100"))).containsExactly(active.id());
    }

    @Test
    void filtersByPriorityCategoryAndOpeningTime() {
        assertThat(ids(api.get(STAFF, "/api/tickets?priority=LOW&size=100")))
                .containsExactlyInAnyOrder(spanishPrinter.id(), frenchCanteen.id());
        assertThat(ids(api.get(STAFF, "/api/tickets?openedFrom=2026-02-01&openedTo=2026-03-31&size=100")))
                .containsExactlyInAnyOrder(italianLift.id(), spanishPrinter.id());
        assertThat(ids(api.get(STAFF, "/api/tickets?openedFrom=2026-02-15T12:00:00Z&openedTo=2026-03-15T12:00:00Z")))
                .containsExactly(italianLift.id());
        TicketPage byCategory = api.get(STAFF, "/api/tickets?category=" + italianLift.category()).as(TicketPage.class);
        assertThat(byCategory.items()).isNotEmpty().allSatisfy(t -> assertThat(t.category()).isEqualTo(italianLift.category()));
    }

    @Test
    void sortsByAWhitelistedFieldInEitherDirection() {
        List<Ticket> byOpened = api.get(STAFF, "/api/tickets?sort=openedAt,asc&size=100").as(TicketPage.class).items();
        assertThat(byOpened).extracting(Ticket::openedAt).isSortedAccordingTo(Comparator.naturalOrder());
        List<Ticket> byDefault = api.get(STAFF, "/api/tickets?size=100").as(TicketPage.class).items();
        assertThat(byDefault).extracting(Ticket::openedAt).isSortedAccordingTo(Comparator.reverseOrder());
        List<Ticket> byPriority = api.get(STAFF, "/api/tickets?sort=priority,desc&size=100").as(TicketPage.class).items();
        assertThat(byPriority).extracting(Ticket::priority).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(byPriority.getFirst().priority()).isEqualTo(Priority.HIGH);
        List<Ticket> byStatus = api.get(STAFF, "/api/tickets?sort=status,asc&size=100").as(TicketPage.class).items();
        assertThat(byStatus).extracting(Ticket::status).isSortedAccordingTo(Comparator.naturalOrder());
        List<Ticket> byTitle = api.get(STAFF, "/api/tickets?sort=title,asc&size=100").as(TicketPage.class).items();
        assertThat(byTitle).extracting(Ticket::title).isSorted();
    }

    @Test
    void pagesCountEveryMatchInTotal() {
        TicketPage first = api.get(STAFF, "/api/tickets?size=3&page=0&sort=id,asc").as(TicketPage.class);
        TicketPage third = api.get(STAFF, "/api/tickets?size=3&page=2&sort=id,asc").as(TicketPage.class);
        TicketPage beyond = api.get(STAFF, "/api/tickets?size=3&page=9&sort=id,asc").as(TicketPage.class);
        assertThat(first.items()).hasSize(3);
        assertThat(first.total()).isEqualTo(7);
        assertThat(first.size()).isEqualTo(3);
        assertThat(third.items()).hasSize(1);
        assertThat(third.total()).isEqualTo(7);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(7);
        assertThat(api.get(STUDENT, "/api/tickets?size=1").as(TicketPage.class).total()).isEqualTo(6);
    }

    private Ticket post(String title, String description, Priority priority) {
        Api.Answer answer = api.post(STUDENT, "/api/tickets", new NewTicket(title, description, null, priority, null));
        assertThat(answer.status).as(answer.toString()).isEqualTo(201);
        return answer.as(Ticket.class);
    }

    private static List<Long> ids(Api.Answer answer) {
        assertThat(answer.status).as(answer.toString()).isEqualTo(200);
        return answer.as(TicketPage.class).items().stream().map(Ticket::id).toList();
    }
}
