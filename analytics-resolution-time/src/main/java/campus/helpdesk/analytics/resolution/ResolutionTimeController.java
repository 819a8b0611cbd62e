package campus.helpdesk.analytics.resolution;

import campus.helpdesk.support.identity.ServiceRoles;
import io.micronaut.security.annotation.Secured;
import campus.helpdesk.analytics.CountedTwice;
import campus.helpdesk.analytics.CsvWriter;
import campus.helpdesk.analytics.Incidents;
import campus.helpdesk.analytics.Freshness;
import campus.helpdesk.feed.FeedConsumer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

@Secured({ServiceRoles.STAFF, ServiceRoles.ANALYST})
@Controller("/api/analytics")
public class ResolutionTimeController {

    private final CountedTwice<ResolutionTimes> models;
    private final FeedConsumer feed;

    public ResolutionTimeController(CountedTwice<ResolutionTimes> models, FeedConsumer feed) {
        this.models = models;
        this.feed = feed;
    }

    @Operation(summary = "Resolution time of closed tickets per month of opening",
            description = "Count, average, median and p90 (percentile_disc) of closed − opened in hours, and the "
                    + "median first-response time, per month in which the tickets were opened (zone in the answer). "
                    + "Default: the last 12 months. Accept: text/csv gives the same answer as CSV.")
    @Get(value = "/resolution-time{?from,to,category,incidents}", produces = {MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
    public ResolutionTimeAnswer resolutionTime(
            @Parameter(description = "first month, YYYY-MM", schema = @Schema(type = "string", example = "2026-01"))
            @Nullable @QueryValue String from,
            @Parameter(description = "last month, YYYY-MM", schema = @Schema(type = "string", example = "2026-12"))
            @Nullable @QueryValue String to,
            @Parameter(description = "FACILITY, IT or SERVICES; all when absent",
                    schema = @Schema(type = "string", allowableValues = {"FACILITY", "IT", "SERVICES"}))
            @Nullable @QueryValue String category,
            @Parameter(description = Incidents.DESCRIPTION,
                    schema = @Schema(type = "string", allowableValues = {"each", "collapse"}))
            @Nullable @QueryValue String incidents) {
        ResolutionTimes model = models.counting(Incidents.parse(incidents));
        MonthRange range = MonthRange.parse(from, to, category, model.currentMonth());
        Freshness freshness = Freshness.of(feed);
        return ResolutionTimeAnswer.of(model.zone().getId(), range,
                model.figures(range.from(), range.to(), range.category()), freshness);
    }
}
