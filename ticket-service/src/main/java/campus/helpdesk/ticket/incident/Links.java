package campus.helpdesk.ticket.incident;

import campus.helpdesk.api.IncidentLinks;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.lifecycle.Change;
import campus.helpdesk.lifecycle.Incidents;
import campus.helpdesk.lifecycle.TicketEvent;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.db.LinkedTickets;
import campus.helpdesk.ticket.db.Sql;
import campus.helpdesk.ticket.db.TicketSql;
import campus.helpdesk.ticket.history.EventLog;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.lifecycle.ChangeClock;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Staff link tickets to an incident and unlink them. A link is all or nothing: one transaction locks the incident
 * and every named ticket, lowest id first ({@link LinkedTickets}), checks them all ({@link LinkRules}) and only then
 * writes, so a refusal names the first ticket in the way and changes nothing, and overlapping links sent at once
 * queue up rather than deadlock. A ticket linked to this incident already is left as it is (a retry links nothing
 * twice).
 */
@Singleton
public class Links {

    private final Database db;
    private final EventLog events;
    private final ChangeClock clock;

    public Links(Database db, EventLog events, ChangeClock clock) {
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    /** Answers the incident as it now stands, with its counts. */
    public Ticket link(Identity who, long incidentId, IncidentLinks links) {
        who.requireStaff("link tickets to an incident");
        TreeSet<Long> named = new TreeSet<>(links.tickets());
        LinkRules.requireNotItself(incidentId, named.contains(incidentId));
        Ticket incident = db.onTicket(incidentId, c -> {
            TreeSet<Long> all = new TreeSet<>(named);
            all.add(incidentId);
            LinkedTickets.lockInOrder(c, all);
            LinkRules.requireMayBeIncident(TicketSql.loadLive(c, incidentId));
            Map<Long, Ticket> loaded = TicketSql.loadAllLive(c, named);
            Map<Long, Integer> linkedToThem = LinkedTickets.countsOf(c, named);
            Instant at = clock.now();
            List<Map.Entry<Ticket, Ticket>> changed = new ArrayList<>();
            List<TicketEvent> recorded = new ArrayList<>();
            for (long id : named) {
                Ticket ticket = loaded.get(id);
                if (ticket == null) {
                    throw LinkRules.missing(id);
                }
                LinkRules.requireMayBeLinked(ticket, incidentId, linkedToThem.getOrDefault(id, 0));
                if (ticket.incidentId() == null) {
                    Change change = Incidents.link(ticket, incidentId, who.actor(), at);
                    changed.add(Map.entry(ticket, change.ticket()));
                    recorded.add(change.event());
                }
            }
            // Written only once every named ticket passed: a refusal above leaves all of them as they were.
            TicketSql.updateAll(c, "incident_id = ?", changed, (ps, after) -> {
                Sql.setNullableLong(ps, 1, after.incidentId());
                return 2;
            });
            events.appendAll(c, recorded);
            return TicketSql.loadLive(c, incidentId, who);
        });
        events.committed();
        return incident;
    }

    public void unlink(Identity who, long incidentId, long childId) {
        who.requireStaff("unlink tickets from an incident");
        db.onTicket(incidentId, c -> {
            LinkedTickets.lockInOrder(c, List.of(incidentId, childId));
            Ticket incident = TicketSql.loadLive(c, incidentId);
            Ticket child = TicketSql.loadLive(c, childId);
            LinkRules.requireMayUnlink(incident, child);
            store(c, Incidents.unlink(child, who.actor(), clock.now()), child);
            return child;
        });
        events.committed();
    }

    private void store(Connection c, Change change, Ticket before) throws SQLException {
        TicketSql.update(c, "incident_id = ?", ps -> {
            Sql.setNullableLong(ps, 1, change.ticket().incidentId());
            return 2;
        }, before, change.ticket());
        events.append(c, before.id(), change.event());
    }

}
