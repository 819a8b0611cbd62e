package campus.helpdesk.ticket.message;

import campus.helpdesk.api.Role;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A row of {@code ticket_message}, with the columns of the API's {@code Message}, which the repository returns
 * directly. Only read through Micronaut Data: {@link Messages#post} writes a message together with the ticket's
 * new version and its event, under the ticket's lock.
 */
@MappedEntity("ticket_message")
record PostedMessage(@Id long id, long ticketId, String author, Role authorRole, String body, boolean internal,
                     Instant createdAt) {
}
