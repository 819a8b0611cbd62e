package campus.helpdesk.analytics.resolution;

import campus.helpdesk.analytics.CountedTwice;
import campus.helpdesk.analytics.CsvWriter;
import campus.helpdesk.analytics.Incidents;
import campus.helpdesk.analytics.Freshness;
import campus.helpdesk.feed.FeedConsumer;
import campus.helpdesk.support.identity.ServiceRoles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

@Secured({ServiceRoles.STAFF, ServiceRoles.ANALYST})
@Controller("/api/analytics")
public class FirstResponseController {

    private final CountedTwice<ResolutionTimes> models;
    private final FeedConsumer feed;

    public FirstResponseController(CountedTwice<ResolutionTimes> models, FeedConsumer feed) {
        this.models = models;
        this.feed = feed;
    }

    @Operation(summary = "First-response time per month of opening",
            description = "Of the tickets opened each month (zone in the answer) that got a staff reply: how many "
                    + "(responded), and the average, median and p90 (percentile_disc) of first reply − opened in "
                    + "hours. Default: the last 12 months. last30Days: the tickets whose first reply was given in the "
                    + "30 days up to judgedAt (asOf), whatever month they were opened in, with the same filters: "
                    + "responded and medianHours. Accept: text/csv gives the months as CSV.")
    @Get(value = "/first-response{?from,to,category,priority,incidents}",
            produces = {MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
    public FirstResponseAnswer firstResponse(
            @Parameter(description = "first month, YYYY-MM", schema = @Schema(type = "string", example = "2026-01"))
            @Nullable @QueryValue String from,
            @Parameter(description = "last month, YYYY-MM", schema = @Schema(type = "string", example = "2026-12"))
            @Nullable @QueryValue String to,
            @Parameter(description = "FACILITY, IT or SERVICES; all when absent",
                    schema = @Schema(type = "string", allowableValues = {"FACILITY", "IT", "SERVICES"}))
            @Nullable @QueryValue String category,
            @Parameter(description = "LOW, MEDIUM or HIGH; all when absent",
                    schema = @Schema(type = "string", allowableValues = {"LOW", "MEDIUM", "HIGH"}))
            @Nullable @QueryValue String priority,
            @Parameter(description = Incidents.DESCRIPTION,
                    schema = @Schema(type = "string", allowableValues = {"each", "collapse"}))
            @Nullable @QueryValue String incidents) {
        ResolutionTimes model = models.counting(Incidents.parse(incidents));
        MonthRange range = MonthRange.parse(from, to, category, priority, model.currentMonth());
        Freshness freshness = Freshness.of(feed);
        Instant judgedAt = Freshness.judgedAt(freshness);
        return FirstResponseAnswer.of(model.zone().getId(), range,
                model.firstResponses(range.from(), range.to(), range.category(), range.priority()), judgedAt,
                model.firstResponsesLast30Days(judgedAt, range.category(), range.priority()), freshness);
    }
}
