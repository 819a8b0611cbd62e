package campus.helpdesk.gateway.proxy;

import campus.helpdesk.gateway.EchoServer;
import campus.helpdesk.gateway.GatewayHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads arriving at once are limited per address, not only per caller (callers are free): one client trickling
 * bytes on many uploads under many names held every place ticket-service has. The test is this machine, which the
 * limits leave alone, so it plays a trusted proxy that names the client in X-Forwarded-For.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadsPerAddressTest implements TestPropertyProvider {

    private static final String FORM = "multipart/form-data; boundary=b";
    private static final String PART = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\nhello\r\n--b--\r\n";

    private final EchoServer tickets = new EchoServer();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("helpdesk.routes.ticket-service.url", tickets.url(),
                "helpdesk.trusted-proxies", "127.0.0.1",
                "helpdesk.uploads.max-per-address", "1");
    }

    @AfterAll
    void stopEcho() {
        tickets.close();
    }

    @Test
    void anAddressWithAnUploadOnItsWayIsToldToWaitWhileOtherAddressesUploadAndItsPlaceComesBack() throws Exception {
        GatewayHttp http = new GatewayHttp(server.getURI());
        String cookie = http.signIn("Trickle", "STUDENT");
        int before = tickets.received();
        try (Socket slow = new Socket()) {
            slow.connect(new InetSocketAddress(server.getHost(), server.getPort()));
            OutputStream out = slow.getOutputStream();
            out.write(("POST /api/tickets/5/attachments HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookie
                    + "\r\nX-Forwarded-For: 192.0.2.50\r\nContent-Type: " + FORM + "\r\nContent-Length: 100000\r\n\r\n"
                    + PART.substring(0, 40)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (tickets.received() == before && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(tickets.received()).as("the slow upload reached ticket-service").isEqualTo(before + 1);

            HttpResponse<String> refused = upload(http, cookie, "192.0.2.50");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).contains("10");
            assertThat(refused.body()).contains("Other files from this network address are still arriving");
            assertThat(tickets.received()).as("the refused upload went nowhere").isEqualTo(before + 1);

            assertThat(upload(http, cookie, "192.0.2.51").statusCode()).as("another address").isEqualTo(200);
            assertThat(upload(http, cookie, "192.0.2.51").statusCode()).as("its place came back when it was answered")
                    .isEqualTo(200);
            assertThat(upload(http, cookie, null).statusCode()).as("this machine itself").isEqualTo(200);
        }
        // The slow upload's client is gone: its place comes back.
        long deadline = System.nanoTime() + 10_000_000_000L;
        int status;
        do {
            Thread.sleep(50);
            status = upload(http, cookie, "192.0.2.50").statusCode();
        } while (status == 429 && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(200);
    }

    private HttpResponse<String> upload(GatewayHttp http, String cookie, String client) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.base().resolve("/api/tickets/5/attachments"))
                .timeout(Duration.ofSeconds(10)).header("Cookie", cookie).header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(PART));
        if (client != null) {
            request.header("X-Forwarded-For", client);
        }
        return http.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
