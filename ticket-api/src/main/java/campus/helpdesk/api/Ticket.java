package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A ticket as every client sees it. {@code needsReview}: the classifier was not sure of the category. */
@Serdeable
public record Ticket(
        long id,
        String title,
        String description,
        @Nullable String location,
        Priority priority,
        TicketStatus status,
        Category category,
        double categoryConfidence,
        CategorySource categorySource,
        boolean needsReview,
        String reporterName,
        @Nullable String assignee,
        Instant openedAt,
        Instant updatedAt,
        @Nullable Instant firstResponseAt,
        @Nullable Instant closedAt,
        long version) {
}
