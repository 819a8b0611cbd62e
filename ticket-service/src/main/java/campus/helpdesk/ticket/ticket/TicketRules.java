package campus.helpdesk.ticket.ticket;

import campus.helpdesk.api.Audience;
import campus.helpdesk.api.Role;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.core.annotation.Nullable;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may do what to a ticket: the desk's rules, in one place. Every method either returns or throws the problem
 * the caller gets, so controllers and SQL code never re-decide them.
 */
public final class TicketRules {

    private TicketRules() {
    }

    /** Students never see CLOSED tickets: to them a closed ticket does not exist (404, not 403). */
    public static void requireVisible(Ticket ticket, Identity who) {
        if (!mayView(ticket.status(), who.role())) {
            throw Problems.notFound(ticket.id());
        }
    }

    public static boolean mayView(TicketStatus status, Role role) {
        return Audience.maySeeTicket(role, status);
    }

    /** The statuses a role may list; asking a student's list for CLOSED is refused rather than silently emptied. */
    public static Set<TicketStatus> listableStatuses(Role role, Set<TicketStatus> asked) {
        Set<TicketStatus> allowed = role == Role.STAFF ? EnumSet.allOf(TicketStatus.class)
                : EnumSet.of(TicketStatus.OPEN, TicketStatus.ACTIVE);
        if (asked.isEmpty()) {
            return allowed;
        }
        if (!allowed.containsAll(asked)) {
            throw Problems.forbidden("Students cannot see CLOSED tickets");
        }
        return asked;
    }

    /** Closed tickets are read-only. */
    public static void requireOpenForChanges(Ticket ticket) {
        if (ticket.status() == TicketStatus.CLOSED) {
            throw Problems.conflict("Ticket " + ticket.id() + " is CLOSED and cannot be changed");
        }
    }

    public static void requireStaff(Identity who, String action) {
        if (!who.isStaff()) {
            throw Problems.forbidden("Only staff may " + action);
        }
    }

    /** The only moves are OPEN → ACTIVE and ACTIVE → CLOSED, by staff. */
    public static void requireMove(Ticket ticket, TicketStatus to, Identity who) {
        requireStaff(who, "change a ticket's status");
        TicketStatus from = ticket.status();
        TicketStatus allowed = nextStatus(from);
        if (to != allowed) {
            String detail = allowed == null
                    ? "Ticket " + ticket.id() + " is CLOSED: no move is allowed from CLOSED"
                    : "Cannot move ticket " + ticket.id() + " from " + from + " to " + to
                    + ": the only allowed move from " + from + " is to " + allowed;
            throw Problems.conflict(detail);
        }
    }

    /** The one status a ticket may move to next, or null when it is CLOSED. */
    public static @Nullable TicketStatus nextStatus(TicketStatus from) {
        return switch (from) {
            case OPEN -> TicketStatus.ACTIVE;
            case ACTIVE -> TicketStatus.CLOSED;
            case CLOSED -> null;
        };
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
        if (internal && !who.isStaff()) {
            throw Problems.forbidden("Only staff may write internal notes");
        }
        requireOpenForChanges(ticket);
    }
}
