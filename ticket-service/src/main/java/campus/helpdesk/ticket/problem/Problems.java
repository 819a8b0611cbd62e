package campus.helpdesk.ticket.problem;

import campus.helpdesk.support.problem.BadInput;
import campus.helpdesk.support.problem.HelpdeskProblem;

import io.micronaut.http.HttpStatus;

import java.util.Map;

/** The refusals ticket-service answers with. Domain code throws these; nothing else needs to know about HTTP. */
public final class Problems {

    private Problems() {
    }

    public static HelpdeskProblem of(HttpStatus status, String detail) {
        return new HelpdeskProblem(status, status.getReason(), detail, Map.of());
    }

    /** 400 for a bad query parameter, header or body field, named as every service names it ({@link BadInput}). */
    public static HelpdeskProblem badInput(String field, String detail) {
        return BadInput.problem(field, detail);
    }

    public static HelpdeskProblem notFound(long ticketId) {
        return of(HttpStatus.NOT_FOUND, "Ticket " + ticketId + " does not exist");
    }

    public static HelpdeskProblem forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, detail);
    }

    public static HelpdeskProblem conflict(String detail) {
        return of(HttpStatus.CONFLICT, detail);
    }

    /** 409 for a write based on an old version: the client must reload and decide again. */
    public static HelpdeskProblem staleVersion(long sent, long current) {
        // A version ahead of the ticket's was never read from it: "changed meanwhile" would send the client looking
        // for a change nobody made.
        String what = sent > current
                ? "The ticket has no version " + sent + " yet: the current version is " + current
                : "The ticket changed meanwhile: you sent version " + sent + ", the current version is " + current;
        return new HelpdeskProblem(HttpStatus.CONFLICT, "Stale version", what + ". Reload it and try again.",
                Map.of("currentVersion", current));
    }
}
