package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One committed change. {@code ticket} is null once the ticket is deleted. {@code internal} is true for a staff
 * note, which students must never be shown.
 */
@Serdeable
public record ChangeEvent(String cursor, EventType type, long ticketId, Instant at, String actor, boolean internal,
                          @Nullable TicketFacts ticket) {
}
