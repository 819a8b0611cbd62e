package campus.helpdesk.gateway.session;

import campus.helpdesk.api.Text;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Limits wrong staff codes, per client address and per name, so the code cannot be guessed by trying: after
 * {@link #LIMIT} wrong codes within {@link #WINDOW}, that address (or that name, from any address) must wait until
 * the oldest of them leaves the window. Kept in memory: each gateway replica counts its own, which at worst
 * multiplies the limit by the number of replicas.
 */
@Singleton
public class SignInThrottle {

    static final int LIMIT = 5;
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Past this many tracked keys, old ones are dropped first so a flood of addresses cannot fill the memory. */
    private static final int MAX_KEYS = 50_000;

    private final Map<String, Deque<Instant>> failures = new HashMap<>();
    private final Clock clock;

    public SignInThrottle() {
        this(Clock.systemUTC());
    }

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this address or name must wait before trying a code again; empty when it may try now. */
    public synchronized Optional<Duration> retryAfter(String address, String name) {
        Instant now = clock.instant();
        return later(wait(key("address", address), now), wait(key("name", name), now));
    }

    public synchronized void recordFailure(String address, String name) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.values().removeIf(times -> prune(times, now).isEmpty());
        }
        failures.computeIfAbsent(key("address", address), k -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent(key("name", name), k -> new ArrayDeque<>()).addLast(now);
    }

    private Optional<Duration> wait(String key, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null || prune(times, now).size() < LIMIT) {
            return Optional.empty();
        }
        Duration wait = Duration.between(now, times.peekFirst().plus(WINDOW));
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }

    private static Deque<Instant> prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
            times.removeFirst();
        }
        return times;
    }

    private static Optional<Duration> later(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    private static String key(String kind, String value) {
        // Names differ only in case or spaces would otherwise each get their own five tries.
        return kind + ":" + Text.composed(value.strip()).toLowerCase(java.util.Locale.ROOT);
    }
}
