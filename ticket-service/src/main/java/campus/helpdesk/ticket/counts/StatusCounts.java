package campus.helpdesk.ticket.counts;

import campus.helpdesk.api.Audience;
import campus.helpdesk.api.Role;
import campus.helpdesk.api.TicketCounts;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.search.ListQuery;
import campus.helpdesk.ticket.search.TicketSearch;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

/**
 * Counts per status under the list's filters. Each count is the total the list itself answers for that status, so
 * the filters, the text-search cap and the count a tab shows can never disagree with the list under it; the
 * statuses counted are those {@link Audience} lets the caller see.
 */
@Singleton
public class StatusCounts {

    private final TicketSearch search;

    public StatusCounts(TicketSearch search) {
        this.search = search;
    }

    /** {@code filters}: the list's query; its statuses, sort and page are not used. */
    public TicketCounts count(Role role, ListQuery filters) {
        Map<TicketStatus, Long> byStatus = new EnumMap<>(TicketStatus.class);
        for (TicketStatus status : TicketStatus.values()) {
            if (Audience.maySeeTicket(role, status)) {
                byStatus.put(status, search.list(filters, EnumSet.of(status)).total());
            }
        }
        return new TicketCounts(byStatus);
    }
}
