package campus.helpdesk.launcher.up;

import campus.helpdesk.launcher.ListenAddress;
import campus.helpdesk.launcher.Ports;
import campus.helpdesk.launcher.Service;
import campus.helpdesk.launcher.postgres.ListeningSockets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code ./helpdesk up} as a user runs it: a separate JVM, the real service jars, an embedded PostgreSQL, then
 * SIGTERM. Runs on the manual ports of this module (services +20000, PostgreSQL 25432) and its own data folder.
 */
class HelpdeskUpTest {

    private static final int OFFSET = 20000;
    private static final int PG_PORT = 25432;
    private static final String UP_LINE = "Campus Helpdesk is up: http://localhost:" + (8080 + OFFSET);
    private static Path root;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void findServiceJars() {
        root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        assumeTrue(root != null, "project root not found");
        for (Service service : Service.values()) {
            Path target = root.resolve(service.module()).resolve("target");
            assumeTrue(Files.isDirectory(target) && target.toFile().list((d, n) -> n.endsWith("-all.jar")).length > 0,
                    "the service jars are built by the reactor before this module");
        }
    }

    @Test
    void upStartsEverythingLoadsDemoTicketsOnceAndStopsCleanlyOnSigterm() throws Exception {
        Path data = Files.createTempDirectory(root.resolve("launcher").resolve("target"), "up-test-");

        Launched first = launch(data);
        assertThat(first.awaitLine(UP_LINE, 240)).as(first.output()).isTrue();
        assertThat(first.output()).contains("Loaded 300 demo tickets")
                .contains("PostgreSQL: jdbc:postgresql://127.0.0.1:" + PG_PORT + "/helpdesk");
        assertThat(get(8080 + OFFSET, "/health").statusCode()).isEqualTo(200);
        assertThat(get(8081 + OFFSET, "/api/tickets?size=1").body()).contains("\"total\":300");
        assertThat(ListeningSockets.addresses(PG_PORT)).as("PostgreSQL listens").containsOnly("127.0.0.1");
        assertSecretsAreOwnerOnly(data);
        first.stop();
        assertThat(first.output()).contains("Stopped.");
        assertEveryPortFree();

        // The data survive a restart, and a database that holds tickets is not seeded again.
        Launched second = launch(data);
        assertThat(second.awaitLine(UP_LINE, 240)).as(second.output()).isTrue();
        assertThat(second.output()).doesNotContain("Loaded 300 demo tickets");
        assertThat(get(8081 + OFFSET, "/api/tickets?size=1").body()).contains("\"total\":300");
        second.stop();
        assertEveryPortFree();
    }

    @Test
    void aPortInUseIsReportedInOneSentenceBeforeAnythingStarts() throws Exception {
        try (ServerSocket busy = new ServerSocket(8084 + OFFSET)) {
            Launched launched = launch(Files.createTempDirectory(root.resolve("launcher").resolve("target"), "up-"));
            assertThat(launched.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(launched.process.exitValue()).isEqualTo(1);
            assertThat(launched.output()).contains("Port " + (8084 + OFFSET) + " (analytics-category) is already in use")
                    .doesNotContain("Exception").doesNotContain("Starting PostgreSQL");
        }
    }

    @Test
    void theUpLineSaysWhereToOpenTheDesk() {
        assertThat(UpCommand.upLine(ListenAddress.loopback(8080)))
                .isEqualTo("Campus Helpdesk is up: http://localhost:8080");
        assertThat(UpCommand.upLine(ListenAddress.parse("--listen", "0.0.0.0:8080")))
                .startsWith("Campus Helpdesk is up: http://localhost:8080 (serving every interface");
        assertThat(UpCommand.upLine(ListenAddress.parse("--listen", "10.1.2.3:9000")))
                .isEqualTo("Campus Helpdesk is up: http://10.1.2.3:9000");
    }

    private static void assertSecretsAreOwnerOnly(Path data) throws IOException {
        Path secrets = data.resolve("secrets");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(secrets)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactlyInAnyOrder(
                    "service-key", "session-secret", "postgres-password", "helpdesk-password");
        }
        try (Stream<Path> files = Files.list(secrets)) {
            assertThat(files.toList()).allSatisfy(f -> assertThat(
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------"));
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Helpdesk-Role", "STAFF").header("X-Helpdesk-User", "Launcher Test").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertEveryPortFree() {
        for (Service service : Service.values()) {
            assertThat(Ports.isFree(service.defaultPort() + OFFSET)).as(service.module()).isTrue();
        }
        assertThat(Ports.isFree(PG_PORT)).as("PostgreSQL").isTrue();
    }

    private static Launched launch(Path data) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path output = Files.createTempFile(data.getParent(), "up-output-", ".txt");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dhelpdesk.home=" + root, "campus.helpdesk.launcher.Helpdesk", "up",
                "--port-offset", String.valueOf(OFFSET), "--pg-port", String.valueOf(PG_PORT),
                "--data-dir", data.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new Launched(process, output);
    }

    /** A running launcher; its output goes to a file, so nothing it prints while exiting is lost. */
    private record Launched(Process process, Path outputFile) {

        boolean awaitLine(String expected, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline && process.isAlive()) {
                if (output().lines().anyMatch(expected::equals)) {
                    return true;
                }
                Thread.sleep(200);
            }
            return output().lines().anyMatch(expected::equals);
        }

        void stop() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("launcher stops within 90 s").isTrue();
        }

        String output() {
            try {
                return Files.readString(outputFile);
            } catch (IOException e) {
                return "(no output: " + e.getMessage() + ")";
            }
        }
    }
}
