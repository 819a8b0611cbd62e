package campus.helpdesk.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of a ticket list; {@code total} counts every match, not just this page. */
@Serdeable
public record TicketPage(List<Ticket> items, int page, int size, long total) {
}
