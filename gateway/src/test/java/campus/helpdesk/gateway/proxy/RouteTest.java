package campus.helpdesk.gateway.proxy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which paths a route takes: below its prefix, or, for a document's prefix, a document's name and nothing else. */
class RouteTest {

    @Test
    void aPrefixTakesItselfAndWhatIsBelowItOnly() {
        Route tickets = route("/api/tickets");
        assertThat(tickets.matches("/api/tickets")).isTrue();
        assertThat(tickets.matches("/api/tickets/7/messages")).isTrue();
        assertThat(tickets.matches("/api/ticketsX")).isFalse();
    }

    @Test
    void aDocumentsPrefixTakesEachVersionsNameAndNoPathThatCouldLeadElsewhere() {
        Route document = route("/swagger/ticket-service-");
        assertThat(document.matches("/swagger/ticket-service-0.1.yml")).isTrue();
        assertThat(document.matches("/swagger/ticket-service-0.1.0.yaml")).isTrue();
        for (String elsewhere : new String[] {"/swagger/ticket-service-/../../api/tickets",
                "/swagger/ticket-service-..yml", "/swagger/ticket-service-%2e%2e/api/tickets.yml",
                "/swagger/ticket-service-0.1.yml/x", "/swagger/ticket-service-0.1.yml;/../api",
                "/swagger/ticket-service-%2F..%2Fapi.yml", "/swagger/ticket-service-", "/swagger/ticket-service-0.1"}) {
            assertThat(document.matches(elsewhere)).as(elsewhere).isFalse();
        }
    }

    private static Route route(String prefix) {
        Route route = new Route("r");
        route.setPrefix(prefix);
        return route;
    }
}
