package campus.helpdesk.api;

/**
 * What each role may see, stated once: ticket-service applies it to reads, the gateway to the live stream.
 * Students never see CLOSED tickets (to them a closed ticket does not exist) nor staff's internal notes.
 */
public final class Audience {

    private Audience() {
    }

    public static boolean maySeeTicket(Role role, TicketStatus status) {
        return role == Role.STAFF || status != TicketStatus.CLOSED;
    }

    public static boolean maySeeInternalNotes(Role role) {
        return role == Role.STAFF;
    }

    /**
     * A change as the live stream carries it. A deletion has no facts, so nothing proves the ticket was not
     * CLOSED: students get none.
     */
    public static boolean maySeeChange(Role role, ChangeEvent change) {
        if (change.internal() && !maySeeInternalNotes(role)) {
            return false;
        }
        return role == Role.STAFF || change.ticket() != null && maySeeTicket(role, change.ticket().status());
    }
}
