package campus.helpdesk.ticket.counts;

import campus.helpdesk.api.TicketCounts;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.search.ListQuery;
import campus.helpdesk.ticket.search.TicketSearch;
import jakarta.inject.Singleton;

import java.util.EnumSet;

/**
 * Counts per status and per view under the list's filters. Each count is the total the list itself answers for that
 * status or view ({@link TicketSearch#count} counts with the list's own WHERE and total rule, in one statement), so
 * the filters, the text-search cap and the count a tab shows can never disagree with the list under it. The
 * statuses counted are those the caller's list shows when it asks for none; the views count the statuses asked for
 * (a student asking for CLOSED is refused, as by the list).
 */
@Singleton
public class StatusCounts {

    private final TicketSearch search;

    public StatusCounts(TicketSearch search) {
        this.search = search;
    }

    /** {@code filters}: the list's query; its sort and page are not used, its statuses only by the views. */
    public TicketCounts count(Identity who, ListQuery filters) {
        TicketSearch.Counts counts = search.count(who, filters,
                who.listableStatuses(EnumSet.noneOf(TicketStatus.class)), who.listableStatuses(filters.statuses()));
        return new TicketCounts(counts.byStatus(), counts.byView());
    }
}
