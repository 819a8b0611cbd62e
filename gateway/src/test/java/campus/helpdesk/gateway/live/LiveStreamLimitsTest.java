package campus.helpdesk.gateway.live;

import campus.helpdesk.api.EventType;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.gateway.GatewayHttp;
import campus.helpdesk.gateway.RawHead;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static campus.helpdesk.gateway.live.VisibilityTest.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live streams a gateway holds are bounded, and a browser that cannot keep up is cut off rather than left
 * connected and deaf. Over raw sockets: a stream that is never read is what a phone that lost its network looks like.
 */
@MicronautTest
@Property(name = "helpdesk.live.max-per-caller", value = "2")
@Property(name = "helpdesk.live.max", value = "3")
class LiveStreamLimitsTest {

    @Inject
    EmbeddedServer server;
    @Inject
    LiveHub hub;
    @Inject
    LiveStreams streams;

    @Test
    void aSessionGetsItsShareOfStreamsAndTheGatewayItsOwnEachRefusedWithRetryAfter() throws Exception {
        GatewayHttp http = new GatewayHttp(server.getURI());
        String ann = http.signIn("Ann", "STUDENT");
        String bob = http.signIn("Bob", "STUDENT");
        List<Socket> open = new ArrayList<>();
        try {
            open.add(stream(ann));
            open.add(stream(ann));
            String third = RawHead.of(streamSocket(ann));
            assertThat(third).startsWith("HTTP/1.1 429").contains("Retry-After: 30")
                    .contains("application/problem+json");
            open.add(stream(bob));
            String fourth = RawHead.of(streamSocket(bob));
            assertThat(fourth).as("the gateway's three are open").startsWith("HTTP/1.1 503").contains("Retry-After");
        } finally {
            for (Socket socket : open) {
                socket.close();
            }
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (streams.open() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(streams.open()).as("closed streams give their places back").isZero();
        stream(ann).close();
    }

    @Test
    void aBrowserThatCannotKeepUpIsCutOffAndItsStreamEnds() throws Exception {
        String sam = new GatewayHttp(server.getURI()).signIn("Sam", "STAFF");
        try (Socket socket = streamSocket(sam, 4096)) {
            // Nothing is read while far more is published than the socket, Netty and the hub's buffer hold.
            Thread.sleep(300);
            for (int i = 0; i < 20_000; i++) {
                hub.publish(event("cut-" + i, EventType.EDITED, TicketStatus.OPEN, false));
            }
            socket.setSoTimeout(15_000);
            boolean ended;
            try {
                ended = readsToItsEnd(socket.getInputStream());
            } catch (SocketTimeoutException e) {
                ended = false;
            }
            assertThat(ended).as("the stream ended once the browser fell behind, instead of pinging on, deaf").isTrue();
        }
    }

    /** Reads until the chunked answer's last chunk or the connection's end: true; a read that times out throws. */
    private static boolean readsToItsEnd(InputStream in) throws IOException {
        byte[] buffer = new byte[65536];
        String tail = "";
        for (int n; (n = in.read(buffer)) >= 0; ) {
            tail = tail + new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
            if (tail.endsWith("\r\n0\r\n\r\n")) {
                return true;
            }
            tail = tail.substring(Math.max(0, tail.length() - 16));
        }
        return true;
    }

    /** A stream that opened (200), read no further. */
    private Socket stream(String cookie) throws IOException {
        Socket socket = streamSocket(cookie);
        assertThat(RawHead.of(socket)).startsWith("HTTP/1.1 200");
        return socket;
    }

    private Socket streamSocket(String cookie) throws IOException {
        return streamSocket(cookie, 0);
    }

    /** {@code receiveBuffer}: the socket's receive buffer in bytes, 0 for the system's. */
    private Socket streamSocket(String cookie, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new java.net.InetSocketAddress(server.getHost(), server.getPort()));
        socket.getOutputStream().write(("GET /api/live HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                + "Cookie: " + cookie + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return socket;
    }
}
