package campus.helpdesk.ticket.counts;

import campus.helpdesk.api.TicketCountOperations;
import campus.helpdesk.api.TicketCounts;
import campus.helpdesk.support.identity.ServiceRoles;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.search.ListQuery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

/** The queue's tab counts; the same callers as the list, whose parsing (and 400s) it shares. */
@Secured({ServiceRoles.STUDENT, ServiceRoles.STAFF, ServiceRoles.ANALYST})
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class TicketCountsController implements TicketCountOperations {

    private final StatusCounts counts;

    public TicketCountsController(StatusCounts counts) {
        this.counts = counts;
    }

    @Override
    public TicketCounts counts(@Nullable String status, @Nullable String category, @Nullable String priority,
                               @Nullable String q, @Nullable String openedFrom, @Nullable String openedTo,
                               @Nullable String closedFrom, @Nullable String needsReview, @Nullable String assignee,
                               @Nullable String reporter, @Nullable String sla, @Nullable String incident) {
        ListQuery filters = ListQuery.parse(status, category, priority, q, openedFrom, openedTo, closedFrom,
                needsReview, assignee, reporter, sla, incident, null, null, null);
        return counts.count(Identity.current(), filters);
    }
}
