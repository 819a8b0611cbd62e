package campus.helpdesk.gateway.session;

import campus.helpdesk.api.Text;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
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

    private final RecentEvents failures;

    public SignInThrottle() {
        this(Clock.systemUTC());
    }

    SignInThrottle(Clock clock) {
        this.failures = new RecentEvents(LIMIT, WINDOW, clock);
    }

    /** How long this address or name must wait before trying a code again; empty when it may try now. */
    public synchronized Optional<Duration> retryAfter(String address, String name) {
        return later(failures.wait(key("address", address)), failures.wait(key("name", name)));
    }

    public synchronized void recordFailure(String address, String name) {
        failures.record(key("address", address));
        failures.record(key("name", name));
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
