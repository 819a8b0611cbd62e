package campus.helpdesk.analytics.testing;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.feed.ChangeListener;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * For the analytics services' endpoint tests of {@code incidents=collapse} (shipped in this module's test jar): the
 * facts of tickets, some linked to an incident, handed to a read model as feed events, as ticket-service would.
 */
public final class LinkedTickets {

    private static final AtomicLong VERSION = new AtomicLong();

    private LinkedTickets() {
    }

    /** A ticket of {@code category}, closed when {@code closedAt} is given, answered when {@code firstResponseAt} is. */
    public static TicketFacts ticket(long id, Category category, Instant openedAt, @Nullable Instant firstResponseAt,
                                     @Nullable Instant closedAt, @Nullable String assignee,
                                     @Nullable Long incidentId) {
        TicketStatus status = closedAt != null ? TicketStatus.CLOSED
                : assignee != null ? TicketStatus.ACTIVE : TicketStatus.OPEN;
        return new TicketFacts(id, category, status, Priority.HIGH, openedAt, closedAt, firstResponseAt,
                VERSION.incrementAndGet(), assignee, openedAt.plusSeconds(3600), openedAt.plusSeconds(8 * 3600),
                incidentId);
    }

    /** Forget everything the model held and start following the feed from nothing, as after an empty snapshot. */
    public static void startEmpty(ChangeListener model) {
        model.reset();
        model.loaded();
    }

    /** Each ticket's facts as one feed event. */
    public static void publish(ChangeListener model, TicketFacts... tickets) {
        for (TicketFacts ticket : tickets) {
            model.apply(new ChangeEvent(Long.toString(ticket.version()),
                    ticket.incidentId() != null ? EventType.LINKED : EventType.CREATED, ticket.id(), Instant.now(),
                    "staff", false, ticket));
        }
    }
}
