package campus.helpdesk.launcher.desk;

import campus.helpdesk.launcher.postgres.DataFolder;
import campus.helpdesk.launcher.supervise.StatusFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The desk that {@code ./helpdesk up} runs on a data folder, as its status file tells it: the launcher, if it still
 * runs, and each process it started. A status file outlives its launcher (a stop leaves it, a kill -9 too), so the
 * launcher is believed only while its process lives and is a launcher.
 */
record RunningDesk(Path home, StatusFile.Snapshot status, Optional<ProcessHandle> launcher) {

    private static final Duration SAME_START = Duration.ofSeconds(1);

    /** The desk's status as its file says it; empty when no desk ever ran on {@code home}. */
    static Optional<RunningDesk> on(Path home) {
        return StatusFile.read(home.resolve(DataFolder.STATUS_FILE))
                .map(status -> new RunningDesk(home, status, launcher(status.launcherPid(),
                        status.launcherStarted())));
    }

    boolean isRunning() {
        return launcher.isPresent();
    }

    /**
     * Whether process {@code pid} runs: it exists and is not a zombie. A process that died while its parent (the
     * launcher) hangs or is stopped stays a zombie, which kill -0, and so {@link ProcessHandle#isAlive}, still finds.
     */
    static boolean runs(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try {
            // "4711 (java) S ...": the state follows the command's name, which may itself hold spaces or ')'.
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int name = stat.lastIndexOf(')');
            return name < 0 || name + 2 >= stat.length() || stat.charAt(name + 2) != 'Z';
        } catch (IOException e) {
            // No /proc here (not Linux): the process handle's word stands. Otherwise the process went just now.
            return !Files.isDirectory(Path.of("/proc/self"));
        }
    }

    /**
     * The processes a launcher that was killed left running, by name: unsupervised, holding their ports, until
     * {@code stop} or the next {@code up} stops them. Empty while the launcher runs.
     */
    Map<String, Long> leftOver() {
        Map<String, Long> left = new LinkedHashMap<>();
        if (isRunning()) {
            return left;
        }
        status.entries().forEach((name, entry) -> ProcessHandle.of(entry.pid())
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(line -> line.contains(
                        name.equals("postgresql") ? "postgres" : name)).orElse(true))
                .ifPresent(p -> left.put(name, p.pid())));
        return left;
    }

    /**
     * The live process {@code pid}, if it is the launcher that wrote the file: a pid is reused once its process is
     * gone (by another ./helpdesk command too), and a stop must never signal whatever process got it. The start time
     * the launcher wrote must be the process's own (to the second: both are read from the system's clock ticks);
     * a file without one, or a system that tells none, falls back to the command line naming a launcher.
     */
    private static Optional<ProcessHandle> launcher(long pid, Instant started) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> started == null || p.info().startInstant()
                        .map(own -> Duration.between(own, started).abs().compareTo(SAME_START) <= 0).orElse(true))
                .filter(p -> p.info().commandLine().map(line -> line.contains("launcher")).orElse(true));
    }
}
