package campus.helpdesk.ticket.identity;

import campus.helpdesk.support.identity.ServiceRoles;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class IdentityTest extends ApiTest {

    private static final Map<String, String> NEW_TICKET = Map.of("title", "Heating off",
            "description", "No heating in room C3 since Monday");

    @Test
    void everyApiRequestWithoutATokenIs401EvenWithBareIdentityHeaders() {
        Map<String, String> forged = Map.of("X-Helpdesk-Role", "STAFF", "X-Helpdesk-User", "Mallory");
        for (String path : new String[]{"/api/tickets", "/api/tickets/1", "/api/tickets/1/messages",
                "/api/changes", "/api/changes/snapshot", "/api/tokens", "/api/admin/demo-data"}) {
            assertProblem(api.get(null, path), 401, "service token");
            assertProblem(api.send(null, "GET", path, null, forged), 401, "service token");
        }
        assertProblem(api.send(null, "POST", "/api/tickets", NEW_TICKET, forged), 401, "service token");
    }

    @Test
    void aTokenMintedForAnotherServiceIs401() {
        String elsewhere = tokens.bearer("Carla", ServiceRoles.STAFF, "analytics-category");
        assertProblem(api.send(null, "GET", "/api/tickets", null, Map.of("Authorization", elsewhere)), 401,
                "service token");
    }

    @Test
    void aNameOutsideLatin1TravelsInTheTokenAndIsStoredAsWritten() {
        String name = "Łukasz Żółć 李";
        Api.Answer created = api.post(Api.As.student(name), "/api/tickets", NEW_TICKET);
        assertThat(created.status).as(created.toString()).isEqualTo(201);
        assertThat(created.map()).containsEntry("reporterName", name);
    }

    @Test
    void healthMetricsAndTheApiDocumentNeedNoToken() {
        Api.Answer health = api.get(null, "/health");
        assertThat(health.status).isEqualTo(200);
        assertThat(health.raw.body()).contains("UP");
        assertThat(api.get(null, "/prometheus").status).isEqualTo(200);
        assertThat(api.get(null, "/swagger/ticket-service-0.1.yml").status).isEqualTo(200);
        assertThat(api.get(null, "/swagger-ui/index.html").status).isEqualTo(200);
    }

    @Test
    void onlyFollowersReadTheChangeFeed() {
        assertProblem(api.get(STUDENT, "/api/changes"), 403, "may not use");
        assertProblem(api.get(STAFF, "/api/changes"), 403, "may not use");
        assertThat(api.get(FEED, "/api/changes").status).isEqualTo(200);
    }

    @Test
    void aFollowersTokenReadsTheFeedAndNothingElse() {
        long id = create().id();
        assertProblem(api.post(FEED, "/api/tickets", NEW_TICKET), 403, "may not use");
        assertProblem(api.get(FEED, "/api/tickets/" + id), 403, "may not use");
        assertProblem(api.post(FEED, "/api/tickets/" + id + "/status", Map.of("status", "ACTIVE")), 403,
                "may not use");
        assertProblem(api.get(FEED, "/api/tokens"), 403, "may not use");
    }

    @Test
    void theGatewayItselfHasNoTicketAccess() {
        assertProblem(api.get(new Api.As(ServiceRoles.GATEWAY, "gateway"), "/api/tickets"), 403, "may not use");
    }
}
