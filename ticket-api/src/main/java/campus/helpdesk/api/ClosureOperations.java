package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The reporter's side of a close. Students never read a CLOSED ticket, but the one who reported it is told that it
 * was solved, by whom, when, and with which last answer; staff and analysts may read the same.
 */
public interface ClosureOperations {

    /** At most this many tickets in {@link #solved}. */
    int MAX_SOLVED = 20;

    /** How many days a closed ticket stays in its reporter's list of recently solved ones ({@code recent=true}). */
    int RECENT_DAYS = 30;

    /**
     * The caller's own tickets closed since they last marked them read ({@code POST /api/tickets/{id}/read}),
     * newest close first, at most {@link #MAX_SOLVED}: what "your ticket was solved" says once. With
     * {@code recent=true}, those closed in the last {@link #RECENT_DAYS} days whether seen or not: where a student
     * finds them again.
     */
    @Get("/api/tickets/solved{?recent}")
    List<Closure> solved(@Parameter(description = "true: closed in the last 30 days, seen or not; false or empty: "
            + "closed since last marked read; any other value is a 400", schema = @Schema(type = "boolean",
            defaultValue = "false")) @Nullable @QueryValue String recent);

    /**
     * How the ticket was closed: 404 for a student who did not report it (as if it did not exist), 409 while it
     * is not closed.
     */
    @Get("/api/tickets/{id}/closure")
    Closure closure(@PathVariable long id);
}
