package campus.helpdesk.analytics.category;

import campus.helpdesk.analytics.Parameters;
import campus.helpdesk.support.identity.ServiceRoles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import campus.helpdesk.analytics.CountedTwice;
import campus.helpdesk.analytics.CsvWriter;
import campus.helpdesk.analytics.Incidents;
import campus.helpdesk.analytics.Freshness;
import campus.helpdesk.feed.FeedConsumer;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

@Secured({ServiceRoles.STAFF, ServiceRoles.ANALYST})
@Controller("/api/analytics")
public class ActiveByCategoryController {

    private final CountedTwice<CategoryCounts> counts;
    private final FeedConsumer feed;

    public ActiveByCategoryController(CountedTwice<CategoryCounts> counts, FeedConsumer feed) {
        this.counts = counts;
        this.feed = feed;
    }

    @Operation(summary = "ACTIVE (and OPEN) tickets per category, and per priority within each",
            description = "Answered from the in-memory read model; asOf/lagMs/stale tell how fresh it is. "
                    + "Accept: text/csv gives the same answer as CSV, one row per category; with by=priority one "
                    + "row per category and priority.")
    @Get(value = "/active-by-category{?by,incidents}", produces = {MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
    public ActiveByCategory activeByCategory(
            @Parameter(description = "priority: the CSV gets one row per category and priority",
                    schema = @Schema(type = "string", allowableValues = {"priority"}))
            @Nullable @QueryValue String by,
            @Parameter(description = Incidents.DESCRIPTION,
                    schema = @Schema(type = "string", allowableValues = {"each", "collapse"}))
            @Nullable @QueryValue String incidents) {
        CategoryCounts model = counts.counting(Incidents.parse(incidents));
        boolean byPriority = by != null && !by.isBlank();
        if (byPriority && !"priority".equalsIgnoreCase(by.trim())) {
            throw Parameters.bad("by", "Parameter 'by' can only be 'priority'");
        }
        // Freshness first: the counts read right after are at least as fresh as it says.
        Freshness freshness = Freshness.of(feed);
        return ActiveByCategory.of(model.counts(), freshness, byPriority);
    }
}
