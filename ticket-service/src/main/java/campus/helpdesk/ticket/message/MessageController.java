package campus.helpdesk.ticket.message;

import campus.helpdesk.support.identity.ServiceRoles;
import io.micronaut.security.annotation.Secured;
import campus.helpdesk.api.Message;
import campus.helpdesk.api.MessageOperations;
import campus.helpdesk.api.NewMessage;
import campus.helpdesk.ticket.identity.Identity;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.net.URI;
import java.util.List;

@Secured({ServiceRoles.STUDENT, ServiceRoles.STAFF})
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class MessageController implements MessageOperations {

    private final Messages messages;

    public MessageController(Messages messages) {
        this.messages = messages;
    }

    @Override
    public List<Message> messages(long id) {
        return messages.list(Identity.current(), id);
    }

    @Override
    public HttpResponse<Message> post(long id, NewMessage message) {
        Message created = messages.post(Identity.current(), id, message);
        return HttpResponse.created(created, URI.create("/api/tickets/" + id + "/messages"));
    }
}
