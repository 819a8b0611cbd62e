package campus.helpdesk.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Body of {@code POST /api/tickets/{id}/links}: the tickets to link to the incident {@code id}. */
@Serdeable
public record IncidentLinks(
        @NotNull(message = "Name the tickets to link.")
        @NotEmpty(message = "Name at least one ticket to link.")
        @Size(max = IncidentOperations.MAX_LINKS_AT_ONCE, message = "At most 500 tickets can be linked at once.")
        List<@NotNull(message = "A ticket number is missing.")
             @Positive(message = "A ticket number is 1 or more.") Long> tickets) {
}
