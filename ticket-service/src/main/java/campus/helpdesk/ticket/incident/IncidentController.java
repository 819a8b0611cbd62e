package campus.helpdesk.ticket.incident;

import campus.helpdesk.api.IncidentLinks;
import campus.helpdesk.api.IncidentOperations;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.support.identity.ServiceRoles;
import campus.helpdesk.ticket.identity.Identity;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;

/**
 * The writes of {@link IncidentOperations}: joining a ticket, linking and unlinking. Its suggestions
 * ({@code GET /api/tickets/similar}) are a search and live with the search, so this controller declares the three
 * routes itself, as the contract spells them, instead of implementing the whole interface. Analysts change nothing.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class IncidentController {

    private final Following following;
    private final Links links;

    public IncidentController(Following following, Links links) {
        this.following = following;
        this.links = links;
    }

    /** See {@link IncidentOperations#follow}. */
    @Post("/api/tickets/{id}/followers")
    @Secured({ServiceRoles.STUDENT, ServiceRoles.STAFF})
    public HttpResponse<Void> follow(@PathVariable long id) {
        following.follow(Identity.current(), id);
        return HttpResponse.noContent();
    }

    /** See {@link IncidentOperations#link}. */
    @Post("/api/tickets/{id}/links")
    @Secured(ServiceRoles.STAFF)
    public Ticket link(@PathVariable long id, @Body @Valid IncidentLinks body) {
        return links.link(Identity.current(), id, body);
    }

    /** See {@link IncidentOperations#unlink}. */
    @Delete("/api/tickets/{id}/links/{child}")
    @Secured(ServiceRoles.STAFF)
    public HttpResponse<Void> unlink(@PathVariable long id, @PathVariable long child) {
        links.unlink(Identity.current(), id, child);
        return HttpResponse.noContent();
    }
}
