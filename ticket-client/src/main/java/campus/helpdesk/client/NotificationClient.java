package campus.helpdesk.client;

import campus.helpdesk.api.NotificationOperations;
import io.micronaut.http.client.annotation.Client;

/** Email notifications: whether they are on, and (staff) a ticket's address and mails; inside {@link OnBehalfOf#call}. */
@Client(id = TicketService.ID)
public interface NotificationClient extends NotificationOperations {
}
