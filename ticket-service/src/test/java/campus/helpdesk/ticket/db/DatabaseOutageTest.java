package campus.helpdesk.ticket.db;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL going away and coming back: meanwhile every request gets a quick 503 problem with Retry-After (not a
 * 500, not a hang) and the health check says DOWN; once it is back the service answers again by itself, within
 * 10 s, without a restart.
 */
@MicronautTest(transactional = false)
class DatabaseOutageTest extends ApiTest {

    private DatabaseRelay relay;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        URI database = URI.create(properties.get("datasources.default.url").substring("jdbc:".length()));
        relay = new DatabaseRelay(database.getHost(), database.getPort());
        properties.put("datasources.default.url", "jdbc:postgresql://127.0.0.1:" + relay.port() + database.getPath());
        return properties;
    }

    @AfterAll
    void closeRelay() throws IOException {
        relay.close();
    }

    @Test
    void whileTheDatabaseIsDownRequestsGet503WithRetryAfterAndTheServiceRecoversByItself() throws Exception {
        Ticket before = create();
        relay.cut();
        try {
            for (Supplier<Api.Answer> request : java.util.List.<Supplier<Api.Answer>>of(
                    () -> api.get(STAFF, "/api/tickets"),
                    () -> api.get(STUDENT, "/api/tickets/" + before.id()),
                    () -> api.post(STUDENT, "/api/tickets", Map.of("title", "During the outage", "description", "d")))) {
                long started = System.nanoTime();
                Api.Answer answer = request.get();
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertThat(answer.status).as(answer.toString()).isEqualTo(503);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(answer.header("Retry-After")).isNotBlank();
                assertThat(answer.raw.body()).doesNotContain("Exception").doesNotContain("Hikari")
                        .doesNotContain("127.0.0.1");
                assertThat(millis).as("answered in %d ms", millis).isLessThan(3000);
            }
            Api.Answer health = api.get(null, "/health");
            assertThat(health.status).isEqualTo(503);
            assertThat(health.raw.body()).contains("DOWN");
        } finally {
            relay.restore();
        }
        long back = System.nanoTime();
        Api.Answer answer;
        do {
            Thread.sleep(200);
            answer = api.get(STUDENT, "/api/tickets/" + before.id());
        } while (answer.status != 200 && (System.nanoTime() - back) / 1_000_000 < 10_000);
        assertThat(answer.status).as("10 s after the database came back: " + answer).isEqualTo(200);
        assertThat(create().id()).isGreaterThan(before.id());
        assertThat(api.get(null, "/health").status).isEqualTo(200);
    }
}
