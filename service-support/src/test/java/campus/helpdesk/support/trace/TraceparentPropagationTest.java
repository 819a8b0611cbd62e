package campus.helpdesk.support.trace;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class TraceparentPropagationTest {

    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String INBOUND = "00-" + TRACE + "-00f067aa0ba902b7-01";

    @Inject
    @Client("/")
    HttpClient client;

    private HttpResponse<TraceTestController.Seen> get(String path, String traceparent) {
        var request = HttpRequest.GET(path);
        if (traceparent != null) {
            request.header(Traceparent.HEADER, traceparent);
        }
        return client.toBlocking().exchange(request, TraceTestController.Seen.class);
    }

    @Test
    void aRequestWithATraceparentLogsItsTraceIdAndGetsItEchoed() {
        var response = get("/trace/seen", INBOUND);
        assertThat(response.header(Traceparent.HEADER)).isEqualTo(INBOUND);
        assertThat(response.body().traceId()).isEqualTo(TRACE);
    }

    @Test
    void aRequestWithoutTraceparentStartsATraceAndReturnsIt() {
        var response = get("/trace/seen", null);
        var echoed = Traceparent.parse(response.header(Traceparent.HEADER)).orElseThrow();
        assertThat(response.body().traceId()).isEqualTo(echoed.traceId());
    }

    @Test
    void aMalformedTraceparentIsReplacedByANewTrace() {
        var response = get("/trace/seen", "00-not-a-trace-01");
        var echoed = Traceparent.parse(response.header(Traceparent.HEADER)).orElseThrow();
        assertThat(response.body().traceId()).isEqualTo(echoed.traceId());
    }

    @Test
    void theTraceIdIsInTheMdcOnWorkerThreadsToo() {
        var response = get("/trace/seen-blocking", INBOUND);
        assertThat(response.body().traceId()).isEqualTo(TRACE);
    }

    @Test
    void aDeclarativeClientCallCarriesTheTraceWithThisServiceAsParent() {
        var seen = get("/trace/via-client", INBOUND).body();
        var downstream = Traceparent.parse(seen.traceparent()).orElseThrow();
        assertThat(downstream.traceId()).isEqualTo(TRACE);
        assertThat(downstream.parentId()).isNotEqualTo("00f067aa0ba902b7");
        assertThat(seen.traceId()).isEqualTo(TRACE);
    }

    @Test
    void aProxiedRequestCarriesTheTraceWithThisServiceAsParent() {
        var seen = get("/trace/via-proxy", INBOUND).body();
        var downstream = Traceparent.parse(seen.traceparent()).orElseThrow();
        assertThat(downstream.traceId()).isEqualTo(TRACE);
        assertThat(downstream.parentId()).isNotEqualTo("00f067aa0ba902b7");
        assertThat(seen.traceId()).isEqualTo(TRACE);
    }

    @Test
    void aProxiedResponseCarriesOnlyThisServicesEcho() {
        var response = get("/trace/via-proxy", INBOUND);
        assertThat(response.getHeaders().getAll(Traceparent.HEADER)).containsExactly(INBOUND);
    }
}
