package campus.helpdesk.launcher.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The PostgreSQL server process of a data folder. The library starts it through {@code pg_ctl}, which exits
 * once the server is ready, so the postmaster is not the launcher's child: it is found through
 * {@code postmaster.pid}, and its death is seen by its pid, not by a {@link Process}.
 *
 * <p>Where nothing reaps orphans (a container whose first process is not an init), a killed postmaster stays a
 * zombie, and PostgreSQL's lock files then name a process that still "exists": a new server refuses to start
 * ("lock file already exists"). {@link #clearLocksOfTheDead} removes those locks, only once the postmaster is a
 * zombie and no live process works in the data folder any more (every backend has its working directory
 * there), so the protection the lock files give against two servers on one folder is kept.
 */
final class Postmaster {

    private final Path data;
    private final long pid;
    private final List<Path> socketLocks;

    private Postmaster(Path data, long pid, List<Path> socketLocks) {
        this.data = data;
        this.pid = pid;
        this.socketLocks = socketLocks;
    }

    /** The server now running on {@code data}, per its {@code postmaster.pid}. */
    static Postmaster of(Path data, int port, List<String> socketDirectories) {
        long pid = readPid(data.resolve("postmaster.pid")).orElse(-1L);
        List<Path> locks = socketDirectories.stream().filter(d -> !d.isBlank())
                .map(d -> Path.of(d.strip(), ".s.PGSQL." + port + ".lock")).toList();
        return new Postmaster(data, pid, locks);
    }

    long pid() {
        return pid;
    }

    /**
     * Stops a server that a launcher killed without its shutdown (kill -9) left running on {@code data}: nothing
     * supervises it any more and it holds the port and the folder, so the next start could not run. Called only
     * once {@link DataFolder#requireNotInUse} found no live launcher on the folder; the process is the one
     * {@code postmaster.pid} names, only if it is a {@code postgres} working in that folder (a postmaster's working
     * directory is its data folder). SIGINT, PostgreSQL's fast shutdown (SIGTERM would wait for every client), then
     * until no process of the server works in the folder any more.
     *
     * @return the pid of the server stopped, if there was one
     * @throws IllegalStateException when it is still running after 30 s
     */
    static Optional<Long> stopLeftOver(Path data) throws InterruptedException {
        long pid = readPid(data.resolve("postmaster.pid")).orElse(-1L);
        if (pid <= 0 || !isLive(pid) || !isPostgres(pid) || !worksIn(pid, data)) {
            return Optional.empty();
        }
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
        for (int i = 0; i < 300 && (isLive(pid) || someoneWorksIn(data)); i++) {
            Thread.sleep(100);
        }
        if (isLive(pid)) {
            throw new IllegalStateException("PostgreSQL (pid " + pid + ") left running on " + data
                    + " by a launcher that was killed did not stop");
        }
        return Optional.of(pid);
    }

    private static boolean isPostgres(long pid) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(pid), "comm")).strip().equals("postgres");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean worksIn(long pid, Path data) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "cwd")).equals(data.toRealPath());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    boolean isAlive() {
        return pid > 0 && isOurs(pid);
    }

    /**
     * Alive, and (where {@code /proc} tells) a {@code postgres} working in this folder: once the server has died, its
     * pid may be another program's, which must neither pass for the server nor be killed as it.
     */
    private boolean isOurs(long candidate) {
        return isLive(candidate) && (!Files.isDirectory(Path.of("/proc"))
                || (isPostgres(candidate) && worksIn(candidate, data)));
    }

    /**
     * Kills the postmaster and its backends. A hung server's backends may be stopped as well (a SIGSTOP of its
     * process group): they would never notice their postmaster's death and would hold the folder for good, so the
     * whole tree goes, as in a crash (the next start replays the WAL). They are listed before the postmaster dies,
     * which hands them to another parent.
     */
    void kill() throws InterruptedException {
        if (!isAlive()) {
            return;
        }
        List<ProcessHandle> backends = ProcessHandle.of(pid).map(p -> p.descendants()
                .filter(child -> !Files.isDirectory(Path.of("/proc")) || isPostgres(child.pid())).toList())
                .orElse(List.of());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        backends.forEach(ProcessHandle::destroyForcibly);
        for (int i = 0; i < 100 && (isAlive() || backends.stream().anyMatch(b -> isLive(b.pid()))); i++) {
            Thread.sleep(100);
        }
    }

    /**
     * After the postmaster died: waits (up to 10 s) for its backends to notice and exit, then removes the lock
     * files that still name it if it lingers as a zombie.
     */
    void clearLocksOfTheDead() throws InterruptedException {
        if (isAlive() || !Files.isDirectory(Path.of("/proc"))) {
            return;
        }
        for (int i = 0; i < 100 && someoneWorksIn(data); i++) {
            Thread.sleep(100);
        }
        if (!isZombie(pid) || someoneWorksIn(data)) {
            return;
        }
        for (Path lock : Stream.concat(Stream.of(data.resolve("postmaster.pid")), socketLocks.stream()).toList()) {
            if (readPid(lock).filter(p -> p == pid).isPresent()) {
                try {
                    Files.deleteIfExists(lock);
                } catch (IOException e) {
                    // The new server will say what is in its way, in postgres.log.
                }
            }
        }
    }

    /** Alive and not a zombie: a zombie "exists" for kill(2) and for {@link ProcessHandle#isAlive()}. */
    private static boolean isLive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !isZombie(pid);
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String state = stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
            return state.equals("Z") || state.equals("X");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A live process whose working directory is the data folder: a backend of the dead server, still exiting. */
    private static boolean someoneWorksIn(Path data) {
        Path real;
        try {
            real = data.toRealPath();
        } catch (IOException e) {
            return false;
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .anyMatch(p -> {
                        try {
                            return Files.readSymbolicLink(p.resolve("cwd")).equals(real)
                                    && isLive(Long.parseLong(p.getFileName().toString()));
                        } catch (IOException | RuntimeException e) {
                            return false;
                        }
                    });
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Long> readPid(Path lockFile) {
        try (Stream<String> lines = Files.lines(lockFile)) {
            return lines.findFirst().map(String::strip).map(Long::parseLong);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
