package campus.helpdesk.gateway.proxy;

import campus.helpdesk.gateway.EchoServer;
import campus.helpdesk.gateway.GatewayHttp;
import campus.helpdesk.gateway.RawAnswer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An answer passed on from a service is framed for the client's own connection, as the client asked for it: an
 * HTTP/1.0 client gets the body whole and then the end of the connection (it knows no chunks), and an HTTP/1.1
 * client that says {@code Connection: close} gets its connection closed. Raw sockets, because clients hide both.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientConnectionTest implements TestPropertyProvider {

    private final EchoServer tickets = new EchoServer();

    @Inject
    EmbeddedServer server;
    String cookie;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("helpdesk.routes.ticket-service.url", tickets.url());
    }

    @AfterAll
    void stopEcho() {
        tickets.close();
    }

    @BeforeEach
    void signIn() {
        cookie = new GatewayHttp(server.getURI()).signIn("Ann", "STUDENT");
    }

    @Test
    void anHttp10ClientGetsTheBodyWithoutChunksAndTheConnectionsEnd() throws IOException {
        for (String connection : new String[] {"", "Connection: keep-alive\r\n"}) {
            try (Socket socket = open()) {
                send(socket, "GET /api/tickets/7 HTTP/1.0\r\n" + connection);
                RawAnswer answer = RawAnswer.read(socket.getInputStream());
                assertThat(answer.statusLine()).startsWith("HTTP/1.0 200");
                assertThat(answer.headers()).doesNotContainKey("transfer-encoding");
                assertThat(answer.body()).as("read to the connection's end")
                        .startsWith("method: GET\npath: /api/tickets/7\n").endsWith("body: \n");
            }
        }
    }

    @Test
    void anHttp11ClientThatAsksToCloseIsClosedAfterTheAnswer() throws IOException {
        try (Socket socket = open()) {
            send(socket, "GET /api/tickets/7 HTTP/1.1\r\nConnection: close\r\n");
            RawAnswer answer = RawAnswer.read(socket.getInputStream());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.headers().get("connection")).isEqualToIgnoringCase("close");
            assertThat(socket.getInputStream().read()).as("the connection is closed").isEqualTo(-1);
        }
    }

    @Test
    void anHttp11ClientKeepsItsConnectionForTheNextRequest() throws IOException {
        try (Socket socket = open()) {
            InputStream in = socket.getInputStream();
            send(socket, "GET /api/tickets/7 HTTP/1.1\r\n");
            assertThat(RawAnswer.read(in).body()).contains("path: /api/tickets/7\n");
            send(socket, "GET /api/tickets/8 HTTP/1.1\r\n");
            assertThat(RawAnswer.read(in).body()).contains("path: /api/tickets/8\n");
        }
    }

    private Socket open() throws IOException {
        Socket socket = new Socket(server.getHost(), server.getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private void send(Socket socket, String requestHead) throws IOException {
        String request = requestHead + "Host: localhost\r\nCookie: " + cookie + "\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }
}
