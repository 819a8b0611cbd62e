package campus.helpdesk.launcher.up;

import campus.helpdesk.launcher.BuiltServices;
import campus.helpdesk.launcher.HelpdeskProcess;
import campus.helpdesk.launcher.HelpdeskProcess.Run;
import campus.helpdesk.launcher.ListenAddress;
import campus.helpdesk.launcher.Ports;
import campus.helpdesk.launcher.Service;
import campus.helpdesk.launcher.postgres.ListeningSockets;
import org.junit.jupiter.api.AfterEach;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

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
        root = BuiltServices.root();
    }

    @Test
    void upStartsEverythingLoadsDemoTicketsOnceAndStopsCleanlyOnSigterm() throws Exception {
        Path data = Files.createTempDirectory(root.resolve("launcher").resolve("target"), "up-test-");

        Launched first = launch(data);
        assertThat(first.awaitLine(UP_LINE, 240)).as(first.output()).isTrue();
        // The line after "is up": printed a moment later, and read by another thread than the one testing.
        assertThat(first.awaitLine("PostgreSQL: jdbc:postgresql://127.0.0.1:" + PG_PORT + "/helpdesk", 10))
                .as(first.output()).isTrue();
        assertThat(first.output()).contains("Loaded 300 demo tickets");
        assertThat(data.resolve("demo-data")).as("decided once: a later start never loads them").exists();
        assertThat(get(8080 + OFFSET, "/health", Map.of()).statusCode()).isEqualTo(200);
        assertThat(staffGet("/api/tickets?size=1").body()).contains("\"total\":300");
        assertThat(ListeningSockets.addresses(PG_PORT)).as("PostgreSQL listens").containsOnly("127.0.0.1");
        for (Service service : Service.values()) {
            assertThat(ListeningSockets.addresses(service.defaultPort() + OFFSET)).as(service.module())
                    .containsOnly("127.0.0.1");
        }
        assertThat(get(8081 + OFFSET, "/api/tickets?status=CLOSED",
                Map.of("X-Helpdesk-Role", "STAFF", "X-Helpdesk-User", "x")).statusCode()).isEqualTo(401);
        assertSecretsAreOwnerOnly(data);
        anAnalystTokenWorksUntilRevoked(data);
        statusSaysEveryProcessIsUp(data);
        first.stop();
        // The first stop writes the start-up caches, which takes long enough to look hung unless it is said.
        assertThat(first.output()).contains("Stopped.").contains("Saving the services' start-up caches");
        assertEveryPortFree();

        // The data survive a restart, and a database that holds tickets is not seeded again.
        Launched second = launch(data);
        assertThat(second.awaitLine(UP_LINE, 240)).as(second.output()).isTrue();
        assertThat(second.output()).doesNotContain("Loaded 300 demo tickets");
        assertThat(staffGet("/api/tickets?size=1").body()).contains("\"total\":300");
        // Stopped from another terminal, as a desk started in the background is.
        Run stop = beside(data, "stop");
        assertThat(stop.exit()).as(stop.output()).isZero();
        assertThat(stop.output()).contains("Stopping Campus Helpdesk (launcher pid " + second.process.pid())
                .contains("Stopped.");
        assertThat(second.process.isAlive()).as("the stop returns once the launcher has exited").isFalse();
        assertThat(second.output()).as("the caches are kept until the jars change").contains("Stopped.")
                .doesNotContain("Saving the services' start-up caches");
        assertEveryPortFree();
        Run stopped = beside(data, "status");
        assertThat(stopped.exit()).as(stopped.output()).isEqualTo(3);
        assertThat(stopped.output()).startsWith("Campus Helpdesk is not running");
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

    @Test
    void mailsLinkToAnAddressTheirReadersCanOpen() {
        assertThat(ListenAddress.loopback(8080).networkUrl()).isEqualTo("http://localhost:8080");
        assertThat(ListenAddress.parse("--listen", "10.1.2.3:9000").networkUrl()).isEqualTo("http://10.1.2.3:9000");
        assertThat(ListenAddress.parse("--listen", "0.0.0.0:8080").networkUrl())
                .as("serving the campus: this machine's name, not an address that means nothing elsewhere")
                .endsWith(":8080").doesNotContain("0.0.0.0").doesNotContain("127.0.0.1");
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

    /** What the "done when" asks: ./helpdesk token create, curl with it, ./helpdesk token revoke. */
    private void anAnalystTokenWorksUntilRevoked(Path data) throws Exception {
        String created = helpdesk(data, "token", "create", "--name", "bi", "--role", "ANALYST");
        Matcher token = Pattern.compile("hdt_[A-Za-z0-9_-]{43}").matcher(created);
        assertThat(token.find()).as(created).isTrue();
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token.group());
        assertThat(get(8080 + OFFSET, "/api/analytics/resolution-time", bearer).statusCode()).isEqualTo(200);
        // Analysts read the queue (the dashboard's figures open it) but manage nothing: tokens are staff's.
        assertThat(get(8080 + OFFSET, "/api/tickets", bearer).statusCode()).isEqualTo(200);
        assertThat(get(8080 + OFFSET, "/api/tokens", bearer).statusCode()).isEqualTo(403);
        helpdesk(data, "token", "revoke", "bi");
        assertThat(get(8080 + OFFSET, "/api/analytics/resolution-time", bearer).statusCode()).isEqualTo(401);
    }

    /** {@code ./helpdesk status} of a desk that is up: its address, and each of its six processes UP (exit 0). */
    private static void statusSaysEveryProcessIsUp(Path data) throws Exception {
        Run status = beside(data, "status");
        assertThat(status.exit()).as(status.output()).isZero();
        assertThat(status.output()).startsWith(UP_LINE);
        List<String> up = status.output().lines().filter(line -> line.matches("\\s+\\S+\\s+UP\\s+for .*")).toList();
        assertThat(up).as(status.output()).hasSize(1 + Service.values().length);
        for (Service service : Service.values()) {
            assertThat(up).anyMatch(line -> line.strip().startsWith(service.module() + " "));
        }
    }

    /** A ./helpdesk command that takes only --data-dir, beside the running one: its exit status and output. */
    private static Run beside(Path data, String command) throws Exception {
        return HelpdeskProcess.run(root, 300, command, "--data-dir", data.toString());
    }

    /** One more ./helpdesk command beside the running one; its output. */
    private static String helpdesk(Path data, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dhelpdesk.home=" + root, "campus.helpdesk.launcher.Helpdesk"));
        command.addAll(List.of(args));
        command.addAll(List.of("--pg-port", String.valueOf(PG_PORT), "--data-dir", data.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private HttpResponse<String> staffGet(String path) throws Exception {
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + (8080 + OFFSET) + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Launcher Test\",\"role\":\"STAFF\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        Map<String, String> session = Map.of("Cookie", cookie.substring(0, cookie.indexOf(';')));
        // The first query of a service just started may outlast the gateway's 1.5 s on a loaded machine; a person
        // would ask again, and what is checked here is the data, not how fast a cold service answers.
        HttpResponse<String> response = get(8080 + OFFSET, path, session);
        for (int retry = 0; retry < 5 && response.statusCode() == 504; retry++) {
            response = get(8080 + OFFSET, path, session);
        }
        return response;
    }

    private HttpResponse<String> get(int port, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertEveryPortFree() {
        for (Service service : Service.values()) {
            assertThat(Ports.isFree(service.defaultPort() + OFFSET)).as(service.module()).isTrue();
        }
        assertThat(Ports.isFree(PG_PORT)).as("PostgreSQL").isTrue();
    }

    /** Launchers still running when a test failed half-way, stopped so the next test finds its ports free. */
    private static final java.util.List<Process> LAUNCHED = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void stopWhatATestLeftRunning() throws InterruptedException {
        for (Process process : LAUNCHED) {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(90, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
        LAUNCHED.clear();
    }

    private static Launched launch(Path data) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path output = Files.createTempFile(data.getParent(), "up-output-", ".txt");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dhelpdesk.home=" + root, "campus.helpdesk.launcher.Helpdesk", "up",
                "--port-offset", String.valueOf(OFFSET), "--pg-port", String.valueOf(PG_PORT),
                "--data-dir", data.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        LAUNCHED.add(process);
        return new Launched(process, output);
    }

    /** A running launcher; its output goes to a file, so nothing it prints while exiting is lost. */
    private record Launched(Process process, Path outputFile) {

        /** Whether a line starting with {@code expected} is printed within {@code seconds}. */
        boolean awaitLine(String expected, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline && process.isAlive()) {
                if (output().lines().anyMatch(line -> line.startsWith(expected))) {
                    return true;
                }
                Thread.sleep(200);
            }
            return output().lines().anyMatch(line -> line.startsWith(expected));
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
