package campus.helpdesk.api;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** One line of a ticket's visible history, oldest first. */
@Serdeable
public record HistoryEntry(long id, EventType type, String actor, Role actorRole, Instant at,
                           List<FieldChange> changes) {
}
