package campus.helpdesk.demo;

import java.time.Instant;

/**
 * What to generate: {@code tickets} opened over the {@code months} before {@code now}, the same data for the same
 * {@code seed} (ids aside, which come from the database's sequence).
 */
public record SeedPlan(int tickets, int months, long seed, Instant now) {

    public static final int MAX_TICKETS = 10_000_000;
    public static final int MAX_MONTHS = 120;

    public SeedPlan {
        if (tickets < 1 || tickets > MAX_TICKETS) {
            throw new IllegalArgumentException("tickets must be between 1 and " + MAX_TICKETS + ": " + tickets);
        }
        if (months < 1 || months > MAX_MONTHS) {
            throw new IllegalArgumentException("months must be between 1 and " + MAX_MONTHS + ": " + months);
        }
        if (now == null) {
            throw new IllegalArgumentException("now is required");
        }
    }

    public static SeedPlan of(int tickets, int months) {
        return new SeedPlan(tickets, months, 20261123L, Instant.now());
    }
}
