package campus.helpdesk.gateway.live;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.TicketStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** The data of one {@code change} Server-Sent Event: enough for a screen to decide what to reload. */
@Serdeable
public record LiveEvent(String cursor, EventType type, long ticketId, Instant at, @Nullable String actor,
                        @Nullable TicketStatus status, @Nullable Category category, @Nullable Long version) {
}
