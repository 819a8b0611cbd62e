package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

/**
 * The queue's tab counts in one request, on the list's filters (as in {@link TicketOperations#list}; plain text, so
 * a bad value gets a problem naming it): {@code byStatus} over every filter but status; {@code byView} (Mine,
 * Unassigned, All) over every filter but assignee, status included.
 */
public interface TicketCountOperations {

    @Get("/api/tickets/counts{?status,category,priority,q,openedFrom,openedTo,closedFrom,needsReview,assignee,reporter,"
            + "sla,incident}")
    TicketCounts counts(@Nullable @QueryValue String status,
                        @Nullable @QueryValue String category,
                        @Nullable @QueryValue String priority,
                        @Nullable @QueryValue String q,
                        @Nullable @QueryValue String openedFrom,
                        @Nullable @QueryValue String openedTo,
                        @Nullable @QueryValue String closedFrom,
                        @Nullable @QueryValue String needsReview,
                        @Nullable @QueryValue String assignee,
                        @Nullable @QueryValue String reporter,
                        @Nullable @QueryValue String sla,
                        @Nullable @QueryValue String incident);
}
