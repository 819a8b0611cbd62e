package campus.helpdesk.gateway.security;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DNS rebinding against a desk on loopback: a page whose name was pointed at 127.0.0.1 sends its own name as Host and
 * Origin, which agree; the gateway, listening on loopback only, answers localhost and loopback addresses alone.
 */
@MicronautTest
class LoopbackHostTest {

    @Inject
    EmbeddedServer server;

    @Test
    void aSignInThroughARenamedLoopbackIsRefusedAndThroughLocalhostWorks() throws IOException {
        String rebound = signIn("evil.example:" + server.getPort(), "http://evil.example:" + server.getPort());
        assertThat(rebound).startsWith("HTTP/1.1 403").contains("application/problem+json").contains("localhost")
                .doesNotContain("Set-Cookie");
        String local = signIn("localhost:" + server.getPort(), "http://localhost:" + server.getPort());
        assertThat(local).startsWith("HTTP/1.1 200").contains("Set-Cookie");
    }

    @Test
    void onLoopbackOnlyLoopbackNamesPassAndOnANetworkAddressEveryNameDoes() {
        LoopbackHost loopback = new LoopbackHost("127.0.0.1", Set.of("http://helpdesk.test:8080"));
        for (String host : new String[] {"localhost:8080", "LOCALHOST", "127.0.0.1:8080", "127.1.2.3", "[::1]:8080",
                "app.localhost:8080", "helpdesk.test:8080"}) {
            assertThat(loopback.allows(host)).as(host).isTrue();
        }
        for (String host : new String[] {"evil.example", "evil.example:8080", "127.0.0.1.evil.example",
                "localhost.evil.example", "10.0.0.5:8080", "[2001:db8::1]:8080", ""}) {
            assertThat(loopback.allows(host)).as(host).isFalse();
        }
        assertThat(loopback.allows(null)).as("HTTP/1.0 without Host: no browser").isTrue();
        assertThat(new LoopbackHost("0.0.0.0", Set.of()).allows("helpdesk.campus.example")).isTrue();
        assertThat(new LoopbackHost("10.1.2.3", Set.of()).allows("helpdesk.campus.example")).isTrue();
    }

    private String signIn(String host, String origin) throws IOException {
        String body = "{\"name\":\"Rita\",\"role\":\"STUDENT\"}";
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.getOutputStream().write(("POST /api/session HTTP/1.1\r\nHost: " + host + "\r\nOrigin: " + origin
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
