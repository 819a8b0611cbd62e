package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import jakarta.validation.Valid;

/**
 * Mass incidents: one outage reported by many. A student joins an open ticket that is their problem too (a
 * follower, told like the reporter); staff link tickets to an incident (a parent ticket), so that one public
 * answer on the incident reaches every linked ticket and follower, and closing it closes them all.
 */
public interface IncidentOperations {

    /** At most this many suggestions in {@link #similar}. */
    int MAX_SIMILAR = 5;
    /** At most this many tickets in one {@link #link}. */
    int MAX_LINKS_AT_ONCE = 500;

    /**
     * Open tickets the caller may see that look like {@code text} (and are near {@code location} if given), best
     * first: what the report form offers while a student types. Everyone who may file a ticket may ask; a missing or
     * blank {@code text} is a 400.
     */
    @Get("/api/tickets/similar{?text,location}")
    SimilarTickets similar(@Nullable @QueryValue String text, @Nullable @QueryValue String location);

    /** The caller joins the open ticket {@code id} as a follower (idempotent: 204 either way). */
    @Post("/api/tickets/{id}/followers")
    HttpResponse<Void> follow(@PathVariable long id);

    /**
     * Staff link tickets to the incident {@code id}: open/active tickets only, not an incident to itself, not a
     * ticket that is already an incident with links of its own, nor one linked elsewhere (409 naming it).
     * Answers the incident as it now stands.
     */
    @Post("/api/tickets/{id}/links")
    Ticket link(@PathVariable long id, @Body @Valid IncidentLinks links);

    /** Staff unlink {@code child} from the incident {@code id} while both are open (409 otherwise). */
    @Delete("/api/tickets/{id}/links/{child}")
    HttpResponse<Void> unlink(@PathVariable long id, @PathVariable long child);
}
