package campus.helpdesk.ticket.lifecycle;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketPatch;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.lifecycle.TicketLifecycle;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.problem.Problems;
import campus.helpdesk.support.problem.BadInput;
import campus.helpdesk.support.problem.HelpdeskProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

/**
 * What may happen to a ticket: the desk's rules, in one place (what a caller may do as such is on {@link Identity}).
 * Every method either returns or throws the problem the caller gets, so controllers and SQL code never re-decide them.
 */
public final class TicketRules {

    private TicketRules() {
    }

    /**
     * A follow-up may name a ticket its filer reported or joined ("This is my problem too": they were told of its
     * close like its reporter, and offered "Still not fixed?" too); staff any ticket. {@code reporterOfPrevious} is
     * null when no live ticket has that id; the answer is the same then, so a student cannot probe which tickets
     * exist.
     */
    public static void requireMayFollowUp(long previousTicketId, @Nullable String reporterOfPrevious,
                                          boolean followsPrevious, Identity who) {
        if (reporterOfPrevious == null
                || !(who.isStaff() || followsPrevious || reporterOfPrevious.equals(who.user()))) {
            throw new HelpdeskProblem(HttpStatus.UNPROCESSABLE_ENTITY, "Not your ticket",
                    "A new report can follow up only on a ticket you reported or joined; #" + previousTicketId
                            + " is not one of yours", BadInput.naming("previousTicketId"));
        }
    }

    /**
     * A PATCH names at least one field it changes. {"status": "CLOSED"} or {"assignee": ...} (fields of other
     * routes, which the body's reader passes over) answered 200 and changed nothing, while the caller believed it had.
     */
    public static void requireSomethingToChange(long ticketId, TicketPatch patch) {
        if (patch.title() == null && patch.description() == null && patch.location() == null
                && patch.priority() == null && patch.category() == null) {
            throw Problems.badInput("body", "names nothing a PATCH changes (title, description, location, priority, "
                    + "and for staff category); a status moves with POST /api/tickets/" + ticketId + "/status, an "
                    + "assignee with POST /api/tickets/" + ticketId + "/assignee");
        }
    }

    /** Closed tickets are read-only. */
    public static void requireOpenForChanges(Ticket ticket) {
        if (ticket.status() == TicketStatus.CLOSED) {
            throw Problems.conflict("Ticket " + ticket.id() + " is closed and can no longer be changed.");
        }
    }

    /** The only moves are OPEN → ACTIVE and ACTIVE → CLOSED ({@link TicketLifecycle#nextStatus}), by staff. */
    public static void requireMove(Ticket ticket, TicketStatus to, Identity who) {
        who.requireStaff("change a ticket's status");
        TicketStatus from = ticket.status();
        TicketStatus allowed = TicketLifecycle.nextStatus(from);
        if (to != allowed) {
            String detail = allowed == null
                    ? "Ticket " + ticket.id() + " is CLOSED: no move is allowed from CLOSED"
                    : "Cannot move ticket " + ticket.id() + " from " + from + " to " + to
                    + ": the only allowed move from " + from + " is to " + allowed;
            throw Problems.conflict(detail);
        }
    }

    /** Only an ACTIVE ticket has someone to hand it over: an OPEN one is taken, a CLOSED one is done. */
    public static void requireHandover(Ticket ticket) {
        if (ticket.status() != TicketStatus.ACTIVE) {
            throw Problems.conflict("Ticket " + ticket.id() + " is " + ticket.status() + ": only an ACTIVE ticket "
                    + "can be handed over" + (ticket.status() == TicketStatus.OPEN ? " (take it first)" : ""));
        }
    }

    /** A write must name the version it was based on, and it must still be the current one. */
    public static void requireVersion(@Nullable Long sent, long current, boolean required) {
        if (sent == null) {
            if (required) {
                throw Problems.of(io.micronaut.http.HttpStatus.PRECONDITION_REQUIRED,
                        "Send the ticket's version in If-Match or in the body field version (current: " + current
                                + ")");
            }
            return;
        }
        if (sent != current) {
            throw Problems.staleVersion(sent, current);
        }
    }

    /** Messages: not on CLOSED tickets; internal notes are for staff only. */
    public static void requireMayPostMessage(Ticket ticket, Identity who, boolean internal) {
        if (internal) {
            who.requireStaff("write internal notes");
        }
        requireOpenForChanges(ticket);
    }
}
