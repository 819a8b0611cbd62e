package campus.helpdesk.launcher.supervise;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Keeps processes running: one watcher thread per process notices when it exits (at once) or stops answering
 * its health check ({@link RestartPolicy#failedProbes()} probes in a row; then it is killed), and starts it
 * again after the policy's backoff; too many crashes in a short time are said loudly, and from then on it is tried
 * at the policy's longest wait, for as long as it takes.
 * {@code ./helpdesk up} supervises what it started; the test suites do not, so a test that stops a service on
 * purpose is not fought (and {@link #pause} lets a supervised one be stopped on purpose too).
 */
public final class Supervisor implements AutoCloseable {

    /** What the status file says about a process. */
    public enum State { UP, RESTARTING, FAILING, STOPPED }

    private final RestartPolicy policy;
    private final PrintStream console;
    private final Clock clock;
    private final StatusFile status;
    private final Map<String, Watch> watches = new LinkedHashMap<>();
    private volatile boolean closed;
    private Thread heartbeat;
    private final Object beats = new Object();

    /**
     * @param statusFile where to keep the status of every process (null: nowhere)
     * @param console    where the restart lines go
     */
    public Supervisor(RestartPolicy policy, Path statusFile, PrintStream console) {
        this(policy, statusFile, console, Clock.systemUTC());
    }

    Supervisor(RestartPolicy policy, Path statusFile, PrintStream console, Clock clock) {
        this.policy = policy;
        this.console = console;
        this.clock = clock;
        this.status = new StatusFile(statusFile);
    }

    /**
     * Starts watching a running process. Nothing happens once the supervisor is closed: the desk is being stopped,
     * possibly while it still starts, and a process handed over now will not be restarted any more.
     */
    public synchronized void watch(Supervised target) {
        if (closed) {
            return;
        }
        if (watches.containsKey(target.name())) {
            throw new IllegalArgumentException(target.name() + " is supervised already");
        }
        if (heartbeat == null) {
            heartbeat = Thread.ofVirtual().name("supervisor-heartbeat").start(this::beat);
        }
        Watch watch = new Watch(target);
        watches.put(target.name(), watch);
        watch.record(State.UP, null);
        watch.thread = Thread.ofVirtual().name("supervise-" + target.name()).start(watch::run);
    }

    /** Stops restarting {@code name} until {@link #resume}: it is being stopped on purpose. */
    public void pause(String name) {
        watch(name).pause();
    }

    /** Supervises {@code name} again, now that it runs again. */
    public void resume(String name) {
        watch(name).resume();
    }

    /** Says in the status file where the desk is to be opened, now that all of it has started. */
    public void announce(String url) {
        status.url(url, clock.instant());
    }

    public boolean supervises(String name) {
        synchronized (this) {
            return watches.containsKey(name);
        }
    }

    public State state(String name) {
        return status.get(watch(name).target.name()).state();
    }

    public int restarts(String name) {
        return watch(name).history.restarts();
    }

    /** Stops watching (nothing is restarted any more); the processes themselves are left as they are. */
    @Override
    public void close() {
        List<Watch> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(watches.values());
        }
        synchronized (beats) {
            // Woken, not interrupted: an interrupt during its write would close the file's channel under it.
            beats.notifyAll();
        }
        all.forEach(w -> w.thread.interrupt());
        for (Watch watch : all) {
            try {
                watch.thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            watch.record(State.STOPPED, watch.lastFailure);
        }
    }

    /**
     * Rewrites the status file every five probe rounds though nothing changed, so that {@code ./helpdesk status} and
     * the About page can tell a supervisor that works from a launcher that hangs or was stopped (its file would
     * otherwise keep saying UP of processes that died meanwhile: StatusFile.SILENT_AFTER).
     */
    private void beat() {
        try {
            while (true) {
                synchronized (beats) {
                    if (!closed) {
                        beats.wait(policy.probeInterval().multipliedBy(5).toMillis());
                    }
                }
                if (closed) {
                    return; // the last states are written by close()
                }
                status.touch(clock.instant());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized Watch watch(String name) {
        Watch watch = watches.get(name);
        if (watch == null) {
            throw new NoSuchElementException(name + " is not supervised");
        }
        return watch;
    }

    private void say(String line) {
        console.println("[launcher] " + line);
    }

    /** The watcher of one process. */
    private final class Watch {

        private final Supervised target;
        private final CrashHistory history = new CrashHistory(policy);
        /** Held while a restart runs, so {@link #pause} waits for it rather than race it. */
        private final Object lock = new Object();
        private volatile boolean paused;
        private volatile String lastFailure;
        private Thread thread;

        Watch(Supervised target) {
            this.target = target;
        }

        void run() {
            try {
                while (!closed) {
                    recover(awaitFailure());
                }
            } catch (InterruptedException e) {
                // close(): stop watching.
            }
        }

        /** Returns how the process failed, once it has; waits while paused. */
        private String awaitFailure() throws InterruptedException {
            int unanswered = 0;
            while (true) {
                String failure = null;
                if (!target.isAlive()) {
                    failure = target.exitDescription();
                } else if (target.answers(policy.probeTimeout())) {
                    unanswered = 0;
                } else if (++unanswered >= policy.failedProbes()) {
                    failure = "stopped answering its health check (" + unanswered + " probes in a row); killed it";
                }
                synchronized (lock) {
                    if (paused) {
                        unanswered = 0;
                    } else if (failure != null) {
                        return failure;
                    }
                }
                target.awaitExit(policy.probeInterval());
            }
        }

        /** Restarts the process until it is healthy, or it is paused or the supervisor closes. */
        private void recover(String failure) throws InterruptedException {
            long down = System.nanoTime();
            if (target.isAlive()) {
                target.kill();
            }
            while (true) {
                lastFailure = failure;
                CrashHistory.Decision restart = history.crashed(clock.instant());
                if (restart instanceof CrashHistory.KeepsFailing failing) {
                    record(State.FAILING, failure);
                    say(target.name() + " KEEPS FAILING: " + failing.crashes() + " crashes within "
                            + failing.window().toMinutes() + " minutes (last: " + failure + "); trying again every "
                            + seconds(failing.delay()) + " until it stays up (restart " + restart.restart()
                            + "). Its log: " + target.log());
                } else {
                    record(State.RESTARTING, failure);
                    say(target.name() + " " + failure + "; restarting in " + seconds(restart.delay()) + " (restart "
                            + restart.restart() + ")");
                }
                Thread.sleep(restart.delay());
                synchronized (lock) {
                    if (paused || closed) {
                        return;
                    }
                    try {
                        target.restart(policy.startTimeout());
                        record(State.UP, failure);
                        say(target.name() + " is back (healthy " + String.format("%.1f", (System.nanoTime() - down)
                                / 1e9) + " s after it went down)");
                        return;
                    } catch (RuntimeException e) {
                        if (closed) {
                            return;
                        }
                        failure = "did not come back: " + firstLine(e.getMessage());
                        target.kill();
                    }
                }
            }
        }

        void pause() {
            synchronized (lock) {
                paused = true;
            }
            record(State.STOPPED, lastFailure);
        }

        void resume() {
            synchronized (lock) {
                paused = false;
            }
            record(State.UP, lastFailure);
        }

        void record(State state, String failure) {
            StatusFile.Entry previous = status.get(target.name());
            boolean same = previous != null && previous.state() == state;
            status.put(target.name(), new StatusFile.Entry(state, history.restarts(),
                    same ? previous.since() : clock.instant(), target.pid(), failure, target.log()), clock.instant());
        }
    }

    private static String seconds(Duration delay) {
        return delay.toMillis() % 1000 == 0 ? delay.toSeconds() + " s" : delay.toMillis() + " ms";
    }

    /** A failure's message in one line, as the launcher says it: the rest (a log's tail) follows elsewhere. */
    public static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
