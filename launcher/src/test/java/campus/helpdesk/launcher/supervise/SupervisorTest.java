package campus.helpdesk.launcher.supervise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The supervisor's loop with a pretend process and a fast policy: what it prints and what the status file says. */
class SupervisorTest {

    private static final RestartPolicy FAST = new RestartPolicy(Duration.ofMillis(10), Duration.ofMillis(80), 3,
            Duration.ofMinutes(5), Duration.ofMillis(20), Duration.ofMillis(10), 3, Duration.ofSeconds(5));

    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void anExitedProcessIsStartedAgainAndTheStatusFileCountsTheRestart() throws Exception {
        Pretend process = new Pretend();
        try (Supervisor supervisor = supervisor()) {
            supervisor.watch(process);
            process.crash();

            awaitUntil(() -> process.starts.get() == 1 && supervisor.state("pretend") == Supervisor.State.UP);
            assertThat(supervisor.restarts("pretend")).isEqualTo(1);
            assertThat(Files.readString(dir.resolve("status.json")))
                    .contains("\"pretend\": {\"state\": \"UP\", \"restarts\": 1")
                    .contains("\"lastFailure\": \"exited (code 137)\"");
        }
        assertThat(output()).contains("[launcher] pretend exited (code 137); restarting in 10 ms (restart 1)")
                .contains("[launcher] pretend is back");
    }

    /** Nothing changes, and the file is rewritten all the same: a reader can tell a supervisor at work. */
    @Test
    void theStatusFileIsRewrittenEveryFiveProbeRoundsThoughNothingChanges() throws Exception {
        Pretend process = new Pretend();
        try (Supervisor supervisor = supervisor()) {
            supervisor.watch(process);
            java.time.Instant first = StatusFile.read(dir.resolve("status.json")).orElseThrow().updated();
            awaitUntil(() -> StatusFile.read(dir.resolve("status.json")).map(s -> s.updated().isAfter(first))
                    .orElse(false));
            assertThat(process.starts.get()).isZero();
        }
    }

    @Test
    void aProcessThatStopsAnsweringIsKilledAndStartedAgain() throws Exception {
        Pretend process = new Pretend();
        try (Supervisor supervisor = supervisor()) {
            supervisor.watch(process);
            process.answering.set(false);

            awaitUntil(() -> process.starts.get() == 1);
            assertThat(process.kills.get()).isEqualTo(1);
        }
        assertThat(output()).contains("pretend stopped answering its health check (3 probes in a row); killed it");
    }

    /** The tester's case: a port another program held for 15 s made the supervisor give up on PostgreSQL for good. */
    @Test
    void tooManyCrashesAreSaidLoudlyAndItIsTriedUntilItStaysUp() throws Exception {
        Pretend process = new Pretend();
        process.failsToStart = true;
        try (Supervisor supervisor = supervisor()) {
            supervisor.watch(process);
            process.crash();

            awaitUntil(() -> supervisor.state("pretend") == Supervisor.State.FAILING);
            assertThat(Files.readString(dir.resolve("status.json"))).contains("\"state\": \"FAILING\"");
            process.failsToStart = false; // what held it down has gone

            awaitUntil(() -> supervisor.state("pretend") == Supervisor.State.UP);
            assertThat(process.starts.get()).isEqualTo(1);
        }
        assertThat(output().lines().filter(l -> l.contains("KEEPS FAILING")).toList()).first().asString()
                .contains("pretend KEEPS FAILING: 3 crashes within 5 minutes")
                .contains("trying again every 80 ms until it stays up")
                .contains("Its log: " + dir.resolve("pretend.log"));
        assertThat(output()).contains("[launcher] pretend is back");
    }

    @Test
    void aPausedProcessIsLeftStopped() throws Exception {
        Pretend process = new Pretend();
        try (Supervisor supervisor = supervisor()) {
            supervisor.watch(process);
            supervisor.pause("pretend");
            process.crash();
            Thread.sleep(200);

            assertThat(process.starts.get()).isZero();
            assertThat(supervisor.state("pretend")).isEqualTo(Supervisor.State.STOPPED);
        }
    }

    private Supervisor supervisor() {
        return new Supervisor(FAST, dir.resolve("status.json"), new PrintStream(console, true,
                StandardCharsets.UTF_8));
    }

    private String output() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** A process in name only. */
    private final class Pretend implements Supervised {
        final AtomicBoolean alive = new AtomicBoolean(true);
        final AtomicBoolean answering = new AtomicBoolean(true);
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger kills = new AtomicInteger();
        volatile boolean failsToStart;

        void crash() {
            alive.set(false);
        }

        @Override
        public String name() {
            return "pretend";
        }

        @Override
        public Path log() {
            return dir.resolve("pretend.log");
        }

        @Override
        public long pid() {
            return 42;
        }

        @Override
        public boolean isAlive() {
            return alive.get();
        }

        @Override
        public boolean awaitExit(Duration timeout) throws InterruptedException {
            Thread.sleep(timeout);
            return !alive.get();
        }

        @Override
        public String exitDescription() {
            return "exited (code 137)";
        }

        @Override
        public boolean answers(Duration timeout) {
            return answering.get();
        }

        @Override
        public void kill() {
            kills.incrementAndGet();
            alive.set(false);
        }

        @Override
        public void restart(Duration timeout) {
            if (failsToStart) {
                throw new IllegalStateException("pretend did not become healthy\nlog tail");
            }
            starts.incrementAndGet();
            answering.set(true);
            alive.set(true);
        }
    }
}
