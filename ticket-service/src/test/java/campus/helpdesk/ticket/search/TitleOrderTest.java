package campus.helpdesk.ticket.search;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketPage;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Sorting by title follows the language, not the bytes: the order a person scanning the list expects. */
@MicronautTest(transactional = false)
class TitleOrderTest extends ApiTest {

    /** The order people expect; in byte order every capital (and "Éclairage" last of all) would come first. */
    private static final List<String> EXPECTED = List.of("ascenseur en panne", "Éclairage du couloir",
            "écran noir", "Eduroam down", "forged", "Heizung kaputt", "Wifi down in B2", "Zimmer zu kalt");

    @BeforeAll
    void tickets() {
        for (String title : List.of("Wifi down in B2", "forged", "Zimmer zu kalt", "Éclairage du couloir",
                "Eduroam down", "écran noir", "Heizung kaputt", "ascenseur en panne")) {
            create(STUDENT, title, "Something is wrong: " + title);
        }
    }

    @Test
    void titlesSortIgnoringCaseWithAccentsBesideTheirLetter() {
        assertThat(titles("title,asc")).containsExactlyElementsOf(EXPECTED);
        assertThat(titles("title,desc")).containsExactlyElementsOf(EXPECTED.reversed());
    }

    @Test
    void pagesOfTheTitleOrderFollowEachOther() {
        List<String> pages = new java.util.ArrayList<>();
        for (int page = 0; page < 3; page++) {
            pages.addAll(api.get(STUDENT, "/api/tickets?sort=title,asc&size=3&page=" + page).as(TicketPage.class)
                    .items().stream().map(Ticket::title).toList());
        }
        assertThat(pages).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void theTestDatabaseHasIcuSoTheOrderAboveIsIcusAndNotTheFallback() throws Exception {
        try (Connection c = sql(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT collprovider FROM pg_collation WHERE collname = 'title_order'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("i");
        }
    }

    private List<String> titles(String sort) {
        return api.get(STUDENT, "/api/tickets?sort=" + sort + "&size=100").as(TicketPage.class).items().stream()
                .map(Ticket::title).toList();
    }
}
