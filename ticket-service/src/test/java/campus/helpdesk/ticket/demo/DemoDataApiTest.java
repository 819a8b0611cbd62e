package campus.helpdesk.ticket.demo;

import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class DemoDataApiTest extends ApiTest {

    @Test
    void staffGenerateDemoTicketsInTheBackgroundAndTheFeedCarriesThem() throws Exception {
        create();
        assertProblem(api.post(STAFF, "/api/admin/demo-data", Map.of("tickets", 120, "months", 6)), 409, "append");

        Api.Answer started = api.post(STAFF, "/api/admin/demo-data", Map.of("tickets", 120, "months", 6,
                "append", true));
        assertThat(started.status).as(started.toString()).isEqualTo(202);
        assertThat(started.map()).containsEntry("state", "RUNNING");

        Map<String, Object> status = waitUntilFinished();
        assertThat(status).as(status.toString()).containsEntry("state", "DONE").containsEntry("done", 120);
        try (Connection c = sql(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT (SELECT count(*) FROM tickets), (SELECT count(DISTINCT ticket_id) FROM ticket_event)")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(121);
            assertThat(rs.getLong(2)).isEqualTo(121);
        }
    }

    @Test
    void studentsCannotGenerateDemoData() {
        assertProblem(api.post(STUDENT, "/api/admin/demo-data", Map.of("tickets", 10, "append", true)), 403,
                "may not use");
        assertProblem(api.get(STUDENT, "/api/admin/demo-data"), 403, "may not use");
    }

    @Test
    void aSizeOutOfRangeIsABadRequestNamingTheField() {
        Api.Answer answer = api.post(STAFF, "/api/admin/demo-data", Map.of("tickets", 0, "append", true));
        assertProblem(answer, 400, "tickets");
        assertThat(answer.map()).containsEntry("field", "tickets");
        assertProblem(api.post(STAFF, "/api/admin/demo-data", Map.of("tickets", 5, "months", 500, "append", true)),
                400, "months");
    }

    private Map<String, Object> waitUntilFinished() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Map<String, Object> status = api.get(STAFF, "/api/admin/demo-data").map();
        while ("RUNNING".equals(status.get("state")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            status = api.get(STAFF, "/api/admin/demo-data").map();
        }
        return status;
    }
}
