package campus.helpdesk.client;

import campus.helpdesk.api.TicketCountOperations;
import campus.helpdesk.api.TicketOperations;
import io.micronaut.http.client.annotation.Client;

/** Tickets, as a person: run each call inside {@link OnBehalfOf#call}. */
@Client(id = TicketService.ID)
public interface TicketClient extends TicketOperations, TicketCountOperations {
}
