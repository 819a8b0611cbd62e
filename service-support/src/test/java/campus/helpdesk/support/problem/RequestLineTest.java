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
    void aSemicolonSeparatesNoParameterAndABareOneIsRefused() throws IOException {
        String answer = send("GET /line?days=1;2 HTTP/1.1");
        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"field\":\"query\"").contains("%3B");
        assertThat(send("GET /line?days=1%3B2 HTTP/1.1", true)).startsWith("HTTP/1.1 200");
    }

    @Test
    void onlyHttp1IsSpokenAndTheAnswerSaysSo() throws IOException {
        for (String version : new String[] {"HTTP/9.9", "HTTP/2.0"}) {
            // No "Connection: close" from the client: the refusal itself must end the connection.
            assertThat(send("GET /line " + version, false)).as(version).startsWith("HTTP/1.1 505")
                    .contains("\"field\":\"version\"", "not " + version).doesNotContain("served");
        }
        assertThat(send("GET /line HTTP/1.2", true)).startsWith("HTTP/1.1 200").contains("served");
        assertThat(send("GET /line HTTP/1.0", true)).startsWith("HTTP/1.0 200").contains("served");
        assertThat(send("GET /line HTTP/1.1", true)).startsWith("HTTP/1.1 200").contains("served");
    }

    /** The status line and the problem document agree: "400 Bad Request", not the framework's "400 Invalid JSON". */
    @Test
    void aBodyThatIsNotJsonIsRefusedWithTheStandardReasonAndSaysWhyInPlainWords() throws IOException {
        String body = "{\"title\":\"x\" /* c */}";
        String answer;
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/problem/json HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("application/problem+json",
                "\"title\":\"Bad Request\"", "body: is not valid JSON: unexpected character '/'")
                .doesNotContain("Invalid JSON");
    }

    @Test
    void bytesOutsideAsciiInTheRequestLineAreRefusedAndTheirPercentEncodingServed() throws IOException {
        for (String line : new String[] {"GET /line?q=\u00ff HTTP/1.1", "GET /line?q=caf\u00c3\u00a9 HTTP/1.1",
                "GET /line\u00ff HTTP/1.1"}) {
            // Each char of the line is one byte on the wire (ISO-8859-1): 0xFF, or the two bytes of UTF-8's é.
            assertThat(send(line, true, StandardCharsets.ISO_8859_1)).as(line).startsWith("HTTP/1.1 400")
                    .contains("application/problem+json", "must be percent-encoded as UTF-8").doesNotContain("served");
        }
        assertThat(send("GET /line?q=caf%C3%A9 HTTP/1.1", true)).startsWith("HTTP/1.1 200").contains("served");
    }

    private String send(String requestLine) throws IOException {
        return send(requestLine, true);
    }

    /** The whole answer, read until the server closes the connection (or 10 s pass, which fails the read). */
    private String send(String requestLine, boolean askToClose) throws IOException {
        return send(requestLine, askToClose, StandardCharsets.US_ASCII);
    }

    private String send(String requestLine, boolean askToClose, java.nio.charset.Charset bytes) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\n" + (askToClose ? "Connection: close\r\n" : "")
                    + "\r\n").getBytes(bytes));
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
