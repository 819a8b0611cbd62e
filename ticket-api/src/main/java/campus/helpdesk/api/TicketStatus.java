package campus.helpdesk.api;

/** The life of a ticket: OPEN on creation, ACTIVE once staff take it, CLOSED when solved. */
public enum TicketStatus {
    OPEN, ACTIVE, CLOSED
}
