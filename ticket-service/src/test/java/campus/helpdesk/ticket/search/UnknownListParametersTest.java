package campus.helpdesk.ticket.search;

import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A misspelt filter on the list or its counts is refused by name, not dropped with every ticket listed. */
@MicronautTest(transactional = false)
class UnknownListParametersTest extends ApiTest {

    @Test
    void aMisspeltFilterIsA400NamingItAndTheFiltersTaken() {
        create(STUDENT, "Lift stuck in Block Q", "The lift in Block Q stopped between floors 2 and 3");

        for (String path : new String[] {"/api/tickets?categroy=IT", "/api/tickets/counts?categroy=IT"}) {
            Api.Answer answer = api.get(STAFF, path);
            assertThat(answer.status).as(path + ": " + answer).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.map()).containsEntry("field", "categroy");
            assertThat((String) answer.map().get("detail")).contains("takes no parameter 'categroy'", "category");
        }
        assertThat(api.get(STAFF, "/api/tickets?SIZE=5").status).as("names are exact, as the server reads them")
                .isEqualTo(400);
    }

    @Test
    void everyDeclaredFilterIsStillTaken() {
        String filters = "status=OPEN&category=IT&priority=HIGH&q=lift&openedFrom=2026-01-01&openedTo=2026-12-31"
                + "&closedFrom=2026-01-01&needsReview=false&assignee=none&reporter=Ada%20Student&sla=PENDING"
                + "&incident=none";
        Api.Answer listed = api.get(STAFF, "/api/tickets?" + filters + "&sort=id,asc&page=0&size=5");
        assertThat(listed.status).as(listed.toString()).isEqualTo(200);
        Api.Answer counted = api.get(STAFF, "/api/tickets/counts?" + filters);
        assertThat(counted.status).as(counted.toString()).isEqualTo(200);
    }

    @Test
    void aCallerWithoutCredentialsIsToldThatFirst() {
        assertThat(api.get(null, "/api/tickets?categroy=IT").status).isEqualTo(401);
    }
}
