package campus.helpdesk.gateway.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts what happened lately under each key (an address, a name): at most {@code limit} within {@code window},
 * after which the key waits until its oldest leaves the window. Kept in memory: each gateway replica counts its own,
 * which at worst multiplies a limit by the number of replicas. Not thread-safe: its owner synchronises.
 */
final class RecentEvents {

    /**
     * The most keys kept: past it the one counted least lately is forgotten (it starts again from nothing), so a flood
     * of keys costs neither unbounded memory nor a walk of them all on each event.
     */
    static final int MAX_KEYS = 50_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> times = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    RecentEvents(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** How long {@code key} must wait before the next counts; empty when it may go on now. */
    Optional<Duration> wait(String key) {
        Instant now = clock.instant();
        Deque<Instant> recent = times.get(key);
        if (recent == null || prune(recent, now).size() < limit) {
            return Optional.empty();
        }
        Duration wait = Duration.between(now, recent.peekFirst().plus(window));
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }

    void record(String key) {
        Instant now = clock.instant();
        Deque<Instant> recent = prune(times.computeIfAbsent(key, k -> new ArrayDeque<>()), now);
        recent.addLast(now);
    }

    private Deque<Instant> prune(Deque<Instant> recent, Instant now) {
        while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
            recent.removeFirst();
        }
        return recent;
    }
}
