package campus.helpdesk.gateway.live;

import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.Audience;
import campus.helpdesk.api.Role;
import campus.helpdesk.gateway.session.GatewayRole;

/** Who may see which live event: the contract's {@link Audience} rules, plus the gateway-only analyst role. */
public final class Visibility {

    private Visibility() {
    }

    public static boolean visible(GatewayRole role, ChangeEvent event) {
        return switch (role) {
            case STAFF -> true;
            case STUDENT -> Audience.maySeeChange(Role.STUDENT, event);
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
