package campus.helpdesk.demo;

import java.time.Duration;

/** What a seed wrote and how long it took; {@code firstId}..{@code lastId} are the new tickets' ids. */
public record SeedReport(long tickets, long messages, long events, long firstId, long lastId, Duration duration) {

    public double ticketsPerSecond() {
        return tickets / Math.max(0.001, duration.toNanos() / 1e9);
    }
}
