package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/tickets/{id}/status}; the optional version guards against a stale screen. */
@Serdeable
public record StatusChange(@NotNull TicketStatus status, @Nullable Long version) {
}
