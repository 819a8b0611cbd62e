package campus.helpdesk.ticket.identity;

import campus.helpdesk.api.HelpdeskHeaders;
import campus.helpdesk.api.Role;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class IdentityTest extends ApiTest {

    @Test
    void everyApiRequestWithoutIdentityIs401() {
        for (String path : new String[]{"/api/tickets", "/api/tickets/1", "/api/changes", "/api/changes/snapshot"}) {
            assertProblem(api.get(null, path), 401, "X-Helpdesk-Role");
        }
        assertProblem(api.post(null, "/api/tickets", Map.of("title", "x", "description", "y")), 401,
                "X-Helpdesk-Role");
    }

    @Test
    void aMissingUserAnUnknownRoleOrATooLongNameIs401() {
        assertProblem(api.get(new Api.As(Role.STUDENT, null), "/api/tickets"), 401, "X-Helpdesk-User");
        assertProblem(api.send(null, "GET", "/api/tickets", null,
                Map.of("X-Helpdesk-Role", "ADMIN", "X-Helpdesk-User", "Eve")), 401, "STUDENT or STAFF");
        assertProblem(api.get(Api.As.student("x".repeat(81)), "/api/tickets"), 401, "1-80");
        assertProblem(api.get(Api.As.student("   "), "/api/tickets"), 401, "1-80");
    }

    @Test
    void aNameOutsideLatin1TravelsPercentEncodedAndIsStoredAsWritten() {
        String name = "Łukasz Żółć 李";
        Api.As lukasz = new Api.As(Role.STUDENT, HelpdeskHeaders.encodeUser(name));
        Api.Answer created = api.post(lukasz, "/api/tickets",
                java.util.Map.of("title", "Heating off", "description", "No heating in room C3 since Monday"));
        assertThat(created.status).as(created.toString()).isEqualTo(201);
        assertThat(created.map()).containsEntry("reporterName", name);
        assertThat(HelpdeskHeaders.encodeUser("Ada Student")).isEqualTo("Ada Student");
    }

    @Test
    void aBrokenPercentEncodedNameIs401() {
        assertProblem(api.get(new Api.As(Role.STUDENT, "UTF-8''%ZZ"), "/api/tickets"), 401, "X-Helpdesk-User");
        assertProblem(api.get(new Api.As(Role.STUDENT, "UTF-8''%C3"), "/api/tickets"), 401, "X-Helpdesk-User");
    }

    @Test
    void healthMetricsAndTheApiDocumentNeedNoIdentity() {
        Api.Answer health = api.get(null, "/health");
        assertThat(health.status).isEqualTo(200);
        assertThat(health.raw.body()).contains("UP").contains("jdbc");
        assertThat(api.get(null, "/prometheus").status).isEqualTo(200);
        assertThat(api.get(null, "/swagger/ticket-service-0.1.yml").status).isEqualTo(200);
        assertThat(api.get(null, "/swagger-ui/index.html").status).isEqualTo(200);
    }

    @Test
    void onlyStaffReadTheChangeFeed() {
        assertProblem(api.get(STUDENT, "/api/changes"), 403, "Only staff");
        assertThat(api.get(STAFF, "/api/changes").status).isEqualTo(200);
    }
}
