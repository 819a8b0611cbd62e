package campus.helpdesk.launcher.desk;

import campus.helpdesk.launcher.HelpdeskProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code ./helpdesk status} and {@code stop} on folders where no desk runs, as separate processes: the exit status
 * scripts rely on, and a stale status file whose launcher's pid now belongs to another program, which a stop must
 * never signal. A running desk's status and stop are in {@code HelpdeskUpTest}.
 */
class StatusAndStopTest {

    @TempDir
    Path home;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopStarted() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aFolderWhereNoDeskEverRanIsNotRunning() throws Exception {
        HelpdeskProcess.Run status = helpdesk("status", "--data-dir", home.resolve("never").toString());
        assertThat(status.exit()).as(status.output()).isEqualTo(StatusCommand.NOT_RUNNING);
        assertThat(status.output()).startsWith("Campus Helpdesk is not running (data folder " + home.resolve("never"));

        HelpdeskProcess.Run stop = helpdesk("stop", "--data-dir", home.resolve("never").toString());
        assertThat(stop.exit()).as(stop.output()).isZero();
        assertThat(stop.output()).contains("Campus Helpdesk is not running");
        assertThat(home.resolve("never")).as("a stop creates nothing").doesNotExist();
    }

    @Test
    void aLauncherPidTakenByAnotherProgramIsNotADeskAndIsNeverSignalled() throws Exception {
        Process other = new ProcessBuilder("sleep", "300").start();
        started.add(other);
        Files.writeString(home.resolve("status.json"), "{\n  \"launcherPid\": " + other.pid()
                + ",\n  \"updated\": \"2026-12-05T07:00:00Z\",\n  \"url\": \"http://localhost:8080\",\n"
                + "  \"services\": {\n    \"gateway\": {\"state\": \"UP\", \"restarts\": 0, \"since\": "
                + "\"2026-12-05T07:00:00Z\", \"pid\": " + other.pid() + ", \"lastFailure\": null, \"log\": \"g.log\"}\n"
                + "  }\n}\n");

        HelpdeskProcess.Run status = helpdesk("status", "--data-dir", home.toString());
        assertThat(status.exit()).as(status.output()).isEqualTo(StatusCommand.NOT_RUNNING);
        assertThat(status.output()).as("nor is the sleep a gateway left over").doesNotContain("left");

        HelpdeskProcess.Run stop = helpdesk("stop", "--data-dir", home.toString());
        assertThat(stop.exit()).as(stop.output()).isZero();
        assertThat(other.isAlive()).as("the program that got the pid runs on").isTrue();
    }

    @Test
    void aLauncherPidTakenByAnotherHelpdeskCommandIsNotTheDesksLauncher() throws Exception {
        // Another ./helpdesk command (a seed, a psql) may get a killed launcher's pid: its command line names the
        // launcher's jar too, but it started later than the launcher that wrote the file.
        Process other = new ProcessBuilder("bash", "-c", "sleep 300; true", "launcher-0.1.0-all.jar").start();
        started.add(other);
        Files.writeString(home.resolve("status.json"), "{\n  \"launcherPid\": " + other.pid()
                + ",\n  \"launcherStarted\": \"2026-01-01T00:00:00Z\",\n  \"updated\": \"2026-12-05T07:00:00Z\",\n"
                + "  \"services\": {\n  }\n}\n");
        assertThat(other.info().commandLine().orElse("")).contains("launcher");

        assertThat(helpdesk("status", "--data-dir", home.toString()).exit()).isEqualTo(StatusCommand.NOT_RUNNING);
        assertThat(helpdesk("stop", "--data-dir", home.toString()).exit()).isZero();
        assertThat(other.isAlive()).as("the program that got the pid runs on").isTrue();
    }

    /** A launcher killed with kill -9, one of its services still running and one dead since: both are said. */
    @Test
    void whatAKilledLauncherLeftIsListedAndSoIsWhatDiedSince() throws Exception {
        Process gateway = new ProcessBuilder("bash", "-c", "sleep 300; true", "gateway-0.1.0-all.jar").start();
        started.add(gateway);
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        writeKilledDesk(dead.pid(), gateway.pid(), dead.pid());

        HelpdeskProcess.Run status = helpdesk("status", "--data-dir", home.toString());
        assertThat(status.exit()).as(status.output()).isEqualTo(StatusCommand.NOT_RUNNING);
        assertThat(status.output()).contains("left these running").contains("gateway (pid " + gateway.pid() + ")")
                .contains("Not running, and nothing restarts them: ticket-service");
    }

    /**
     * A release unpacked into a new folder stops what the old one's killed launcher left on the data folder: its
     * status file names the processes, and each still runs its service's jar from elsewhere. Before, only this
     * checkout's pid files were read: stop said "not running" and the old services held their ports.
     */
    @Test
    void stopEndsWhatAnotherCheckoutsKilledLauncherLeftOnTheFolderAndNothingElse() throws Exception {
        Process gateway = new ProcessBuilder("bash", "-c", "sleep 300; true", "/srv/helpdesk-old/gateway/target/"
                + "gateway-0.0.9-all.jar").start();
        Process stranger = new ProcessBuilder("bash", "-c", "sleep 300; true", "some-other-program").start();
        started.add(gateway);
        started.add(stranger);
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        writeKilledDesk(dead.pid(), gateway.pid(), stranger.pid());

        HelpdeskProcess.Run stop = helpdesk("stop", "--data-dir", home.toString());
        assertThat(stop.exit()).as(stop.output()).isZero();
        assertThat(stop.output()).contains("Stopped gateway (pid " + gateway.pid() + ")");
        assertThat(gateway.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(stranger.isAlive()).as("a pid now another program's is never signalled").isTrue();
    }

    /**
     * A launcher that hangs (or was stopped with SIGSTOP) still exists, and its children that die stay zombies it
     * never reaps: the status file went on calling them UP, and status said all was up with exit 0. Here a pretend
     * launcher (its command line names one, its start time is the file's) with one child that exited unreaped.
     */
    @Test
    void aServiceThatDiedUnseenIsGoneAndASilentLauncherIsNotAllUp() throws Exception {
        // Zombies are told from /proc (Linux); elsewhere a zombie looks alive to the process handle.
        assumeTrue(Files.isDirectory(Path.of("/proc/self")));
        Process launcher = new ProcessBuilder("perl", "-e",
                "$| = 1; my $child = fork(); if ($child == 0) { exit 0 } print \"$child\\n\"; sleep 300;",
                "launcher-0.1.0-all.jar").start();
        started.add(launcher);
        long zombie = Long.parseLong(new java.io.BufferedReader(new java.io.InputStreamReader(
                launcher.getInputStream())).readLine().strip());
        Instant launcherStarted = launcher.info().startInstant().orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.readString(Path.of("/proc", Long.toString(zombie), "stat")).contains(") Z ")) {
            assertThat(System.nanoTime()).as("the child has exited unreaped within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }

        writeStatus(launcherStarted, launcher.pid(), Instant.now(), zombie);
        HelpdeskProcess.Run status = helpdesk("status", "--data-dir", home.toString());
        assertThat(status.exit()).as(status.output()).isEqualTo(StatusCommand.NOT_ALL_UP);
        assertThat(status.output()).contains("not all of it is up").containsPattern("gateway +GONE +\\(died unseen\\)");

        writeStatus(launcherStarted, launcher.pid(), Instant.now().minusSeconds(300), launcher.pid());
        status = helpdesk("status", "--data-dir", home.toString());
        assertThat(status.exit()).as(status.output()).isEqualTo(StatusCommand.NOT_ALL_UP);
        assertThat(status.output()).contains("launcher (pid " + launcher.pid() + ") has written nothing for 5 min")
                .contains("nothing is being watched or restarted").containsPattern("gateway +UP");

        // A desk that stops has closed its supervisor (no more beats) and may take minutes: stopping, not silent.
        writeStatus(launcherStarted, launcher.pid(), Instant.now().minusSeconds(300), launcher.pid(), "STOPPED");
        status = helpdesk("status", "--data-dir", home.toString());
        assertThat(status.exit()).as(status.output()).isEqualTo(StatusCommand.NOT_ALL_UP);
        assertThat(status.output()).contains("Campus Helpdesk is stopping").doesNotContain("written nothing");

        writeStatus(launcherStarted, launcher.pid(), Instant.now(), launcher.pid());
        status = helpdesk("status", "--data-dir", home.toString());
        assertThat(status.exit()).as(status.output()).isEqualTo(StatusCommand.ALL_UP);
    }

    /** The status file of a desk whose launcher is gone, naming a gateway and a ticket-service by their pids. */
    private void writeKilledDesk(long launcher, long gateway, long ticketService) throws IOException {
        Files.writeString(home.resolve("status.json"), "{\n  \"launcherPid\": " + launcher
                + ",\n  \"updated\": \"2026-12-05T07:00:00Z\",\n  \"url\": \"http://localhost:8080\",\n"
                + "  \"services\": {\n    \"gateway\": {\"state\": \"UP\", \"restarts\": 0, \"since\": "
                + "\"2026-12-05T07:00:00Z\", \"pid\": " + gateway + ", \"lastFailure\": null, \"log\": \"g.log\"},\n"
                + "    \"ticket-service\": {\"state\": \"UP\", \"restarts\": 0, \"since\": "
                + "\"2026-12-05T07:00:00Z\", \"pid\": " + ticketService + ", \"lastFailure\": null, "
                + "\"log\": \"t.log\"}\n  }\n}\n");
    }

    private void writeStatus(Instant launcherStarted, long launcher, Instant updated, long gateway)
            throws IOException {
        writeStatus(launcherStarted, launcher, updated, gateway, "UP");
    }

    private void writeStatus(Instant launcherStarted, long launcher, Instant updated, long gateway, String state)
            throws IOException {
        Files.writeString(home.resolve("status.json"), "{\n  \"launcherPid\": " + launcher
                + ",\n  \"launcherStarted\": \"" + launcherStarted + "\",\n  \"updated\": \"" + updated
                + "\",\n  \"url\": \"http://localhost:8080\",\n  \"services\": {\n"
                + "    \"gateway\": {\"state\": \"" + state + "\", \"restarts\": 0, "
                + "\"since\": \"2026-12-05T07:00:00Z\", \"pid\": " + gateway
                + ", \"lastFailure\": null, \"log\": \"g.log\"}\n  }\n}\n");
    }

    @Test
    void aProcessLineSaysItsStateForHowLongAndWhyItRestarted() {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        String line = StatusCommand.line("ticket-service", new campus.helpdesk.launcher.supervise.StatusFile.Entry(
                campus.helpdesk.launcher.supervise.Supervisor.State.FAILING, 5, now.minusSeconds(3725), 4711,
                "exited (code 1)", Path.of("/srv/ts.log")), now);
        assertThat(line).contains("ticket-service", "FAILING", "for 1 h 2 min", "pid 4711",
                "restarted 5 times (last: exited (code 1))", "log: /srv/ts.log");
        assertThat(Uptime.of(Duration.ofSeconds(59))).isEqualTo("59 s");
        assertThat(Uptime.of(Duration.ofSeconds(61))).isEqualTo("1 min 1 s");
        assertThat(Uptime.of(Duration.ofHours(50))).isEqualTo("2 d 2 h");
    }

    private static HelpdeskProcess.Run helpdesk(String... args) throws IOException, InterruptedException {
        return HelpdeskProcess.run(null, 60, args);
    }
}
