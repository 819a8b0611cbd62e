package campus.helpdesk.launcher.supervise;

import java.nio.file.Path;
import java.time.Duration;

/** Something the {@link Supervisor} keeps running: a service process, or the embedded PostgreSQL. */
public interface Supervised {

    /** As people know it: {@code ticket-service}, {@code postgresql}. */
    String name();

    /** Where its output goes, for the line that says the supervisor gave up. */
    Path log();

    /** The process id, or -1 when it has none. */
    long pid();

    boolean isAlive();

    /** Waits until the process exits or {@code timeout} passes; true when it has exited. */
    boolean awaitExit(Duration timeout) throws InterruptedException;

    /** How it ended, e.g. {@code exited (code 137)}. */
    String exitDescription();

    /**
     * Whether it answers its health check within {@code timeout}. Any answer counts, DOWN included: a service
     * whose database is away says so, and a restart would not bring the database back.
     */
    boolean answers(Duration timeout) throws InterruptedException;

    /** Kills it at once (SIGKILL: a stopped or hung process cannot refuse) and waits until it is gone. */
    void kill();

    /**
     * Starts it again and waits until it is healthy.
     *
     * @throws RuntimeException when it does not become healthy within {@code timeout}; the message says why
     */
    void restart(Duration timeout);
}
