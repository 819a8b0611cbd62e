package campus.helpdesk.client;

import campus.helpdesk.api.ChangeFeedOperations;
import io.micronaut.http.client.annotation.Client;
import campus.helpdesk.support.identity.ServiceRoles;

/**
 * The change feed, read by a follower as itself (a FEED token under its application name), which lets it read
 * the feed and nothing else. A long poll waits up to {@code waitMs}: the read timeout of
 * {@code micronaut.http.services.ticket-service} must be well above it.
 */
@Client(id = TicketService.ID)
@SpeaksForItself(ServiceRoles.FEED)
public interface ChangeFeedClient extends ChangeFeedOperations {
}
