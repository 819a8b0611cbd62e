package campus.helpdesk.feed;

import campus.helpdesk.api.ChangeFeedOperations;
import io.micronaut.http.client.annotation.Client;

/**
 * The change feed of ticket-service, called with this application's own FEED token ({@link FeedTokenFilter}). The address and the read
 * timeout (longer than the long-poll wait) come from {@code micronaut.http.services.ticket-service.*}.
 */
@Client(id = TicketServiceClient.SERVICE_ID)
public interface TicketServiceClient extends ChangeFeedOperations {
    String SERVICE_ID = "ticket-service";
}
