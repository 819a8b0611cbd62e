package campus.helpdesk.launcher.supervise;

import java.time.Duration;
import java.util.Objects;

/**
 * When a crashed process is started again.
 *
 * <p>The wait before a restart starts at {@code firstDelay} and doubles with each crash up to {@code maxDelay};
 * a crash more than {@code window} after the previous one starts the doubling over. {@code maxCrashes} crashes
 * within {@code window} mean something is wrong that a quick restart does not mend (a port another program holds,
 * a broken jar, a full disk): the supervisor says so loudly and tries only every {@code maxDelay} from then on,
 * for as long as it takes ({@link CrashHistory.KeepsFailing}).
 *
 * @param probeInterval  time between two health probes of a running process
 * @param probeTimeout   how long one probe may wait for an answer
 * @param failedProbes   consecutive unanswered probes after which a process counts as hung and is killed
 * @param startTimeout   how long a restarted process may take to become healthy
 */
public record RestartPolicy(Duration firstDelay, Duration maxDelay, int maxCrashes, Duration window,
                            Duration probeInterval, Duration probeTimeout, int failedProbes,
                            Duration startTimeout) {

    /**
     * 1 s doubling to 30 s; after 5 crashes in 5 minutes, every 30 s until it stays up. A hung process is noticed after 3 probes 2 s apart
     * (1.5 s each), about 8 s; a busy but live service answers well within that on two loaded cores.
     */
    public static final RestartPolicy DEFAULT = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5,
            Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofMillis(1500), 3, Duration.ofSeconds(120));

    public RestartPolicy {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(probeInterval, "probeInterval");
        Objects.requireNonNull(probeTimeout, "probeTimeout");
        Objects.requireNonNull(startTimeout, "startTimeout");
        if (maxCrashes < 1 || failedProbes < 1) {
            throw new IllegalArgumentException("maxCrashes and failedProbes must be at least 1");
        }
    }

    /** The wait before the restart that follows the {@code streak}-th crash in a row (1-based). */
    Duration delay(int streak) {
        Duration delay = firstDelay;
        for (int i = 1; i < streak && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
