package campus.helpdesk.ticket.incident;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.lifecycle.Incidents;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.problem.Problems;
import campus.helpdesk.support.problem.BadInput;
import campus.helpdesk.support.problem.HelpdeskProblem;
import io.micronaut.http.HttpStatus;

/**
 * What may be joined, linked and unlinked, as refusals (like {@code lifecycle/TicketRules}): each method returns or
 * throws the problem the caller gets. One level only: an incident is never linked itself, and a ticket with links of
 * its own is an incident, so it is never linked to another.
 */
final class LinkRules {

    private LinkRules() {
    }

    /** Joining: an open ticket the caller may see, not one they reported (they are told of it already). */
    static void requireMayFollow(Ticket ticket, Identity who) {
        who.requireMaySee(ticket);
        requireOpen(ticket, "joined");
        if (who.reported(ticket)) {
            throw Problems.conflict("You reported ticket " + ticket.id() + ": you are told of it already");
        }
    }

    static void requireNotItself(long incidentId, boolean named) {
        if (named) {
            throw new HelpdeskProblem(HttpStatus.UNPROCESSABLE_ENTITY, "Not itself",
                    "Ticket " + incidentId + " cannot be linked to itself", BadInput.naming("tickets"));
        }
    }

    /** The incident: open, and not linked to another incident itself. */
    static void requireMayBeIncident(Ticket incident) {
        requireOpen(incident, "given linked tickets");
        if (incident.incidentId() != null) {
            throw Problems.conflict("Ticket " + incident.id() + " is linked to incident " + incident.incidentId()
                    + " itself: link the tickets to " + incident.incidentId() + " instead");
        }
    }

    /** A ticket to link: open, in no other incident, with no links of its own. */
    static void requireMayBeLinked(Ticket ticket, long incidentId, int linkedToIt) {
        requireOpen(ticket, "linked");
        if (ticket.incidentId() != null && ticket.incidentId() != incidentId) {
            throw Problems.conflict("Ticket " + ticket.id() + " is linked to incident " + ticket.incidentId()
                    + " already: unlink it there first");
        }
        if (linkedToIt > 0) {
            throw Problems.conflict("Ticket " + ticket.id() + " is an incident with " + linkedToIt
                    + (linkedToIt == 1 ? " linked ticket" : " linked tickets")
                    + " of its own: an incident cannot be linked to another");
        }
    }

    /** Unlinking: the child must be linked to this incident, and both still open (a closed one's history stays). */
    static void requireMayUnlink(Ticket incident, Ticket child) {
        if (child.incidentId() == null || child.incidentId() != incident.id()) {
            throw Problems.of(HttpStatus.NOT_FOUND, "Ticket " + child.id() + " is not linked to incident "
                    + incident.id());
        }
        requireOpen(incident, "unlinked from");
        requireOpen(child, "unlinked");
    }

    static HelpdeskProblem missing(long id) {
        return new HelpdeskProblem(HttpStatus.UNPROCESSABLE_ENTITY, "No such ticket",
                "Ticket " + id + " does not exist", BadInput.naming("tickets"));
    }

    private static void requireOpen(Ticket ticket, String what) {
        if (!Incidents.isOpen(ticket)) {
            throw Problems.conflict("Ticket " + ticket.id() + " is CLOSED: only OPEN and ACTIVE tickets are " + what);
        }
    }
}
