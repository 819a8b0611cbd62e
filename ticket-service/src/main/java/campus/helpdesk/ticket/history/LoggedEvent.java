package campus.helpdesk.ticket.history;

import campus.helpdesk.api.EventType;
import campus.helpdesk.api.FieldChange;
import campus.helpdesk.api.Role;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;

/**
 * A row of {@code ticket_event} as the ticket's history shows it (the feed reads the ticket's facts from the same
 * rows). Only read through Micronaut Data: events are appended by {@link EventLog} inside each change's own
 * statement or transaction.
 */
@MappedEntity("ticket_event")
record LoggedEvent(@Id long id, long ticketId, EventType type, String actor, Role actorRole, Instant at,
                   boolean internal, @TypeDef(type = DataType.JSON) List<FieldChange> changes) {
}
