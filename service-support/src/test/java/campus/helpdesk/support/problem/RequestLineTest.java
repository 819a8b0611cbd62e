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
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A request line HTTP/1.1 does not know is refused, as raw as a client may send it. */
@MicronautTest
class RequestLineTest {

    @Inject
    EmbeddedServer server;

    @Test
    void aMethodInLowerCaseIsNotThatMethod() throws IOException {
        String answer = send("get /line HTTP/1.1");

        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json", "\"field\":\"method\"",
                "send GET, not get").doesNotContain("served");
    }

    @Test
    void onlyHttp10And11AreSpoken() throws IOException {
        for (String version : new String[] {"HTTP/9.9", "HTTP/2.0", "HTTP/1.2"}) {
            assertThat(send("GET /line " + version)).as(version).contains(" 505 ", "\"field\":\"version\"",
                    "not " + version).doesNotContain("served");
        }
        assertThat(send("GET /line HTTP/1.0")).startsWith("HTTP/1.0 200").contains("served");
        assertThat(send("GET /line HTTP/1.1")).startsWith("HTTP/1.1 200").contains("served");
    }

    private String send(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Controller
    static class LineController {
        @Get("/line")
        Map<String, String> line() {
            return Map.of("answer", "served");
        }
    }
}
