package campus.helpdesk.support.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@MicronautTest
class HelpdeskProblemTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aThrownRefusalIsAnRfc9457DocumentWithItsStatusAsANumberAndItsExtraMembers() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.GET("/problem/conflict")));
        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(e.getResponse().getContentType().orElseThrow().toString())
                .isEqualTo(ProblemDocument.PROBLEM_JSON);
        assertThat(e.getResponse().getBody(String.class).orElseThrow()).isEqualTo(
                "{\"type\":\"about:blank\",\"title\":\"Stale version\",\"status\":409,"
                        + "\"detail\":\"You sent version 2; it is now 3\",\"currentVersion\":3}");
    }
}
