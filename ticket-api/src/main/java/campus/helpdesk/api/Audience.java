package campus.helpdesk.api;

/**
 * What each role may see, stated once: ticket-service applies it to reads, the gateway to the live stream.
 * Students never see CLOSED tickets (to them a closed ticket does not exist) nor staff's internal notes. Analysts
 * see every ticket, CLOSED ones included (the analytics count them), but not the notes: those are staff's working
 * talk, not the desk's record.
 */
public final class Audience {

    private Audience() {
    }

    public static boolean maySeeTicket(Role role, TicketStatus status) {
        return switch (role) {
            case STAFF, ANALYST -> true;
            case STUDENT -> status != TicketStatus.CLOSED;
        };
    }

    /**
     * How a CLOSED ticket ended ({@link Closure}): everyone who may see the ticket, and the student who reported it,
     * who never reads the ticket itself again but is told that it was solved.
     */
    public static boolean maySeeClosure(Role role, boolean reporter) {
        return maySeeTicket(role, TicketStatus.CLOSED) || reporter;
    }

    /**
     * Who joined a ticket ("this is my problem too"): staff, and each person about themselves. To other students
     * and to analysts, whom a report concerns is nobody's business; they see how many joined, not who.
     */
    public static boolean maySeeWhoJoined(Role role, String viewer, String joined) {
        return role == Role.STAFF || viewer.equals(joined);
    }

    public static boolean maySeeInternalNotes(Role role) {
        return switch (role) {
            case STAFF -> true;
            case STUDENT, ANALYST -> false;
        };
    }

    /**
     * A change as the live stream carries it. A deletion has no facts, so nothing proves the ticket was not
     * CLOSED: only roles that see tickets of every status get it.
     */
    public static boolean maySeeChange(Role role, ChangeEvent change) {
        if (change.internal() && !maySeeInternalNotes(role)) {
            return false;
        }
        if (change.ticket() == null) {
            return maySeeTicket(role, TicketStatus.CLOSED);
        }
        return maySeeTicket(role, change.ticket().status());
    }
}
