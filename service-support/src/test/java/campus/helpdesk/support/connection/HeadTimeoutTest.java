package campus.helpdesk.support.connection;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A head that never comes whole is cut off; a connection that is merely idle, or a slow answer, is not. */
@MicronautTest
@Property(name = "helpdesk.head-timeout", value = "1s")
class HeadTimeoutTest {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");

    @Inject
    EmbeddedServer server;

    @Test
    void aHeadSentAByteAtATimeGetsA408AndTheConnectionCloses() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(200);
            OutputStream out = socket.getOutputStream();
            byte[] head = "GET /paced/quick HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
                    .getBytes(StandardCharsets.US_ASCII);
            long start = System.nanoTime();
            String answer = "";
            // Far longer than the timeout: without it, each byte keeps the connection open and this loop runs out.
            for (int i = 0; i < 40 && answer.isEmpty(); i++) {
                try {
                    out.write(head[Math.min(i, head.length - 1)]);
                    out.flush();
                } catch (IOException closed) {
                    break;
                }
                answer = readAvailable(socket.getInputStream());
            }
            answer += readToEnd(socket);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json", "\"status\":408",
                    "did not arrive whole within 1 s");
            assertThat(millis).isLessThan(6_000);
        }
    }

    @Test
    void aKeepAliveConnectionIdleBetweenRequestsAndASlowAnswerAreLeftAlone() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /paced/slow HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200").contains("slow");

            Thread.sleep(2_000);
            out.write("GET /paced/quick HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200").contains("quick");
        }
    }

    @Test
    void aBodyMayTakeLongerThanAHeadAndAnEmptyLineBetweenRequestsStartsNoClock() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String body = "{\"file\":\"upload\"}";
            out.write(("POST /api/paced/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // Twice the head's time, within the body's own (5 s).
            for (char c : body.toCharArray()) {
                out.write(c);
                out.flush();
                Thread.sleep(2_000 / body.length());
            }
            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200").contains("upload");

            // What some clients send after a POST's body: nothing the server answers, no head begun.
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(2_000);
            out.write("GET /paced/quick HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200").contains("quick");
        }
    }

    /** Whatever has arrived within the socket's short timeout; empty when nothing has. */
    private static String readAvailable(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            int n = in.read(buffer);
            if (n > 0) {
                got.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException nothingYet) {
            return "";
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    private static String readToEnd(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        try {
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException reset) {
            return "";
        }
    }

    /** One answer of a known length, read up to its last byte (the connection stays open). */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        int length = -1;
        int headEnd = -1;
        while (headEnd < 0 || got.size() < headEnd + length) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            got.write(b);
            String text = got.toString(StandardCharsets.UTF_8);
            if (headEnd < 0 && text.endsWith("\r\n\r\n")) {
                headEnd = got.size();
                Matcher m = CONTENT_LENGTH.matcher(text);
                length = m.find() ? Integer.parseInt(m.group(1)) : 0;
            }
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Controller
    @ExecuteOn(TaskExecutors.BLOCKING)
    static class PacedController {
        @Get("/paced/quick")
        Map<String, String> quick() {
            return Map.of("answer", "quick");
        }

        @Post("/api/paced/echo")
        Map<String, String> echo(@Body Map<String, String> body) {
            return body;
        }

        @Get("/paced/slow")
        Map<String, String> slow() throws InterruptedException {
            Thread.sleep(2_000);
            return Map.of("answer", "slow");
        }
    }
}
