package campus.helpdesk.feed;

import campus.helpdesk.api.ChangeFeedOperations;
import campus.helpdesk.api.HelpdeskHeaders;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.client.annotation.Client;

/**
 * The change feed of ticket-service, called as STAFF under this application's name. The address and the read
 * timeout (longer than the long-poll wait) come from {@code micronaut.http.services.ticket-service.*}.
 */
@Client(id = TicketServiceClient.SERVICE_ID)
@Header(name = HelpdeskHeaders.ROLE, value = "STAFF")
@Header(name = HelpdeskHeaders.USER, value = "${micronaut.application.name}")
public interface TicketServiceClient extends ChangeFeedOperations {
    String SERVICE_ID = "ticket-service";
}
