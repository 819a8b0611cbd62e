package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

/**
 * The queue's tab counts in one request: the list's filters (everything but status, sort and paging), counted per
 * status. Filters are plain text, as in {@link TicketOperations#list}, so a bad value gets a problem naming it.
 */
public interface TicketCountOperations {

    @Get("/api/tickets/counts{?category,priority,q,openedFrom,openedTo,needsReview}")
    TicketCounts counts(@Nullable @QueryValue String category,
                        @Nullable @QueryValue String priority,
                        @Nullable @QueryValue String q,
                        @Nullable @QueryValue String openedFrom,
                        @Nullable @QueryValue String openedTo,
                        @Nullable @QueryValue String needsReview);
}
