package campus.helpdesk.system.deploy;

import campus.helpdesk.launcher.Service;
import campus.helpdesk.system.SharedSuite;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real service jars carry the trace filters of service-support: each takes a caller's W3C traceparent
 * (and returns it) or starts a trace. How the trace travels on to downstream calls and into the logs is
 * tested in service-support.
 */
class TraceparentInTheSuiteTest {

    static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> health(Service service, String traceparent) throws Exception {
        var request = HttpRequest.newBuilder(SharedSuite.uri(service).resolve(service.healthPath()));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void everyServiceReturnsTheTraceparentItWasGiven(Service service) throws Exception {
        assertThat(health(service, TRACEPARENT).headers().allValues("traceparent")).containsExactly(TRACEPARENT);
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void everyServiceStartsATraceWhenItWasGivenNone(Service service) throws Exception {
        assertThat(health(service, null).headers().firstValue("traceparent"))
            .hasValueSatisfying(v -> assertThat(v).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
    }
}
