package campus.helpdesk.api;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A ticket as every client sees it. {@code needsReview}: the classifier was not sure of the category.
 * {@code firstResponseDueAt} / {@code resolutionDueAt}: its response targets, from its priority and opening time;
 * {@code sla}: where it stands against them now. {@code unread}: whether a message arrived that the caller has not
 * seen since last opening the ticket (answered per caller, on the tickets they report or are assigned; null where
 * the question does not apply). {@code previousTicketId}: the ticket this one follows up on, or null.
 * {@code incidentId}: the incident (a parent ticket) this one is linked to, or null; on an incident,
 * {@code linkedCount} (its linked tickets) and {@code followerCount} (people who joined it with "this is my problem
 * too"); both null on a ticket nothing is linked to and nobody follows.
 */
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
        long version,
        @Nullable Instant firstResponseDueAt,
        @Nullable Instant resolutionDueAt,
        @Nullable ServiceLevel sla,
        @Nullable Boolean unread,
        @Nullable Long previousTicketId,
        @Nullable Long incidentId,
        @Nullable Integer linkedCount,
        @Nullable Integer followerCount) {

    @Creator
    public Ticket {
    }

    /** A ticket in no incident. */
    public Ticket(long id, String title, String description, @Nullable String location, Priority priority,
                  TicketStatus status, Category category, double categoryConfidence, CategorySource categorySource,
                  boolean needsReview, String reporterName, @Nullable String assignee, Instant openedAt,
                  Instant updatedAt, @Nullable Instant firstResponseAt, @Nullable Instant closedAt, long version,
                  @Nullable Instant firstResponseDueAt, @Nullable Instant resolutionDueAt, @Nullable ServiceLevel sla,
                  @Nullable Boolean unread, @Nullable Long previousTicketId) {
        this(id, title, description, location, priority, status, category, categoryConfidence, categorySource,
                needsReview, reporterName, assignee, openedAt, updatedAt, firstResponseAt, closedAt, version,
                firstResponseDueAt, resolutionDueAt, sla, unread, previousTicketId, null, null, null);
    }

    /** A ticket that follows up on no other. */
    public Ticket(long id, String title, String description, @Nullable String location, Priority priority,
                  TicketStatus status, Category category, double categoryConfidence, CategorySource categorySource,
                  boolean needsReview, String reporterName, @Nullable String assignee, Instant openedAt,
                  Instant updatedAt, @Nullable Instant firstResponseAt, @Nullable Instant closedAt, long version,
                  @Nullable Instant firstResponseDueAt, @Nullable Instant resolutionDueAt, @Nullable ServiceLevel sla,
                  @Nullable Boolean unread) {
        this(id, title, description, location, priority, status, category, categoryConfidence, categorySource,
                needsReview, reporterName, assignee, openedAt, updatedAt, firstResponseAt, closedAt, version,
                firstResponseDueAt, resolutionDueAt, sla, unread, null, null, null, null);
    }
}
