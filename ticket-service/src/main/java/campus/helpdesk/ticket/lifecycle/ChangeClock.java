package campus.helpdesk.ticket.lifecycle;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time a change happens, read once per change (for an existing ticket, once its lock is held, so its changes
 * get their times in their order) and given to the lifecycle rules, so the ticket's times, the event's and the
 * message's are one instant. Truncated to microseconds, what PostgreSQL stores, so the ticket a write returns is
 * exactly the row it wrote.
 */
@Singleton
public class ChangeClock {

    private final Clock clock;

    @Inject
    public ChangeClock() {
        this(Clock.systemUTC());
    }

    /** For tests that replay changes at given times. */
    public ChangeClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
