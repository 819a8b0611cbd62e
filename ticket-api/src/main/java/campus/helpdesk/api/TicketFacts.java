package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * The facts of a ticket after a change, carried by every feed event so a consumer can replace the old facts by
 * the new ones. {@code version} lets a consumer ignore facts older than those it holds. The due times are the
 * ticket's response targets as ticket-service stored them, so every reader judges a ticket against the same ones. {@code incidentId}: the
 * incident the ticket is linked to, so analytics can count an outage once ({@code incidents=collapse}).
 */
@Serdeable
public record TicketFacts(long id, Category category, TicketStatus status, Priority priority, Instant openedAt,
                          @Nullable Instant closedAt, @Nullable Instant firstResponseAt, long version,
                          @Nullable String assignee, @Nullable Instant firstResponseDueAt,
                          @Nullable Instant resolutionDueAt, @Nullable Long incidentId) {

    /** Facts of a ticket in no incident. */
    public TicketFacts(long id, Category category, TicketStatus status, Priority priority, Instant openedAt,
                       @Nullable Instant closedAt, @Nullable Instant firstResponseAt, long version,
                       @Nullable String assignee, @Nullable Instant firstResponseDueAt,
                       @Nullable Instant resolutionDueAt) {
        this(id, category, status, priority, openedAt, closedAt, firstResponseAt, version, assignee,
                firstResponseDueAt, resolutionDueAt, null);
    }
}
