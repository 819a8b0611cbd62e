package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import jakarta.validation.Valid;

import java.util.List;

/**
 * Tickets. The caller's identity comes from the signed service token every request carries (SECURITY.md); it
 * is not a parameter here because Micronaut Security reads it before any controller runs.
 * List filters are plain text so that a bad value gets a problem+json naming the parameter.
 */
public interface TicketOperations {

    @Post("/api/tickets")
    HttpResponse<Ticket> create(@Body @Valid NewTicket ticket,
                                @Nullable @Header(HelpdeskHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    /**
     * {@code q}: full text in five languages; a number alone ({@code 301}, {@code #301}) also finds that ticket.
     * {@code assignee}: a name, {@code me} or {@code none} (staff only); {@code reporter}: {@code me} (reported or
     * joined by the caller) or a name (the tickets that person reported; staff and analysts only); {@code sla}: statuses of either target, comma-separated (AT_RISK,BREACHED); {@code sort}
     * also takes {@code due} (the nearest unmet target first); {@code incident}: an incident's number (its linked
     * tickets) or {@code none} (tickets linked to no incident); {@code closedFrom}: leaves out the tickets closed
     * before it (those still open or active stay), as "closed in the last 30 days" beside the active ones.
     */
    @Get("/api/tickets{?status,category,priority,q,openedFrom,openedTo,closedFrom,needsReview,assignee,reporter,sla,"
            + "incident,sort,page,size}")
    TicketPage list(@Nullable @QueryValue String status,
                    @Nullable @QueryValue String category,
                    @Nullable @QueryValue String priority,
                    @Nullable @QueryValue String q,
                    @Nullable @QueryValue String openedFrom,
                    @Nullable @QueryValue String openedTo,
                    @Nullable @QueryValue String closedFrom,
                    @Nullable @QueryValue String needsReview,
                    @Nullable @QueryValue String assignee,
                    @Nullable @QueryValue String reporter,
                    @Nullable @QueryValue String sla,
                    @Nullable @QueryValue String incident,
                    @Nullable @QueryValue String sort,
                    @Nullable @QueryValue String page,
                    @Nullable @QueryValue String size);

    @Get("/api/tickets/{id}")
    Ticket get(@PathVariable long id);

    @Patch("/api/tickets/{id}")
    Ticket patch(@PathVariable long id, @Body @Valid TicketPatch patch,
                 @Nullable @Header("If-Match") String ifMatch);

    @Post("/api/tickets/{id}/status")
    Ticket changeStatus(@PathVariable long id, @Body @Valid StatusChange change,
                        @Nullable @Header("If-Match") String ifMatch);

    /** Staff hand an ACTIVE ticket to another staff member (409 otherwise); the history records who to whom. */
    @Post("/api/tickets/{id}/assignee")
    Ticket handOver(@PathVariable long id, @Body @Valid Handover handover,
                    @Nullable @Header("If-Match") String ifMatch);

    /** The caller has seen the ticket and its messages as they stand now: its {@code unread} marker clears. */
    @Post("/api/tickets/{id}/read")
    HttpResponse<Void> markRead(@PathVariable long id);

    @Delete("/api/tickets/{id}")
    HttpResponse<Void> delete(@PathVariable long id);

    @Get("/api/tickets/{id}/history")
    List<HistoryEntry> history(@PathVariable long id);
}
