package campus.helpdesk.gateway.problem;

import campus.helpdesk.gateway.GatewayHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's own bad input is answered by the policy every service shares (service-support's BadInput). */
@MicronautTest
class BadInputAtTheGatewayTest {

    @Inject
    EmbeddedServer server;

    @Test
    void aSignInThatFailsValidationListsEachFieldAndNamesTheFirst() {
        HttpResponse<String> r = new GatewayHttp(server.getURI()).post("/api/session",
                "{\"name\":\"" + "x".repeat(81) + "\",\"role\":\" \"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"name\"").contains("\"violations\":[")
                .contains("\"field\":\"role\"");
    }

    @Test
    void aSignInWithUnreadableJsonNamesTheBody() {
        HttpResponse<String> r = new GatewayHttp(server.getURI()).post("/api/session", "{\"name\":");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"body\"").doesNotContain("signIn");
    }

    @Test
    void aRequestTargetThatIsNoUriNamesTheParameterWhereItBroke() throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.getOutputStream().write(("GET /api/analytics/open-period?hours=%ZZ HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                    .contains("\"field\":\"hours\"");
        }
    }
}
