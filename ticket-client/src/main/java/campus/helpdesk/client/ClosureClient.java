package campus.helpdesk.client;

import campus.helpdesk.api.Closure;
import campus.helpdesk.api.ClosureOperations;
import campus.helpdesk.support.identity.ServiceRoles;
import io.micronaut.http.client.annotation.Client;

/**
 * How closed tickets ended. A person's list of their solved tickets runs inside {@link OnBehalfOf#call}; the
 * gateway reads one closure as itself, to tell the reporter's open browsers.
 */
@Client(id = TicketService.ID)
public interface ClosureClient extends ClosureOperations {

    @Override
    @SpeaksForItself(ServiceRoles.GATEWAY)
    Closure closure(long id);
}
