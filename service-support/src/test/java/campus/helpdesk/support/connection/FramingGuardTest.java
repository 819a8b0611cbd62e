package campus.helpdesk.support.connection;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A chunked body whose framing breaks is refused whole and never carried out; a well-framed one is. */
@MicronautTest
class FramingGuardTest {

    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    @Inject
    EmbeddedServer server;

    @Test
    void aChunkSizeThatIsNoNumberOrNegativeGets400AndNothingIsDone() throws Exception {
        String body = "{\"note\":\"broken-framing\"}";
        for (String badSize : List.of("zz", "-1")) {
            String answer = send("POST /api/chunked/note HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body
                    + "\r\n" + badSize + "\r\nmore\r\n0\r\n\r\n");
            assertThat(answer).as(badSize).startsWith("HTTP/1.1 400").contains("application/problem+json",
                    "chunked framing is broken", "\"field\":\"body\"");
        }
        Thread.sleep(300);
        assertThat(RECEIVED).doesNotContain("broken-framing");
    }

    @Test
    void aWellFramedChunkedBodyIsRead() throws Exception {
        String body = "{\"note\":\"well-framed\"}";
        String answer = send("POST /api/chunked/note HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + Integer.toHexString(10) + "\r\n"
                + body.substring(0, 10) + "\r\n" + Integer.toHexString(body.length() - 10) + "\r\n"
                + body.substring(10) + "\r\n0\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(RECEIVED).contains("well-framed");
    }

    private String send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try {
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException reset) {
                return "";
            }
        }
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Controller
    @ExecuteOn(TaskExecutors.BLOCKING)
    static class ChunkedController {
        @Post("/api/chunked/note")
        Map<String, String> note(@Body Map<String, String> body) {
            RECEIVED.add(body.get("note"));
            return body;
        }
    }
}
