package campus.helpdesk.launcher.supervise;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The crashes of one supervised process, and what the {@link RestartPolicy} says to do about the next one.
 * Pure bookkeeping on the instants it is given, so it is tested without waiting.
 */
public final class CrashHistory {

    /** What to do after a crash: start it again after {@code delay()}, its {@code restart()}-th restart. */
    public sealed interface Decision permits Restart, KeepsFailing {
        Duration delay();

        int restart();
    }

    /** Start it again after {@code delay}; this will be its {@code restart}-th restart. */
    public record Restart(Duration delay, int restart) implements Decision {
    }

    /**
     * {@code crashes} crashes within {@code window}: something a quick restart does not mend (a port another program
     * holds, a broken jar, a full disk), so it is tried only every {@code delay}, the policy's longest wait, until it
     * stays up. Never given up on: what was wrong may pass while nobody is watching, and a desk that stays down until
     * someone restarts it by hand is the accident supervision is there to mend.
     */
    public record KeepsFailing(int crashes, Duration window, Duration delay, int restart) implements Decision {
    }

    private final RestartPolicy policy;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private Instant lastCrash;
    private int streak;
    private int restarts;

    public CrashHistory(RestartPolicy policy) {
        this.policy = policy;
    }

    /** Records a crash at {@code now} and decides. */
    public synchronized Decision crashed(Instant now) {
        Instant windowStart = now.minus(policy.window());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(windowStart)) {
            recent.removeFirst();
        }
        recent.addLast(now);
        streak = lastCrash != null && lastCrash.isAfter(windowStart) ? streak + 1 : 1;
        lastCrash = now;
        restarts++;
        if (recent.size() >= policy.maxCrashes()) {
            return new KeepsFailing(recent.size(), policy.window(), policy.maxDelay(), restarts);
        }
        return new Restart(policy.delay(streak), restarts);
    }

    public synchronized int restarts() {
        return restarts;
    }
}
