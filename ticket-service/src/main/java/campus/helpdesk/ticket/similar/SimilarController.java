package campus.helpdesk.ticket.similar;

import campus.helpdesk.api.SimilarTickets;
import campus.helpdesk.api.Text;
import campus.helpdesk.support.identity.ServiceRoles;
import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.util.regex.Pattern;

/**
 * {@code GET /api/tickets/similar} of {@link campus.helpdesk.api.IncidentOperations}: what the report form offers
 * while a student types. Only those who file tickets ask (analysts do not: 403). Every candidate is OPEN or ACTIVE,
 * which every caller allowed here may see. The rest of that interface (followers, links) lives in the incident
 * package; this controller declares just its one route, with the contract's path and parameters.
 */
@Secured({ServiceRoles.STUDENT, ServiceRoles.STAFF})
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class SimilarController {

    /** The longest text and location a ticket may have (NewTicket's limits): anything longer is no report. */
    static final int MAX_TEXT = 10_000;
    static final int MAX_LOCATION = 100;

    private static final Pattern PLAIN = Pattern.compile(Text.PLAIN);

    private final SimilarSearch search;

    public SimilarController(SimilarSearch search) {
        this.search = search;
    }

    @Get("/api/tickets/similar{?text,location}")
    public SimilarTickets similar(@Nullable @QueryValue String text, @Nullable @QueryValue String location) {
        if (text == null || text.isBlank()) {
            throw Problems.badInput("text", "Say what the problem is: text is missing.");
        }
        if (Text.length(text) > MAX_TEXT) {
            throw Problems.badInput("text", "The text can be at most 10,000 characters, as a description.");
        }
        if (location != null && Text.length(location) > MAX_LOCATION) {
            throw Problems.badInput("location", "The location can be at most 100 characters.");
        }
        // The same text a ticket may hold: what could never be filed is no report to compare.
        if (!PLAIN.matcher(text).matches()) {
            throw Problems.badInput("text", Text.PLAIN_MESSAGE);
        }
        if (location != null && !PLAIN.matcher(location).matches()) {
            throw Problems.badInput("location", Text.PLAIN_MESSAGE);
        }
        // Composed as stored text is (Text.composed), so the typed text and the stored reports meet in one form.
        return new SimilarTickets(search.similar(Text.composed(text),
                location == null || location.isBlank() ? null : Text.composed(location)));
    }
}
