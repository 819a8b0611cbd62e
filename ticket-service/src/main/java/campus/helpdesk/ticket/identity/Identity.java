package campus.helpdesk.ticket.identity;

import campus.helpdesk.api.Audience;
import campus.helpdesk.api.Role;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.lifecycle.Actor;
import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.security.authentication.Authentication;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the person named by the service token the gateway minted for this request (Micronaut Security
 * has checked its signature, expiry and audience, and {@code @Secured} its role, before any controller runs), and
 * what that caller may do. Each {@code require} method returns or throws the problem the caller gets, so features
 * ask the caller instead of deciding again.
 */
public record Identity(Role role, String user) {

    public boolean isStaff() {
        return role == Role.STAFF;
    }

    /** This caller as the lifecycle records whoever makes a change. */
    public Actor actor() {
        return new Actor(user, role);
    }

    public void requireStaff(String action) {
        if (!isStaff()) {
            throw Problems.forbidden("Only staff may " + action);
        }
    }

    /** Students never see CLOSED tickets: to them a closed ticket does not exist (404, not 403). */
    public void requireMaySee(Ticket ticket) {
        if (!Audience.maySeeTicket(role, ticket.status())) {
            throw Problems.notFound(ticket.id());
        }
    }

    /** Whether this caller filed the ticket (names are who people are here: there are no accounts). */
    public boolean reported(Ticket ticket) {
        return role != Role.ANALYST && ticket.reporterName().equals(user);
    }

    /**
     * How a closed ticket ended: 404 for a student who neither reported it nor joined it ({@code follows}: a
     * follower is told like the reporter), as for the ticket itself.
     */
    public void requireMaySeeClosure(Ticket ticket, boolean follows) {
        boolean toldAsReporter = reported(ticket) || (follows && role != Role.ANALYST);
        if (!Audience.maySeeTicket(role, ticket.status()) && !Audience.maySeeClosure(role, toldAsReporter)) {
            throw Problems.notFound(ticket.id());
        }
    }

    /**
     * Marking a ticket read: whoever may see it, and the reporter or a follower of a CLOSED one, who acknowledges
     * that way that they were told it was solved (so "your ticket was solved" is said once).
     */
    public void requireMayMarkRead(Ticket ticket, boolean follows) {
        requireMaySeeClosure(ticket, follows);
    }

    /**
     * Who handles what is the desk's business: staff may filter by any assignee; analysts (whose workload table links
     * to an assignee's tickets) by a name or none, but they are nobody's assignee, so not by {@code me}; students
     * not at all (their list may ask for the tickets they reported).
     */
    public void requireMayFilterByAssignee(boolean me) {
        switch (role) {
            case STAFF -> {
            }
            case ANALYST -> {
                if (me) {
                    throw Problems.forbidden("Analysts are nobody's assignee: filter by a staff member's name or none");
                }
            }
            case STUDENT -> throw Problems.forbidden("Only staff and analysts may filter tickets by assignee");
        }
    }

    /**
     * One person's tickets by their name are a look at their history with the desk: staff's and analysts' (from a
     * ticket's page). A student lists their own ({@code reporter=me}), not a fellow student's.
     */
    public void requireMayFilterByReporterName() {
        if (role == Role.STUDENT) {
            throw Problems.forbidden("Students may list the tickets they reported (reporter=me), not another person's");
        }
    }

    /** Unread markers are for the people a ticket concerns (its reporter, its assignee); analysts watch from outside. */
    public boolean keepsReadMarks() {
        return role != Role.ANALYST;
    }

    public boolean maySeeInternalNotes() {
        return Audience.maySeeInternalNotes(role);
    }

    /** The statuses this caller may list; asking a student's list for CLOSED is refused rather than silently emptied. */
    public Set<TicketStatus> listableStatuses(Set<TicketStatus> asked) {
        Set<TicketStatus> allowed = EnumSet.noneOf(TicketStatus.class);
        for (TicketStatus status : TicketStatus.values()) {
            if (Audience.maySeeTicket(role, status)) {
                allowed.add(status);
            }
        }
        if (asked.isEmpty()) {
            return allowed;
        }
        if (!allowed.containsAll(asked)) {
            throw Problems.forbidden("Students cannot see CLOSED tickets");
        }
        return asked;
    }

    /** The person behind the request being served; only people's roles (STUDENT, STAFF, ANALYST) have one. */
    public static Identity current() {
        return ServerRequestContext.currentRequest()
                .flatMap(request -> request.getUserPrincipal(Authentication.class))
                .flatMap(Identity::of)
                .orElseThrow(() -> Problems.of(HttpStatus.FORBIDDEN, "Only a student, staff member or analyst may do this"));
    }

    static Optional<Identity> of(Authentication authentication) {
        for (Role role : Role.values()) {
            if (authentication.getRoles().contains(role.name())) {
                return Optional.of(new Identity(role, authentication.getName()));
            }
        }
        return Optional.empty();
    }
}
