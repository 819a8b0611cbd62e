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

    @Test
    void aRefusedRangeANamedTypeAndARepeatedRangeAreNotWidened() {
        assertThat(AcceptRangeFilter.concrete("application/*;q=0")).isEqualTo("application/*;q=0");
        assertThat(AcceptRangeFilter.concrete("application/*; Q=0.000, text/html"))
                .isEqualTo("application/*; Q=0.000, text/html");
        assertThat(AcceptRangeFilter.concrete("text/*, text/csv;q=0"))
                .isEqualTo("text/event-stream, text/plain, text/csv;q=0");
        assertThat(AcceptRangeFilter.concrete("application/*, application/*, application/json"))
                .isEqualTo("application/json");
    }

    @Test
    void aHeaderThatWideningWouldMakeTooLongStaysAsItCame() throws Exception {
        String many = String.join(", ", java.util.Collections.nCopies(60, "text/*;level=1"));
        assertThat(AcceptRangeFilter.concrete(many)).isEqualTo("text/csv;level=1, text/event-stream;level=1, "
                + "text/plain;level=1");
        String distinct = java.util.stream.IntStream.range(0, 60).mapToObj(i -> "text/*;v=" + i)
                .collect(java.util.stream.Collectors.joining(", "));
        assertThat(AcceptRangeFilter.concrete(distinct)).isEqualTo(distinct);
        HttpResponse<String> answer = get("/negotiation/json", distinct + ", application/json");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Accept", accept)
                .GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
