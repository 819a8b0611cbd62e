package campus.helpdesk.ticket.counts;

import campus.helpdesk.api.TicketCounts;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.search.ListQuery;
import campus.helpdesk.ticket.search.TicketSearch;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.Map;

/**
 * Counts per status under the list's filters. Each count is the total the list itself answers for that status
 * ({@link TicketSearch#countByStatus} counts with the list's own WHERE and total rule, in one statement), so the
 * filters, the text-search cap and the count a tab shows can never disagree with the list under it; the statuses
 * counted are those the caller's list shows when it asks for none.
 */
@Singleton
public class StatusCounts {

    private final TicketSearch search;

    public StatusCounts(TicketSearch search) {
        this.search = search;
    }

    /** {@code filters}: the list's query; its statuses, sort and page are not used. */
    public TicketCounts count(Identity who, ListQuery filters) {
        return new TicketCounts(search.countByStatus(filters,
                who.listableStatuses(EnumSet.noneOf(TicketStatus.class))), Map.of());
    }
}
