package campus.helpdesk.api;

import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;

import java.util.List;

/**
 * The reporter's side of a close. Students never read a CLOSED ticket, but the one who reported it is told that it
 * was solved, by whom, when, and with which last answer; staff and analysts may read the same.
 */
public interface ClosureOperations {

    /** At most this many tickets in {@link #solved()}. */
    int MAX_SOLVED = 20;

    /**
     * The caller's own tickets closed since they last marked them read ({@code POST /api/tickets/{id}/read}),
     * newest close first, at most {@link #MAX_SOLVED}: what "your ticket was solved" says once.
     */
    @Get("/api/tickets/solved")
    List<Closure> solved();

    /**
     * How the ticket was closed: 404 for a student who did not report it (as if it did not exist), 409 while it
     * is not closed.
     */
    @Get("/api/tickets/{id}/closure")
    Closure closure(@PathVariable long id);
}
