package campus.helpdesk.ticket;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free port for a test server that must be known before it starts. Micronaut's {@code ${random.port}} draws from
 * the whole range, so between its check and the server's bind an outgoing connection (the pool's, to PostgreSQL)
 * can take the same number as its local port: CI once failed on exactly that. Ports below Linux's ephemeral range
 * (32768 and up by default) are never handed out to outgoing connections.
 */
public final class FreePort {

    private static final int LOW = 20_000;
    private static final int HIGH = 32_000;

    private FreePort() {
    }

    public static int belowTheEphemeralRange() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(false);
                probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between " + LOW + " and " + HIGH);
    }
}
