package campus.helpdesk.ticket.db;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stopping service closes its pool while requests may still come in: they get 503 with Retry-After (try again,
 * or another replica), not a 500, whether the repositories, the auto-commit SQL or a transaction serve them.
 */
@MicronautTest(transactional = false)
class ClosingPoolTest extends ApiTest {

    @Inject
    DataSource dataSource;

    @Test
    void requestsAfterThePoolClosedGet503WithRetryAfter() {
        Ticket ticket = create();
        ((HikariDataSource) DelegatingDataSource.unwrapDataSource(dataSource)).close();
        for (Supplier<Api.Answer> request : List.<Supplier<Api.Answer>>of(
                () -> api.get(STUDENT, "/api/tickets/" + ticket.id()),
                () -> api.get(STAFF, "/api/tickets/" + ticket.id() + "/messages"),
                () -> api.get(STAFF, "/api/tickets"),
                () -> api.post(STAFF, "/api/tickets/" + ticket.id() + "/messages", Map.of("body", "Hello")))) {
            Api.Answer answer = request.get();
            assertThat(answer.status).as(answer.toString()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.header("Retry-After")).isNotBlank();
        }
    }
}
