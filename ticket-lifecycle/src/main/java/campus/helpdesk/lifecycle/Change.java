package campus.helpdesk.lifecycle;

import campus.helpdesk.api.Ticket;

/** What one step of a ticket's life produces: the ticket as it stands after it, and the event that records it. */
public record Change(Ticket ticket, TicketEvent event) {
}
