package campus.helpdesk.ticket.session;

import campus.helpdesk.support.identity.ServiceRoles;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's sign-outs, kept until their session expires, for the gateway alone. */
@MicronautTest(transactional = false)
class EndedSessionsTest extends ApiTest {

    private static final Api.As GATEWAY = new Api.As(ServiceRoles.GATEWAY, "gateway");
    private static final String PATH = "/api/sessions/ended";

    @Test
    void aSignOutIsKeptUntilItsSessionWouldHaveExpiredAndRecordingItAgainChangesNothing() {
        Instant later = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String id = "kept-" + System.nanoTime() + "-abcdefgh";
        assertThat(api.post(GATEWAY, PATH, Map.of("id", id, "expiresAt", later.toString())).status).isEqualTo(204);
        assertThat(api.post(GATEWAY, PATH, Map.of("id", id, "expiresAt", later.toString())).status).isEqualTo(204);
        String gone = "gone-" + System.nanoTime() + "-abcdefgh";
        assertThat(api.post(GATEWAY, PATH, Map.of("id", gone, "expiresAt", Instant.now().minusSeconds(1).toString()))
                .status).isEqualTo(204);

        Api.Answer ended = api.get(GATEWAY, PATH);
        assertThat(ended.status).isEqualTo(200);
        assertThat(ended.raw.body()).contains("\"" + id + "\"").doesNotContain(gone);
        assertThat(ended.raw.body().split(id, -1)).hasSize(2);
    }

    @Test
    void onlyTheGatewayRecordsOrReadsSignOuts() {
        Map<String, String> body = Map.of("id", "someone-elses-session-id", "expiresAt", Instant.now().plusSeconds(60)
                .toString());
        for (Api.As caller : List.of(STUDENT, STAFF, FEED, Api.As.analyst("Dana Analyst"))) {
            assertProblem(api.post(caller, PATH, body), 403, "may not use");
            assertProblem(api.get(caller, PATH), 403, "may not use");
        }
        assertThat(api.get(new Api.As(null, null), PATH).status).isEqualTo(401);
        assertThat(api.get(GATEWAY, PATH).raw.body()).doesNotContain("someone-elses-session-id");
    }

    @Test
    void aBadSignOutNamesWhatIsWrongAndRecordsNothing() {
        String later = Instant.now().plusSeconds(600).toString();
        assertRefused(api.post(GATEWAY, PATH, Map.of("id", "short", "expiresAt", later)), "id");
        assertRefused(api.post(GATEWAY, PATH, Map.of("id", "has spaces in it, see", "expiresAt", later)), "id");
        assertRefused(api.post(GATEWAY, PATH, Map.of("id", "x".repeat(65), "expiresAt", later)), "id");
        assertRefused(api.post(GATEWAY, PATH, Map.of("id", "no-expiry-given-at-all")), "expiresAt");
        assertRefused(api.post(GATEWAY, PATH, Map.of("id", "a-bad-expiry-given-here", "expiresAt", "tomorrow")),
                "expiresAt");
        assertThat(api.get(GATEWAY, PATH).raw.body()).doesNotContain("no-expiry").doesNotContain("bad-expiry")
                .doesNotContain("has spaces");
    }

    private static void assertRefused(Api.Answer answer, String field) {
        assertProblem(answer, 400, "");
        assertThat(answer.map()).as(answer.toString()).containsEntry("field", field);
    }
}
