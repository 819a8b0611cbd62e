package campus.helpdesk.lifecycle;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.sla.Deadlines;

/**
 * What one step of a ticket's life produces: the ticket as it stands after it, and the event that records it.
 * {@code deadlines}: the response targets the step set (filing, a priority change), which the writer stores with the
 * row (the ticket itself carries only the two due times); null when the stored ones stand.
 */
public record Change(Ticket ticket, TicketEvent event, Deadlines deadlines) {

    public Change(Ticket ticket, TicketEvent event) {
        this(ticket, event, null);
    }
}
