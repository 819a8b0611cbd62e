package campus.helpdesk.launcher;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor's probe of a running service asks whether it lives, not whether its database answers: a service
 * whose whole health waits seconds for a pooled connection (a crowd of writers holds them) is busy, not hung, and is
 * left alone; one that answers nothing at all, or whose threads are deadlocked (liveness answers 503), is still
 * found out.
 */
class LivenessProbeTest {

    @TempDir
    Path root;

    @Test
    void aServiceWhoseHealthWaitsForTheDatabaseIsBusyNotHung() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        boolean[] deadlocked = {false};
        server.createContext("/health", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/health/liveness")) {
                answer(exchange, deadlocked[0] ? 503 : 200, "{\"status\":\"UP\"}");
                return;
            }
            try {
                Thread.sleep(3_000); // waiting for a pooled connection
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 503, "{\"status\":\"DOWN\"}");
        });
        server.start();
        try {
            ServiceProcess busy = processOn(server.getAddress().getPort());
            assertThat(busy.answers(Duration.ofMillis(1500))).isTrue();
            deadlocked[0] = true;
            assertThat(busy.answers(Duration.ofMillis(1500))).as("its threads deadlocked: as hung as a silent one")
                    .isFalse();
        } finally {
            server.stop(0);
        }
        assertThat(processOn(server.getAddress().getPort()).answers(Duration.ofMillis(500)))
                .as("nothing listens any more").isFalse();
    }

    private ServiceProcess processOn(int port) {
        int offset = port - Service.TICKET_SERVICE.defaultPort();
        return new ServiceProcess(Service.TICKET_SERVICE, new SuiteOptions(root, "jdbc:postgresql://127.0.0.1:1/unused",
                "unused", "unused", offset, SuiteSecrets.random(), null, Map.of(), false), Map.of());
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
