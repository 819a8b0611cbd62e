package campus.helpdesk.launcher;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A stand-in service for launcher tests: answers {@code /health} UP on HELPDESK_PORT until it is stopped. It first
 * loads a few thousand JDK classes so that an AOT cache recorded from it holds archived objects of a size like a real
 * service's (a tiny program's cache is accepted under flags a service's would be refused with).
 */
public final class AnswersHealth {

    private AnswersHealth() {
    }

    public static void main(String[] args) throws Exception {
        loadJdkClasses();
        HttpServer server = HttpServer.create(
                new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getenv("HELPDESK_PORT"))), 0);
        server.createContext("/health", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    private static void loadJdkClasses() throws Exception {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        Path javaBase = jrt.getPath("/modules/java.base");
        List<Path> classes;
        try (Stream<Path> files = Files.walk(javaBase.resolve("java"))) {
            classes = files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("-")).toList();
        }
        for (Path file : classes) {
            String name = javaBase.relativize(file).toString();
            try {
                Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'), false, null);
            } catch (ClassNotFoundException | LinkageError e) {
                // Not loadable on its own (a package-private helper of another module's): skipped.
            }
        }
    }
}
