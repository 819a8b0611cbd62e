package campus.helpdesk.gateway.live;

import campus.helpdesk.api.Audience;
import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.Closure;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.Role;
import campus.helpdesk.gateway.caller.Caller;
import campus.helpdesk.gateway.session.GatewayRole;

/** Who may see which live event: the contract's {@link Audience} rules, for the role the person signed in with. */
public final class Visibility {

    private Visibility() {
    }

    public static boolean visible(GatewayRole role, ChangeEvent event) {
        return Audience.maySeeChange(Role.valueOf(role.name()), event);
    }

    /**
     * A ticket's close goes to the person who reported it and to those who joined it ("this is my problem too"),
     * and to nobody else: to other students the ticket no longer exists, and staff and analysts follow it through
     * the {@code change} events. A ticket linked to an incident closes with it, and its own close tells its people.
     */
    public static boolean toldOfClose(Caller caller, Closure closure) {
        return caller.role() != GatewayRole.ANALYST && closure.concerns(caller.name());
    }

    /**
     * What goes on the wire: whoever may see the change may see who made it, as the ticket's history shows, except
     * who joined a ticket ({@link Audience#maySeeWhoJoined}): the stream is shared, so a join goes out nameless.
     */
    public static LiveEvent view(ChangeEvent event) {
        String actor = event.type() == EventType.FOLLOWED ? null : event.actor();
        return new LiveEvent(event.cursor(), event.type(), event.ticketId(), event.at(), actor,
                event.ticket() == null ? null : event.ticket().status(),
                event.ticket() == null ? null : event.ticket().category(),
                event.ticket() == null ? null : event.ticket().version());
    }
}
