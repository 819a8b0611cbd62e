package campus.helpdesk.gateway.session;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Sign-ins need no account, so each is a new session for free: a loop of them took every live page of the desk (12
 * a session) and, signing out again, filled the gateway with sign-outs to remember. One address gets
 * {@code helpdesk.session.sign-ins-per-address} a minute (0: no limit), far more than the people at one computer
 * sign in.
 */
@Singleton
public class SignInsPerAddress {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final RecentEvents signIns;

    public SignInsPerAddress(@Value("${helpdesk.session.sign-ins-per-address:30}") int perMinute) {
        this(perMinute, Clock.systemUTC());
    }

    SignInsPerAddress(int perMinute, Clock clock) {
        this.signIns = perMinute > 0 ? new RecentEvents(perMinute, WINDOW, clock) : null;
    }

    /** Counts one sign-in from {@code address}; how long it must wait instead when it has had its share. */
    public synchronized Optional<Duration> take(String address) {
        if (signIns == null) {
            return Optional.empty();
        }
        Optional<Duration> wait = signIns.wait(address);
        if (wait.isEmpty()) {
            signIns.record(address);
        }
        return wait;
    }
}
