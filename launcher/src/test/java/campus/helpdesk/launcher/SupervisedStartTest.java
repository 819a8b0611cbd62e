package campus.helpdesk.launcher;

import campus.helpdesk.launcher.postgres.EmbeddedDatabase;
import campus.helpdesk.launcher.supervise.RestartPolicy;
import campus.helpdesk.launcher.supervise.Supervisor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ticket-service killed while the other services are still starting (loading their snapshots from it, minutes on a
 * large desk) is restarted, and the suite comes up. Before, supervision began once all five were healthy, so the
 * others waited for a ticket-service nobody restarted. Ports +22200 and 25438, a data folder of its own.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class SupervisedStartTest {

    private static final int OFFSET = 22200;
    private static final int PG_PORT = 25438;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @Test
    void ticketServiceKilledWhileTheOthersStartIsRestartedAndTheSuiteComesUp() throws Exception {
        Path root = BuiltServices.root();
        Path home = Files.createTempDirectory(root.resolve("launcher").resolve("target"), "supervised-start-");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(home, PG_PORT);
             Supervisor supervisor = new Supervisor(RestartPolicy.DEFAULT, home.resolve("status.json"), System.out)) {
            SuiteOptions options = new SuiteOptions(root, database.target().url(), database.target().user(),
                    database.target().password(), OFFSET, SuiteSecrets.random(), null, Map.of(), false);
            CompletableFuture<Suite> starting = CompletableFuture.supplyAsync(() -> Suite.start(options, supervisor));
            try {
                URI health = URI.create("http://127.0.0.1:" + (Service.TICKET_SERVICE.defaultPort() + OFFSET)
                        + Service.TICKET_SERVICE.healthPath());
                ProcessHandle first = awaitSupervisedTicketService(supervisor);
                assertThat(starting).as("the other services are still starting").isNotDone();
                first.destroyForcibly();

                Suite suite = starting.get(4, TimeUnit.MINUTES);
                assertThat(suite.pid(Service.TICKET_SERVICE)).isNotEqualTo(first.pid());
                assertThat(supervisor.restarts("ticket-service")).isEqualTo(1);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!healthy(health) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(healthy(health)).isTrue();
            } finally {
                stop(starting);
            }
        }
    }

    /**
     * However the test ended, the suite it started stops with it: once its start has ended (a failed start stops
     * what it started), or its services are killed if it is still starting after 5 minutes.
     */
    private static void stop(CompletableFuture<Suite> starting) throws Exception {
        Suite suite;
        try {
            suite = starting.handle((started, failure) -> started).get(5, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            ProcessHandle.current().children().filter(p -> p.info().commandLine().orElse("").contains("-all.jar"))
                    .forEach(ProcessHandle::destroyForcibly);
            return;
        }
        if (suite != null) {
            suite.close();
        }
    }

    /** ticket-service's process (this JVM's child running its jar), once the supervisor watches it. */
    private static ProcessHandle awaitSupervisedTicketService(Supervisor supervisor) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> process = ProcessHandle.current().children()
                    .filter(p -> p.info().commandLine().orElse("").contains("ticket-service-")).findFirst();
            if (process.isPresent() && supervisor.supervises("ticket-service")) {
                return process.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("ticket-service was not supervised within 2 minutes");
    }

    private static boolean healthy(URI health) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(1))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
