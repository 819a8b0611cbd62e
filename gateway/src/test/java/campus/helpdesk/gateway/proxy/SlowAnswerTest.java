package campus.helpdesk.gateway.proxy;

import campus.helpdesk.gateway.GatewayHttp;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route that may wait longer than the proxy client's own read-timeout (a retrain's 30 s, an upload's 2 minutes)
 * gets its whole wait: the client's backstop grows to the longest route's (ProxyReadTimeout). Here in small: a
 * client backstop of 1 s, a route of 4 s, a service that answers after 2 s.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowAnswerTest implements TestPropertyProvider {

    private final HttpServer slow = slowService();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("micronaut.http.client.read-timeout", "1s",
                "helpdesk.routes.classifier.url", "http://127.0.0.1:" + slow.getAddress().getPort(),
                "helpdesk.routes.classifier.read-timeout", "4s");
    }

    @AfterAll
    void stopService() {
        slow.stop(0);
    }

    private static HttpServer slowService() {
        try {
            HttpServer service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            service.createContext("/", exchange -> {
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] answer = "{\"retrained\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            service.start();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anAnswerWithinItsRoutesTimeoutArrivesThoughTheClientsOwnIsShorter() {
        GatewayHttp http = new GatewayHttp(server.getURI());
        HttpResponse<String> r = http.post("/api/classifier/retrain", "{}", "Cookie", http.signIn("Sam", "STAFF"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"retrained\":true");
    }
}
