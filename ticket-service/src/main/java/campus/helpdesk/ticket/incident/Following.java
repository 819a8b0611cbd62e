package campus.helpdesk.ticket.incident;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.lifecycle.Change;
import campus.helpdesk.lifecycle.Incidents;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.db.Followers;
import campus.helpdesk.ticket.db.TicketSql;
import campus.helpdesk.ticket.history.EventLog;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.lifecycle.ChangeClock;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * "This is my problem too": the caller joins an open ticket as a follower, told of it like its reporter (unread
 * marker, closure, solved list). Under the ticket's lock like every change, so its FOLLOWED event takes its place in
 * the ticket's history and the feed in order; joining twice records nothing the second time.
 */
@Singleton
public class Following {

    private final Database db;
    private final EventLog events;
    private final ChangeClock clock;

    public Following(Database db, EventLog events, ChangeClock clock) {
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    public void follow(Identity who, long ticketId) {
        boolean joined = db.onTicket(ticketId, c -> {
            Ticket ticket = TicketSql.lockAndLoad(c, ticketId);
            LinkRules.requireMayFollow(ticket, who);
            Instant at = clock.now();
            if (!Followers.add(c, ticketId, who.user(), at)) {
                return false;
            }
            Change change = Incidents.follow(ticket, who.actor(), at);
            events.append(c, ticketId, change.event());
            return true;
        });
        if (joined) {
            events.committed();
        }
    }
}
