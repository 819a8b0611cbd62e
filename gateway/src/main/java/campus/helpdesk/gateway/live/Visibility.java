package campus.helpdesk.gateway.live;

import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.gateway.session.GatewayRole;

/** Who may see which live event: the same rules ticket-service applies to reads, applied to the stream. */
public final class Visibility {

    private Visibility() {
    }

    public static boolean visible(GatewayRole role, ChangeEvent event) {
        return switch (role) {
            case STAFF -> true;
            // A deleted ticket's event has no facts, so nothing says it was not CLOSED: students get none of them.
            case STUDENT -> !event.internal() && event.ticket() != null
                    && event.ticket().status() != TicketStatus.CLOSED;
            // Analysts only need to know that the numbers moved; notes are staff business.
            case ANALYST -> !event.internal();
        };
    }

    /** What goes on the wire: no author for analysts, who have no ticket access. */
    public static LiveEvent view(GatewayRole role, ChangeEvent event) {
        return new LiveEvent(event.cursor(), event.type(), event.ticketId(), event.at(),
                role == GatewayRole.ANALYST ? null : event.actor(),
                event.ticket() == null ? null : event.ticket().status(),
                event.ticket() == null ? null : event.ticket().category(),
                event.ticket() == null ? null : event.ticket().version());
    }
}
