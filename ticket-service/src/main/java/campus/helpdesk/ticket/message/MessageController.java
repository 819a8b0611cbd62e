package campus.helpdesk.ticket.message;

import campus.helpdesk.support.identity.ServiceRoles;
import io.micronaut.security.annotation.Secured;
import campus.helpdesk.api.HelpdeskHeaders;
import campus.helpdesk.api.Message;
import campus.helpdesk.api.MessageOperations;
import campus.helpdesk.api.NewMessage;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.search.TicketSearch;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.net.URI;
import java.util.List;

/** Analysts read a ticket's public messages; only students and staff write them. */
@Secured({ServiceRoles.STUDENT, ServiceRoles.STAFF})
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class MessageController implements MessageOperations {

    private final Messages messages;
    private final MessageThread thread;
    private final TicketSearch tickets;

    public MessageController(Messages messages, MessageThread thread, TicketSearch tickets) {
        this.messages = messages;
        this.thread = thread;
        this.tickets = tickets;
    }

    @Override
    @Secured({ServiceRoles.STUDENT, ServiceRoles.STAFF, ServiceRoles.ANALYST})
    public List<Message> messages(long id) {
        Identity who = Identity.current();
        tickets.one(who, id); // 404 unless this caller may see the ticket
        return thread.of(id, who.maySeeInternalNotes());
    }

    @Override
    public HttpResponse<Message> post(long id, NewMessage message, @Nullable String idempotencyKey) {
        Messages.Posted posted = messages.post(Identity.current(), id, message, idempotencyKey);
        URI location = URI.create("/api/tickets/" + id + "/messages");
        if (posted.isNew()) {
            return HttpResponse.created(posted.message(), location);
        }
        return HttpResponse.ok(posted.message()).header(HttpHeaders.LOCATION, location.toString())
                .header(HelpdeskHeaders.IDEMPOTENT_REPLAYED, "true");
    }
}
