package campus.helpdesk.gateway.address;

import campus.helpdesk.gateway.GatewayHttp;
import campus.helpdesk.gateway.RawHead;
import campus.helpdesk.gateway.live.LiveStreams;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-ins cost nothing, so the limits that count sessions were as many as a client cared to make: one client took
 * every live page. The gateway also counts per address. The test is this machine, which the limits leave alone, so it
 * plays a trusted proxy that names the client in X-Forwarded-For ({@link ThisMachineIsNotCountedTest}: not trusted).
 */
@MicronautTest
@Property(name = "helpdesk.trusted-proxies", value = "127.0.0.1")
@Property(name = "helpdesk.session.sign-ins-per-address", value = "3")
@Property(name = "helpdesk.live.max-per-address", value = "2")
class PerAddressLimitsTest {

    private static final String SIGN_IN = "{\"name\":\"Loop\",\"role\":\"STUDENT\"}";

    @Inject
    EmbeddedServer server;
    @Inject
    LiveStreams streams;

    @Test
    void anAddressGetsItsSignInsAMinuteThenA429WithRetryAfterWhileOtherAddressesGoOn() {
        GatewayHttp http = new GatewayHttp(server.getURI());
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(http, "203.0.113.7").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = signIn(http, "203.0.113.7");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After").map(Integer::parseInt).orElseThrow()).isBetween(1, 60);
        assertThat(refused.body()).contains("Too many sign-ins from this network address");
        assertThat(refused.headers().firstValue("Set-Cookie")).as("no session").isEmpty();

        assertThat(refused.body()).doesNotContain("\"field\"");
        assertThat(signIn(http, "203.0.113.8").statusCode()).as("another address").isEqualTo(200);
        assertThat(signIn(http, "2001:db8:1:2::5").statusCode()).isEqualTo(200);
        assertThat(signIn(http, "2001:db8:1:2::6").statusCode()).isEqualTo(200);
        assertThat(signIn(http, "2001:db8:1:2:ffff::7").statusCode()).isEqualTo(200);
        assertThat(signIn(http, "2001:db8:1:2::8").statusCode()).as("one /64 is one client").isEqualTo(429);
        // No client names itself this machine: it is counted as the proxy that sent it.
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(http, "127.0.0.1").statusCode()).isEqualTo(200);
        }
        assertThat(signIn(http, "127.0.0.1").statusCode()).as("the proxy has had its three").isEqualTo(429);
    }

    @Test
    void anAddressGetsItsShareOfLivePagesWhateverItsSessions() throws Exception {
        GatewayHttp http = new GatewayHttp(server.getURI());
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // Each from an address of its own: the sign-ins have a test of their own.
            HttpResponse<String> signedIn = signIn(http, "192.0.2." + (100 + i));
            String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
            sessions.add(cookie.substring(0, cookie.indexOf(';')));
        }
        List<Socket> open = new ArrayList<>();
        try {
            open.add(stream(sessions.get(0), "198.51.100.9"));
            open.add(stream(sessions.get(1), "198.51.100.9"));
            assertThat(open.stream().map(PerAddressLimitsTest::headOf).toList())
                    .allSatisfy(head -> assertThat(head).startsWith("HTTP/1.1 200"));
            Socket third = stream(sessions.get(2), "198.51.100.9");
            open.add(third);
            assertThat(headOf(third)).startsWith("HTTP/1.1 429").contains("Retry-After")
                    .contains("application/problem+json");
            Socket elsewhere = stream(sessions.get(2), "198.51.100.10");
            open.add(elsewhere);
            assertThat(headOf(elsewhere)).as("the same session from another address").startsWith("HTTP/1.1 200");
            assertThat(streams.heldBy("198.51.100.9")).isEqualTo(2);

            open.remove(0).close();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (streams.heldBy("198.51.100.9") > 1 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(streams.heldBy("198.51.100.9")).as("a closed stream gives its place back").isEqualTo(1);
            Socket again = stream(sessions.get(2), "198.51.100.9");
            open.add(again);
            assertThat(headOf(again)).startsWith("HTTP/1.1 200");
        } finally {
            for (Socket socket : open) {
                socket.close();
            }
        }
    }

    private static HttpResponse<String> signIn(GatewayHttp http, String client) {
        return http.post("/api/session", SIGN_IN, "X-Forwarded-For", client);
    }

    private Socket stream(String cookie, String client) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(server.getHost(), server.getPort()));
        socket.getOutputStream().write(("GET /api/live HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                + "X-Forwarded-For: " + client + "\r\nCookie: " + cookie + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static String headOf(Socket socket) {
        try {
            return RawHead.of(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
