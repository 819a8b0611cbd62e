package campus.helpdesk.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The start-up cache of one service's process (JDK 25's AOT cache; on JDK 21-24 the class-data-sharing archive):
 * the one it maps, the one it records as it exits, and whether it got as far as ready. Two ways a cache could leave a
 * desk worse off for good are undone here, because a cache is kept until the jar changes:
 * <ul>
 * <li>a JVM refuses a cache recorded under other flags and exits, so every restart would fail the same way;</li>
 * <li>a run stopped before it was ready (Ctrl-C during the first start, a crash) records what it had loaded by then:
 *     measured, 14-16 MB where a full cache is 75-98 MB, and a service mapping such a cache started in 6.4-7.0 s
 *     where one with a full cache took 2.3 s.</li>
 * </ul>
 * A cache is recorded under a name of the launcher's own ({@link JvmFlags#recording}) and renamed once whole.
 * Called by {@link ServiceProcess} only while no process of the service is alive, except {@link #ready}.
 */
final class StartUpCache {

    private final ProcessLog log;
    /** The cache the current process maps, if any. */
    private volatile Path mapped;
    /** The cache the current process records as it exits, if any. */
    private volatile Path recording;
    private volatile boolean wasReady;

    StartUpCache(ProcessLog log) {
        this.log = log;
    }

    /** A new process is started with these flags. */
    void startedWith(List<String> flags) {
        mapped = JvmFlags.mappedCache(flags);
        recording = JvmFlags.recordedArchive(flags);
        wasReady = false;
    }

    /** The current process answered healthy: the cache it records is worth keeping. */
    void ready() {
        wasReady = true;
    }

    /** Whether the current process writes a cache as it exits, which takes the JDK seconds. */
    boolean recordsOnExit() {
        return recording != null;
    }

    /**
     * Whether the process that just died was refused its cache by the JVM ({@code logTail} says so), and that cache is
     * now deleted: started again without it, the service runs as on a first start and records one for its new flags.
     */
    boolean droppedRefused(String logTail) {
        Path cache = mapped;
        if (cache == null || !logTail.contains(JvmFlags.UNUSABLE_CACHE)) {
            return false;
        }
        mapped = null;
        try {
            Files.deleteIfExists(cache);
        } catch (IOException e) {
            return false;
        }
        log.note("the JVM could not use its start-up cache " + cache.getFileName()
                + " (recorded under other JVM flags); starting without it, a new one is recorded when it stops");
        return true;
    }

    /**
     * The process has exited: what it recorded becomes the service's cache if it had been ready and stopped when asked
     * ({@code stoppedWhenAsked}), and is deleted otherwise. A process killed after the stop timed out may have left the
     * JDK's assembling child still writing; a process that died by itself recorded what it had at its end.
     */
    void exited(boolean stoppedWhenAsked) {
        Path recorded = recording;
        if (recorded == null) {
            return;
        }
        recording = null;
        Path cache = JvmFlags.keptAs(recorded);
        // The JDK 21-24 archive is written by the JDK under its own name, shared with any other desk on this build:
        // deleted only when it can only be a fraction of one.
        boolean ownRecording = !recorded.equals(cache);
        try {
            // The JDK's own scratch file of the recording (<recording>.config), which the JDK removes once it has
            // assembled the cache: still there once the process is gone, it is 70-95 MB of nothing (left by a JVM
            // stopped early in its start, and by an assembly that failed on a full disk).
            Files.deleteIfExists(recorded.resolveSibling(recorded.getFileName() + ".config"));
            if (!wasReady || (ownRecording && !stoppedWhenAsked)) {
                if (Files.deleteIfExists(recorded) && !wasReady) {
                    log.note("discarded the start-up cache " + cache.getFileName() + " of a run that stopped before"
                            + " it was ready; the next start records a full one");
                }
            } else if (ownRecording && Files.isRegularFile(recorded)) {
                // Renamed in one step: a service starting now maps either the whole cache or none.
                Files.move(recorded, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // Without a cache the next start is slower, nothing else.
        }
    }
}
