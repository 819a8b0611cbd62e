package campus.helpdesk.ticket.problem;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller with a valid token who asks for something no route has is told what is wrong with the request (404,
 * 405, 406, 415), not that their role may not use it (403); without a token, a real route still says 401.
 */
@MicronautTest(transactional = false)
class WrongRouteTest extends ApiTest {

    @Test
    void aWrongPathMethodAcceptOrContentTypeSaysSo() {
        Ticket ticket = create();
        String path = "/api/tickets/" + ticket.id();
        assertProblem(api.get(STAFF, path + "/foo"), 404, "Not Found");
        assertProblem(api.send(STAFF, "PUT", path, "{}", Map.of()), 405, "PUT");
        assertProblem(api.send(STAFF, "GET", "/api/tickets?size=1", null, Map.of("Accept", "application/xml")), 406,
                "application/xml");
        assertProblem(api.sendBytes(STUDENT, "PATCH", path, "{\"title\": \"x\"}".getBytes(StandardCharsets.UTF_8),
                "application/merge-patch+json"), 415, "merge-patch");
        assertProblem(api.get(STAFF, "/api/tickets/abc"), 400, "id: must be a whole number");
    }

    @Test
    void withoutATokenARealRouteIsStill401() {
        Api.Answer answer = api.get(null, "/api/tickets/1");
        assertThat(answer.status).as(answer.toString()).isEqualTo(401);
    }
}
