package campus.helpdesk.launcher;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How long a starting service is waited for ({@link ServiceProcess#awaitHealthy}): the start's own timeout for a
 * first answer; longer while its log still grows (a minute of silence ends it, {@link #SLOW_START_LIMIT} at most);
 * and up to {@link #LOADING_LIMIT} in all once it answers but is not ready yet.
 */
final class StartDeadline {

    /** How long a service that answers but is still loading may take to be ready. */
    static final Duration LOADING_LIMIT = Duration.ofMinutes(15);
    /**
     * Past the start's own timeout, how long a service that does not answer yet may stay silent: one that still
     * writes its log is starting, only slowly (a machine busy with other work took 108 s to Micronaut's "Startup
     * completed"), and giving up on it made every retry as slow, its start-up cache discarded each time.
     */
    static final Duration SILENCE_LIMIT = Duration.ofSeconds(60);
    /**
     * However much it writes, a service that has not answered once by then is given up: a process stuck in a retry
     * loop before its port opens must not hold a start (or a supervisor's restart) for the {@link #LOADING_LIMIT}.
     */
    static final Duration SLOW_START_LIMIT = Duration.ofMinutes(5);

    private final LongSupplier nanoTime;
    private final long started;
    private long deadline;
    private boolean answered;
    private long logged;
    private long lastProgress;

    StartDeadline(Duration timeout, long logSize, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        this.deadline = started + timeout.toNanos();
        this.logged = logSize;
        this.lastProgress = started;
    }

    /** The service answered, not ready yet: it is loading, which may take minutes. */
    void answered() {
        if (!answered) {
            answered = true;
            deadline = Math.max(deadline, started + LOADING_LIMIT.toNanos());
        }
    }

    /** Its log is this long now: grown, it is making progress. */
    void logIs(long size) {
        if (size != logged) {
            logged = size;
            lastProgress = nanoTime.getAsLong();
            deadline = Math.max(deadline, Math.min(lastProgress + SILENCE_LIMIT.toNanos(),
                    started + (answered ? LOADING_LIMIT : SLOW_START_LIMIT).toNanos()));
        }
    }

    boolean passed() {
        return nanoTime.getAsLong() > deadline;
    }

    /** Why it was given up, after "&lt;service&gt; ". */
    String why(Object healthUri) {
        long now = nanoTime.getAsLong();
        return answered
                ? "answered but was not ready at " + healthUri + " within "
                        + Duration.ofNanos(deadline - started).toSeconds() + " s"
                : "was not healthy at " + healthUri + " within " + Duration.ofNanos(now - started).toSeconds()
                        + " s (its log silent for " + Duration.ofNanos(now - lastProgress).toSeconds() + " s)";
    }
}
