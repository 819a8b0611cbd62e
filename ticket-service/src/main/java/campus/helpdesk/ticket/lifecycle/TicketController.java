package campus.helpdesk.ticket.lifecycle;

import campus.helpdesk.support.identity.ServiceRoles;
import io.micronaut.security.annotation.Secured;
import campus.helpdesk.api.Audience;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.Handover;
import campus.helpdesk.api.HelpdeskHeaders;
import campus.helpdesk.api.HistoryEntry;
import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.StatusChange;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketOperations;
import campus.helpdesk.api.TicketPage;
import campus.helpdesk.api.TicketPatch;
import campus.helpdesk.ticket.history.TicketHistory;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.search.ListQuery;
import campus.helpdesk.ticket.search.TicketSearch;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.net.URI;
import java.util.List;

/**
 * Thin: reads the identity, calls one domain method, maps the result. The rules live in {@link TicketRules} and
 * {@link Identity}. Analysts may call the reads (marked per method), never a write.
 */
@Secured({ServiceRoles.STUDENT, ServiceRoles.STAFF})
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class TicketController implements TicketOperations {

    /** Set on a 200 answer to a retried POST: the ticket is the one the first request with that key created. */
    public static final String REPLAYED_HEADER = HelpdeskHeaders.IDEMPOTENT_REPLAYED;

    private final TicketCreation creation;
    private final TicketChanges changes;
    private final TicketSearch search;
    private final TicketHistory history;
    private final ReadMarks reads;

    public TicketController(TicketCreation creation, TicketChanges changes, TicketSearch search,
                            TicketHistory history, ReadMarks reads) {
        this.creation = creation;
        this.changes = changes;
        this.search = search;
        this.history = history;
        this.reads = reads;
    }

    @Override
    public HttpResponse<Ticket> create(NewTicket ticket, @Nullable String idempotencyKey) {
        TicketCreation.Created result = creation.create(Identity.current(), ticket, idempotencyKey);
        URI location = URI.create("/api/tickets/" + result.ticket().id());
        if (result.isNew()) {
            return HttpResponse.created(result.ticket(), location);
        }
        return HttpResponse.ok(result.ticket()).header(HttpHeaders.LOCATION, location.toString())
                .header(REPLAYED_HEADER, "true");
    }

    @Override
    @Secured({ServiceRoles.STUDENT, ServiceRoles.STAFF, ServiceRoles.ANALYST})
    public TicketPage list(@Nullable String status, @Nullable String category, @Nullable String priority,
                           @Nullable String q, @Nullable String openedFrom, @Nullable String openedTo,
                           @Nullable String closedFrom,
                           @Nullable String needsReview, @Nullable String assignee, @Nullable String reporter,
                           @Nullable String sla, @Nullable String incident, @Nullable String sort,
                           @Nullable String page, @Nullable String size) {
        ListQuery query = ListQuery.parse(status, category, priority, q, openedFrom, openedTo, closedFrom, needsReview,
                assignee, reporter, sla, incident, sort, page, size);
        Identity who = Identity.current();
        return search.list(who, query, who.listableStatuses(query.statuses()));
    }

    @Override
    @Secured({ServiceRoles.STUDENT, ServiceRoles.STAFF, ServiceRoles.ANALYST})
    public Ticket get(long id) {
        return search.one(Identity.current(), id);
    }

    @Override
    public Ticket patch(long id, TicketPatch patch, @Nullable String ifMatch) {
        return changes.patch(Identity.current(), id, patch, ifMatch);
    }

    @Override
    public Ticket changeStatus(long id, StatusChange change, @Nullable String ifMatch) {
        return changes.changeStatus(Identity.current(), id, change, ifMatch);
    }

    /** Staff only; checked here by the role the token carries, and again by the domain for a problem+json 403. */
    @Override
    @Secured(ServiceRoles.STAFF)
    public Ticket handOver(long id, Handover handover, @Nullable String ifMatch) {
        return changes.handOver(Identity.current(), id, handover, ifMatch);
    }

    @Override
    public HttpResponse<Void> markRead(long id) {
        reads.markRead(Identity.current(), id);
        return HttpResponse.noContent();
    }

    @Override
    public HttpResponse<Void> delete(long id) {
        changes.delete(Identity.current(), id);
        return HttpResponse.noContent();
    }

    @Override
    @Secured({ServiceRoles.STUDENT, ServiceRoles.STAFF, ServiceRoles.ANALYST})
    public List<HistoryEntry> history(long id) {
        Identity who = Identity.current();
        search.one(who, id); // 404 unless this caller may see the ticket
        return history.of(id, who.maySeeInternalNotes()).stream()
                .filter(e -> e.type() != EventType.FOLLOWED
                        || Audience.maySeeWhoJoined(who.role(), who.user(), e.actor()))
                .toList();
    }
}
