package campus.helpdesk.client;

import campus.helpdesk.api.IncidentOperations;
import io.micronaut.http.client.annotation.Client;

/**
 * Followers, links to an incident and similar open tickets, as a person: run each call inside
 * {@link OnBehalfOf#call}.
 */
@Client(id = TicketService.ID)
public interface IncidentClient extends IncidentOperations {
}
