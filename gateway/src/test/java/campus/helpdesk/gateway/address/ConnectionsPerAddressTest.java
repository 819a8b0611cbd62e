package campus.helpdesk.gateway.address;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One client holding connections that send nothing: past the limit each new one is closed as it arrives, others'
 * connections and this machine's are not affected, and a connection closed frees its place. The client here is
 * this machine reached by its network address (not loopback, so it counts), as a campus client reaches the gateway.
 */
@MicronautTest
@Property(name = "helpdesk.connections.max-per-address", value = "3")
@Property(name = "micronaut.server.host", value = "0.0.0.0")
class ConnectionsPerAddressTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ConnectionsPerAddress connections;

    @Test
    void anAddressHoldsAtMostItsConnectionsAndAClosedOneFreesItsPlace() throws Exception {
        Optional<InetAddress> network = networkAddress();
        assumeTrue(network.isPresent(), "this machine has a network address besides loopback");
        InetSocketAddress gateway = new InetSocketAddress(network.get(), server.getPort());
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(connect(gateway));
            }
            awaitOpen(network.get().getHostAddress(), 3);
            try (Socket fourth = connect(gateway)) {
                assertThat(closedByTheServer(fourth)).as("the fourth").isTrue();
            }
            assertThat(answers(held.get(0))).as("a held one still serves").isTrue();
            try (Socket local = connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getPort()))) {
                assertThat(answers(local)).as("this machine is not counted").isTrue();
            }
            held.remove(0).close();
            awaitOpen(network.get().getHostAddress(), 2);
            held.add(connect(gateway));
            assertThat(answers(held.getLast())).as("its place taken again").isTrue();
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private void awaitOpen(String address, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (connections.openFrom(address) != count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(connections.openFrom(address)).isEqualTo(count);
    }

    private static Socket connect(InetSocketAddress to) throws IOException {
        Socket socket = new Socket();
        socket.connect(to, 2_000);
        socket.setSoTimeout(3_000);
        return socket;
    }

    /** Whether the server closed the connection without a word (a read ends), rather than leaving it open. */
    private static boolean closedByTheServer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset
        }
    }

    private static boolean answers(Socket socket) throws IOException {
        socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: gateway\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        byte[] line = in.readNBytes("HTTP/1.1 200".length());
        return new String(line, StandardCharsets.US_ASCII).equals("HTTP/1.1 200");
    }

    private static Optional<InetAddress> networkAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(nic -> {
            try {
                return nic.isUp() && !nic.isLoopback();
            } catch (SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()
                && !a.isLinkLocalAddress()).findFirst();
    }
}
