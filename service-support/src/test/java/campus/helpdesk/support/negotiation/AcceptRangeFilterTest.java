package campus.helpdesk.support.negotiation;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class AcceptRangeFilterTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Test
    void anyApplicationTypeIsAnsweredInJson() throws Exception {
        for (String accept : new String[] {"application/*", "APPLICATION/*", "application/*;q=0.5, text/html;q=0.9",
                "image/png, application/*;q=0.1", "*/*"}) {
            HttpResponse<String> answer = get("/negotiation/json", accept);
            assertThat(answer.statusCode()).as(accept + ": " + answer.body()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).as(accept).hasValue("application/json");
        }
    }

    @Test
    void anyTextTypeGetsTheCsvOfAnAnswerThatHasOneAndA406WhereThereIsNone() throws Exception {
        HttpResponse<String> csv = get("/negotiation/json-or-csv", "text/*");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");

        for (String accept : new String[] {"text/*", "image/*", "text/html"}) {
            HttpResponse<String> refused = get("/negotiation/json", accept);
            assertThat(refused.statusCode()).as(accept).isEqualTo(406);
            assertThat(refused.headers().firstValue("Content-Type")).as(accept).hasValue("application/problem+json");
        }
    }

    @Test
    void aWildcardRangeBecomesTheTypesOfItsKindWithItsParameters() {
        assertThat(AcceptRangeFilter.concrete("application/*;q=0.5")).isEqualTo("application/json;q=0.5");
        assertThat(AcceptRangeFilter.concrete(" text/* ; q=0.2 ,application/json"))
                .isEqualTo("text/csv; q=0.2, text/event-stream; q=0.2, text/plain; q=0.2, application/json");
        assertThat(AcceptRangeFilter.concrete("image/*, */*;q=0.8")).isEqualTo("image/*, */*;q=0.8");
        assertThat(AcceptRangeFilter.concrete("application/json,,text/*"))
                .isEqualTo("application/json, text/csv, text/event-stream, text/plain");
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Accept", accept)
                .GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
