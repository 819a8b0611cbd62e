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
import java.util.concurrent.Executors;

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
        String url = "http://127.0.0.1:" + slow.getAddress().getPort();
        return Map.of("micronaut.http.client.read-timeout", "1s",
                "helpdesk.routes.classifier.url", url,
                "helpdesk.routes.classifier.read-timeout", "4s",
                // The production timeouts: 1.5 s for a read or a write with a key, 15 s for a write without one.
                "helpdesk.routes.ticket-service.url", url,
                "helpdesk.routes.classify.url", url,
                "helpdesk.routes.api-tokens.url", url,
                "helpdesk.routes.api-tokens.read-timeout", "500ms",
                "helpdesk.routes.api-tokens.write-timeout", "1s");
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
            // A thread each: a request the gateway gave up on must not hold up the next test's.
            service.setExecutor(Executors.newCachedThreadPool());
            service.start();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A status move (no Idempotency-Key) that takes 2 s is answered, not refused with a 504 after 1.5 s while the
     * service goes on and saves it: a person told "failed" would do it again.
     */
    @Test
    void aWriteWithoutAKeyWaitsForItsAnswerPastTheReadTimeout() {
        GatewayHttp http = new GatewayHttp(server.getURI());
        HttpResponse<String> r = http.post("/api/tickets/7/status", "{\"status\":\"CLOSED\"}",
                "Cookie", http.signIn("Sam", "STAFF"), "If-Match", "3");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** A write with a key is repeated safely (the page does it by itself), so its service is given the usual 1.5 s. */
    @Test
    void aWriteWithAKeyGivesUpAfterTheReadTimeoutAndSaysToTryAgain() {
        GatewayHttp http = new GatewayHttp(server.getURI());
        String cookie = http.signIn("Stu", "STUDENT");
        long started = System.nanoTime();
        HttpResponse<String> r = http.post("/api/tickets", "{\"title\":\"Lift\",\"description\":\"Stuck\"}",
                "Cookie", cookie, "Idempotency-Key", "k-1");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(r.statusCode()).as(r.body()).isEqualTo(504);
        assertThat(r.body()).contains("your text is kept, try again in a moment")
                .contains("\"timeoutMs\":" + Route.DEFAULT_READ_TIMEOUT.toMillis());
        assertThat(millis).isLessThan(2_000);
    }

    /**
     * The suggestion while a student types is a POST without a key that saves nothing: a hung service is given up on
     * after a read's wait, not a write's 15 s, and the page is not told its text may have been saved.
     */
    @Test
    void aSuggestionIsGivenUpOnLikeAReadThoughItIsAPost() {
        GatewayHttp http = new GatewayHttp(server.getURI());
        HttpResponse<String> r = http.post("/api/tickets/classify", "{\"text\":\"The lift is stuck\"}", "Cookie",
                http.signIn("Stu", "STUDENT"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(504);
        assertThat(r.body()).contains("try again in a moment").doesNotContain("may still have been saved")
                .contains("\"timeoutMs\":" + Route.DEFAULT_READ_TIMEOUT.toMillis());
    }

    /** Past even a keyless write's wait, the 504 does not say it failed: it may have been saved. */
    @Test
    void aWriteWithoutAKeyThatTimesOutSaysItMayHaveBeenSaved() {
        GatewayHttp http = new GatewayHttp(server.getURI());
        HttpResponse<String> r = http.post("/api/tokens", "{\"name\":\"script\"}", "Cookie",
                http.signIn("Sam", "STAFF"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(504);
        assertThat(r.body()).contains("may still have been saved").contains("\"timeoutMs\":1000");
    }

    @Test
    void anAnswerWithinItsRoutesTimeoutArrivesThoughTheClientsOwnIsShorter() {
        GatewayHttp http = new GatewayHttp(server.getURI());
        HttpResponse<String> r = http.post("/api/classifier/retrain", "{}", "Cookie", http.signIn("Sam", "STAFF"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"retrained\":true");
    }
}
