package campus.helpdesk.system.faults;

import campus.helpdesk.launcher.Service;
import campus.helpdesk.launcher.Suite;
import campus.helpdesk.launcher.SuiteOptions;
import campus.helpdesk.launcher.SuiteSecrets;
import campus.helpdesk.launcher.postgres.EmbeddedDatabase;
import campus.helpdesk.launcher.supervise.RestartPolicy;
import campus.helpdesk.launcher.supervise.Supervisor;
import campus.helpdesk.system.trust.GatewayClient;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What {@code ./helpdesk up} runs, for the fault suite: an embedded PostgreSQL of its own (it gets killed), the
 * five services, and the supervisor watching all six. Its own ports and data folder, apart from the shared suite
 * the other system tests use (the fault suite runs in its own test JVM, after them).
 */
final class SupervisedDesk implements AutoCloseable {

    static final int PORT_OFFSET = Integer.getInteger("helpdesk.faults.portOffset", 21000);
    static final int PG_PORT = Integer.getInteger("helpdesk.faults.pgPort", 26432);

    final Path home;
    final EmbeddedDatabase database;
    final Suite suite;
    final Supervisor supervisor;
    final URI gateway;

    private SupervisedDesk(Path home, EmbeddedDatabase database, Suite suite, Supervisor supervisor) {
        this.home = home;
        this.database = database;
        this.suite = suite;
        this.supervisor = supervisor;
        this.gateway = suite.uri(Service.GATEWAY);
    }

    static SupervisedDesk start(Path root) throws IOException {
        Path home = Files.createTempDirectory(root.resolve("system-tests").resolve("target"), "faults-");
        EmbeddedDatabase database = EmbeddedDatabase.start(home, PG_PORT);
        Suite suite = Suite.start(new SuiteOptions(root, database.target().url(), database.target().user(),
                database.target().password(), PORT_OFFSET, SuiteSecrets.random(), null, Map.of(),
                Boolean.getBoolean("helpdesk.suite.console")));
        Supervisor supervisor = new Supervisor(RestartPolicy.DEFAULT, home.resolve("status.json"), System.out);
        supervisor.watch(database);
        suite.supervise(supervisor);
        return new SupervisedDesk(home, database, suite, supervisor);
    }

    Connection sql() throws SQLException {
        return DriverManager.getConnection(database.target().url(), database.target().user(),
                database.target().password());
    }

    String signIn(String name, String role) {
        return GatewayClient.signIn(gateway, name, role);
    }

    boolean healthy(Service service) {
        try {
            return GatewayClient.send(suite.uri(service).resolve(service.healthPath()), "GET", null, Map.of())
                    .status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static void kill9(long pid) {
        ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid)).destroyForcibly();
    }

    /** Waits for {@code condition}; the bound only keeps a broken run from hanging. Returns the ms it took. */
    static long await(Duration bound, BooleanSupplier condition) throws InterruptedException {
        long started = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - started > bound.toNanos()) {
                throw new AssertionError("not within " + bound.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Override
    public void close() {
        suite.close();
        supervisor.close();
        database.close();
    }
}
