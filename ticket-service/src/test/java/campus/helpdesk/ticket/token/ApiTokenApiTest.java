package campus.helpdesk.ticket.token;

import campus.helpdesk.support.identity.ServiceRoles;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ApiTokenApiTest extends ApiTest {

    private static final Api.As GATEWAY = new Api.As(ServiceRoles.GATEWAY, "gateway");

    @Test
    void staffIssueATokenThatIsShownOnceAndVerifiesAsItsOwnerUntilRevoked() {
        Api.Answer issued = api.post(STAFF, "/api/tokens", Map.of("name", "bi-tool", "role", "ANALYST", "days", 30));
        assertThat(issued.status).as(issued.toString()).isEqualTo(201);
        assertThat(issued.header("Location")).isEqualTo("/api/tokens/bi-tool");
        String value = String.valueOf(issued.map().get("value"));
        assertThat(value).startsWith("hdt_");

        Api.Answer list = api.get(STAFF, "/api/tokens");
        assertThat(list.raw.body()).contains("bi-tool").contains("Carla Staff").doesNotContain(value.substring(4));

        Api.Answer holder = api.post(GATEWAY, "/api/tokens/verify", Map.of("token", value));
        assertThat(holder.status).isEqualTo(200);
        assertThat(holder.map()).containsEntry("name", "bi-tool").containsEntry("role", "ANALYST")
                .containsEntry("owner", "Carla Staff").containsEntry("active", true);

        assertThat(api.delete(STAFF, "/api/tokens/bi-tool").status).isEqualTo(200);
        assertProblem(api.post(GATEWAY, "/api/tokens/verify", Map.of("token", value)), 401, "revoked");
    }

    @Test
    void onlyStaffManageTokensAndOnlyTheGatewayVerifiesThem() {
        assertProblem(api.get(STUDENT, "/api/tokens"), 403, "may not use");
        assertProblem(api.post(STUDENT, "/api/tokens", Map.of("name", "x", "role", "STAFF")), 403, "may not use");
        assertProblem(api.get(GATEWAY, "/api/tokens"), 403, "may not use");
        assertProblem(api.post(STAFF, "/api/tokens/verify", Map.of("token", "hdt_x")), 403, "may not use");
    }

    @Test
    void badRequestsNameWhatIsWrongAndIssueNothing() {
        assertProblem(api.post(STAFF, "/api/tokens", Map.of("name", "has space", "role", "ANALYST")), 400, "name");
        assertProblem(api.post(STAFF, "/api/tokens", Map.of("name", "ok", "role", "ROOT")), 400, "role");
        assertProblem(api.post(STAFF, "/api/tokens", Map.of("name", "ok", "role", "ANALYST", "days", 0)), 400,
                "days");
        assertProblem(api.post(STAFF, "/api/tokens", Map.of("name", "ok", "role", "ANALYST", "days", 100000)), 400,
                "days");
        assertProblem(api.post(STAFF, "/api/tokens", "{\"name\":"), 400, "");
        assertProblem(api.delete(STAFF, "/api/tokens/never-issued"), 404, "never-issued");
        assertThat(api.get(STAFF, "/api/tokens").raw.body()).doesNotContain("\"ok\"");
    }

    @Test
    void aLiveNameCannotBeIssuedTwice() {
        assertThat(api.post(STAFF, "/api/tokens", Map.of("name", "twice", "role", "STAFF")).status).isEqualTo(201);
        assertProblem(api.post(STAFF, "/api/tokens", Map.of("name", "twice", "role", "STAFF")), 409, "twice");
    }

    @Test
    void garbageTokensDoNotVerify() {
        for (String bad : new String[] {"", "hdt_", "Bearer x", "hdt_" + "A".repeat(43), "x".repeat(5000)}) {
            assertProblem(api.post(GATEWAY, "/api/tokens/verify", Map.of("token", bad)), 401, "unknown");
        }
    }
}
