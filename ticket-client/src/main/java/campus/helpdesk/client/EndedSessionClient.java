package campus.helpdesk.client;

import campus.helpdesk.api.EndedSessionOperations;
import campus.helpdesk.support.identity.ServiceRoles;
import io.micronaut.http.client.annotation.Client;

/** The gateway's sign-outs, recorded and read back as the gateway itself. */
@Client(id = TicketService.ID)
@SpeaksForItself(ServiceRoles.GATEWAY)
public interface EndedSessionClient extends EndedSessionOperations {
}
