package campus.helpdesk.client;

import campus.helpdesk.api.MessageOperations;
import io.micronaut.http.client.annotation.Client;

/** Messages under a ticket, as a person: run each call inside {@link OnBehalfOf#call}. */
@Client(id = TicketService.ID)
public interface MessageClient extends MessageOperations {
}
