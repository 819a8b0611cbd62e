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
public class SlaController {

    private final CountedTwice<ResolutionTimes> models;
    private final FeedConsumer feed;

    public SlaController(CountedTwice<ResolutionTimes> models, FeedConsumer feed) {
        this.models = models;
        this.feed = feed;
    }

    @Operation(summary = "Response targets (SLA) met and breached per month of opening",
            description = "Per month in which the tickets were opened (zone in the answer): tickets, first responses "
                    + "and resolutions met or breached as judged at judgedAt (asOf), and attainment = met ÷ (met + "
                    + "breached) over both targets; pending targets count in neither. breachedNow: tickets not "
                    + "closed with a target breached. Default: the last 12 months. Accept: text/csv gives CSV.")
    @Get(value = "/sla{?from,to,category,priority,incidents}",
            produces = {MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
    public SlaAnswer sla(
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
        return SlaAnswer.of(model.zone().getId(), range, judgedAt,
                model.targets(range.from(), range.to(), range.category(), range.priority(), judgedAt), freshness);
    }
}
