package campus.helpdesk.ticket.search;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.CategorySource;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Where;

import java.time.Instant;

/**
 * The {@code tickets} table as the reads see it: live tickets only (a deleted ticket is spam and vanishes from every
 * read), with the columns of the API's {@code Ticket}, which the repository returns directly. Never saved through
 * Micronaut Data: tickets are written by the lifecycle's own SQL, where a create is one statement with its event.
 */
@MappedEntity("tickets")
@Where("@.deleted_at IS NULL")
record LiveTicket(@Id long id, String title, String description, @Nullable String location, Priority priority,
                  TicketStatus status, Category category, double categoryConfidence, CategorySource categorySource,
                  boolean needsReview, String reporterName, @Nullable String assignee, Instant openedAt,
                  Instant updatedAt, @Nullable Instant firstResponseAt, @Nullable Instant closedAt, long version) {

    Ticket toTicket() {
        return new Ticket(id, title, description, location, priority, status, category, categoryConfidence,
                categorySource, needsReview, reporterName, assignee, openedAt, updatedAt, firstResponseAt, closedAt,
                version, null, null, null, null);
    }
}
