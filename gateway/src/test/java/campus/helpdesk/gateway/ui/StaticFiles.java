package campus.helpdesk.gateway.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * The web UI's files over real HTTP, as ES modules need (they do not load from file:): {@code /ui-tests/...} from
 * the test resources, everything else from the gateway's {@code public/} folder, both from the classpath. The JDK's
 * own server, so no gateway (and no secrets) is needed to test the UI's logic.
 */
final class StaticFiles implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of("js", "text/javascript", "html", "text/html",
            "css", "text/css", "svg", "image/svg+xml");

    private final HttpServer server;

    StaticFiles() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String resource = path.startsWith("/ui-tests/") ? path.substring(1) : "public" + path;
            InputStream file = path.contains("..") ? null : getClass().getClassLoader().getResourceAsStream(resource);
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes;
            try (file) {
                bytes = file.readAllBytes();
            }
            String extension = path.substring(path.lastIndexOf('.') + 1);
            exchange.getResponseHeaders().add("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
