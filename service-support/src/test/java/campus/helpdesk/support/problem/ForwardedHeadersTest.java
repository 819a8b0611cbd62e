package campus.helpdesk.support.problem;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A proxy header the framework cannot read is a 400 naming it, for anyone: the framework parses Forwarded and
 * X-Forwarded-Host when it works out a request's host, and {@code host="} or {@code desk:} threw there (a 500). What
 * proxies send is served.
 */
@MicronautTest
class ForwardedHeadersTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Test
    void aProxyHeaderTheFrameworkCannotReadIsA400NamingIt() throws Exception {
        String[][] malformed = {{"Forwarded", "host=\""}, {"Forwarded", "for=\""}, {"Forwarded", "host=a:b:c"},
            {"Forwarded", "for=a;host=x:99999999999"}, {"X-Forwarded-Host", "desk:"}, {"X-Forwarded-Host", ":"}};
        for (String[] header : malformed) {
            for (String origin : new String[] {null, "http://elsewhere.example"}) {
                HttpResponse<String> answer = get(header[0], header[1], origin);
                assertThat(answer.statusCode()).as(header[0] + ": " + header[1] + " with Origin " + origin)
                        .isEqualTo(400);
                assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(answer.body()).contains("\"field\":\"" + header[0] + "\"").doesNotContain("served");
            }
        }
    }

    @Test
    void whatAProxyInFrontSendsIsServed() throws Exception {
        Map<String, String> sent = Map.of(
                "Forwarded", "for=192.0.2.60;proto=https;host=desk.example.edu, for=\"[2001:db8:cafe::17]:4711\"",
                "X-Forwarded-Host", "desk.example.edu:443",
                "X-Forwarded-Port", "443",
                "X-Forwarded-For", "203.0.113.9, 2001:db8::1",
                "X-Forwarded-Proto", "https");
        for (Map.Entry<String, String> header : sent.entrySet()) {
            HttpResponse<String> answer = get(header.getKey(), header.getValue(), null);
            assertThat(answer.statusCode()).as(header.toString()).isEqualTo(200);
            assertThat(answer.body()).contains("served");
            // Another origin is the CORS filter's to judge, past the header's parse.
            assertThat(get(header.getKey(), header.getValue(), "http://elsewhere.example").statusCode())
                    .as(header + " with an Origin").isNotIn(400, 500);
        }
    }

    private HttpResponse<String> get(String name, String value, String origin) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort()
                + "/forwarded")).header(name, value);
        if (origin != null) {
            request.header("Origin", origin);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Controller
    static class ForwardedController {
        @Get("/forwarded")
        Map<String, String> forwarded() {
            return Map.of("answer", "served");
        }
    }
}
