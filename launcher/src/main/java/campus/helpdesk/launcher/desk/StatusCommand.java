package campus.helpdesk.launcher.desk;

import campus.helpdesk.launcher.cli.DataDirOption;
import campus.helpdesk.launcher.cli.HelpOption;
import campus.helpdesk.launcher.supervise.StatusFile;
import campus.helpdesk.launcher.supervise.Supervisor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ./helpdesk status}: whether a desk runs on the data folder, where to open it, and each process as its
 * supervisor sees it. Exits as init scripts do: 0 when every process is up, 1 when the desk runs but not all of it
 * is up (starting, restarting, failing, stopping, a process gone that the supervisor has not seen go, or a launcher
 * that has fallen silent), 3 when it does not run.
 */
@Command(name = "status", description = {
        "Says whether the desk of a data folder runs, where to open it, and the state of each process.",
        "Exit status: 0 all up, 1 running but not all up (starting, restarting, failing, a process gone, the launcher "
                + "not answering), 3 not running."})
public final class StatusCommand implements Callable<Integer> {

    static final int ALL_UP = 0;
    static final int NOT_ALL_UP = 1;
    static final int NOT_RUNNING = 3;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    HelpOption help;

    private final Path root;
    private final PrintStream out;

    public StatusCommand(Path root, PrintStream out) {
        this.root = root;
        this.out = out;
    }

    @Override
    public Integer call() {
        Path home = dataDir.home(root);
        Optional<RunningDesk> found = RunningDesk.on(home);
        if (found.isEmpty() || !found.get().isRunning()) {
            out.println("Campus Helpdesk is not running (data folder " + home + ").");
            found.ifPresent(this::sayLeftOver);
            return NOT_RUNNING;
        }
        RunningDesk desk = found.get();
        StatusFile.Snapshot status = desk.status();
        Instant now = Instant.now();
        // A process the file calls UP may have died unseen (a hung launcher neither restarts nor reaps it).
        Map<String, Boolean> gone = new LinkedHashMap<>();
        status.entries().forEach((name, entry) -> gone.put(name,
                entry.state() == Supervisor.State.UP && !RunningDesk.runs(entry.pid())));
        // A desk that stops closes its supervisor first (every process then STOPPED), and may take minutes to stop.
        boolean silent = status.silentAt(now)
                && status.entries().values().stream().noneMatch(e -> e.state() == Supervisor.State.STOPPED);
        boolean allUp = status.url() != null && !silent && !gone.containsValue(true) && status.entries().values()
                .stream().allMatch(e -> e.state() == Supervisor.State.UP);
        long launcher = desk.launcher().orElseThrow().pid();
        if (silent) {
            out.println("Campus Helpdesk's launcher (pid " + launcher + ") has written nothing for "
                    + Uptime.of(Duration.between(status.updated(), now)) + ": nothing is being watched or restarted "
                    + "(data folder " + home + "). If it was stopped (Ctrl-Z, SIGSTOP), kill -CONT " + launcher
                    + " resumes it; if it hangs, kill -9 " + launcher + ", then ./helpdesk stop stops what it left"
                    + " and ./helpdesk up starts the desk afresh.");
        } else {
            out.println(headline(status, allUp) + " (launcher pid " + launcher + "; data folder " + home + ")");
        }
        status.entries().forEach((name, entry) -> out.println(line(name, entry, now, gone.get(name))));
        return allUp ? ALL_UP : NOT_ALL_UP;
    }

    private static String headline(StatusFile.Snapshot status, boolean allUp) {
        if (status.url() == null) {
            return "Campus Helpdesk is starting";
        }
        if (allUp) {
            return "Campus Helpdesk is up: " + status.url();
        }
        boolean stopping = status.entries().values().stream().anyMatch(e -> e.state() == Supervisor.State.STOPPED);
        return stopping ? "Campus Helpdesk is stopping" : "Campus Helpdesk runs, but not all of it is up: "
                + status.url();
    }

    /** One process: name, state and for how long, pid, and its restarts with the last reason and the log to read. */
    static String line(String name, StatusFile.Entry entry, Instant now) {
        return line(name, entry, now, false);
    }

    /** The line of a process that is {@code gone} says so instead of its supervisor's UP. */
    static String line(String name, StatusFile.Entry entry, Instant now, boolean gone) {
        StringBuilder line = new StringBuilder(String.format("  %-26s %-10s %-16s pid %-8d", name,
                gone ? "GONE" : entry.state(),
                // When it died is unknown: its supervisor, which would have seen it, is itself not answering.
                gone ? "(died unseen)" : "for " + Uptime.of(Duration.between(entry.since(), now)), entry.pid()));
        if (entry.restarts() > 0) {
            line.append(" restarted ").append(entry.restarts()).append(entry.restarts() == 1 ? " time" : " times");
            if (entry.lastFailure() != null) {
                line.append(" (last: ").append(entry.lastFailure()).append(')');
            }
        }
        if (gone || entry.state() != Supervisor.State.UP) {
            line.append(" log: ").append(entry.log());
        }
        return line.toString().stripTrailing();
    }

    private void sayLeftOver(RunningDesk desk) {
        Map<String, Long> left = desk.leftOver();
        if (left.isEmpty()) {
            return;
        }
        out.println("A launcher that was killed left these running, unsupervised:");
        left.forEach((name, pid) -> out.println("  " + name + " (pid " + pid + ")"));
        // The rest of its desk died since, or with it: nothing restarts them, and a page that needs them fails.
        List<String> down = desk.status().entries().keySet().stream().filter(name -> !left.containsKey(name)).toList();
        if (!down.isEmpty()) {
            out.println("Not running, and nothing restarts them: " + String.join(", ", down));
        }
        out.println("./helpdesk stop stops them (./helpdesk up does too, before it starts).");
    }
}
