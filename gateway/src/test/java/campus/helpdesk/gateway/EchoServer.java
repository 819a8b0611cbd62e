package campus.helpdesk.gateway;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Stands in for a service behind the gateway in the gateway's own tests: it answers with the method, path, query
 * and headers it received (one "name: value" line each), so a test sees exactly what the gateway forwarded.
 * The JDK's own server, so that no second copy of the gateway's beans starts. The real services are exercised
 * through the gateway in system-tests.
 */
public final class EchoServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger received = new AtomicInteger();
    // A thread each: a request whose body is still on its way must not hold up the next one.
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    public EchoServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            received.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String headers = exchange.getRequestHeaders().entrySet().stream()
                    .map(e -> e.getKey().toLowerCase() + ": " + String.join(",", e.getValue()))
                    .sorted().collect(Collectors.joining("\n"));
            String answer = "method: " + exchange.getRequestMethod() + "\npath: " + exchange.getRequestURI().getPath()
                    + "\nquery: " + exchange.getRequestURI().getRawQuery() + "\n" + headers + "\nbody: " + body + "\n";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many requests reached this service, counted as soon as their headers arrive (before the body). */
    public int received() {
        return received.get();
    }

    /** An address where nothing listens: a stopped service. */
    public static String deadUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
