package campus.helpdesk.demo;

import java.time.Duration;
import java.util.List;

/**
 * What a seed wrote and how long it took; {@code firstId}..{@code lastId} are the new tickets' ids. {@code phases}:
 * the wall-clock time of each step, in order (preparing, the COPY, building indexes, foreign keys, ANALYZE).
 */
public record SeedReport(long tickets, long messages, long events, long firstId, long lastId, Duration duration,
                         List<Phase> phases) {

    /** One step of a load and its wall-clock time. */
    public record Phase(String name, Duration took) {
    }

    public double ticketsPerSecond() {
        return tickets / Math.max(0.001, duration.toNanos() / 1e9);
    }
}
