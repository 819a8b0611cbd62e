package campus.helpdesk.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The answer of {@code GET /api/tickets/similar}: best first, at most {@link IncidentOperations#MAX_SIMILAR}. */
@Serdeable
public record SimilarTickets(List<SimilarTicket> items) {
}
