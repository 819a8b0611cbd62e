package campus.helpdesk.client;

import campus.helpdesk.api.ClassifyOperations;
import io.micronaut.http.client.annotation.Client;

/** The category suggestion, as a person: run each call inside {@link OnBehalfOf#call}. */
@Client(id = TicketService.ID)
public interface ClassifyClient extends ClassifyOperations {
}
