package campus.helpdesk.api;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A message under a ticket. {@code internal} notes are written by staff for staff only. */
@Serdeable
public record Message(long id, long ticketId, String author, Role authorRole, String body, boolean internal,
                      Instant createdAt) {
}
