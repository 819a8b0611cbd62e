package campus.helpdesk.lifecycle;

import campus.helpdesk.api.EventType;
import campus.helpdesk.api.FieldChange;
import campus.helpdesk.api.Ticket;

import java.time.Instant;
import java.util.List;

/**
 * The row of ticket_event a change appends: its type, who made it and when, the field changes the history shows,
 * and the ticket's facts after it ({@code facts} is null for DELETED: the feed's consumers drop the ticket).
 * {@code internal}: a staff note, never shown to students.
 */
public record TicketEvent(EventType type, Actor actor, Instant at, boolean internal, List<FieldChange> changes,
                          Ticket facts) {

    public TicketEvent {
        changes = List.copyOf(changes);
    }
}
