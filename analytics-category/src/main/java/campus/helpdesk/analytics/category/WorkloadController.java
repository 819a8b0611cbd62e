package campus.helpdesk.analytics.category;

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
public class WorkloadController {

    private final CountedTwice<CategoryCounts> counts;
    private final FeedConsumer feed;

    public WorkloadController(CountedTwice<CategoryCounts> counts, FeedConsumer feed) {
        this.counts = counts;
        this.feed = feed;
    }

    @Operation(summary = "Work per staff member: ACTIVE tickets, closings in the last 30 days and their medians",
            description = "Per assignee: active, closedLast30Days, medianFirstResponseHours and "
                    + "medianResolutionHours over the tickets they closed in the 30 days before judgedAt (asOf); "
                    + "unassigned: live OPEN or ACTIVE tickets without an assignee. Accept: text/csv gives CSV.")
    @Get(value = "/workload{?incidents}", produces = {MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
    public WorkloadAnswer workload(
            @Parameter(description = Incidents.DESCRIPTION,
                    schema = @Schema(type = "string", allowableValues = {"each", "collapse"}))
            @Nullable @QueryValue String incidents) {
        CategoryCounts model = counts.counting(Incidents.parse(incidents));
        Freshness freshness = Freshness.of(feed);
        Instant judgedAt = Freshness.judgedAt(freshness);
        return WorkloadAnswer.of(judgedAt, model.workload(judgedAt), freshness);
    }
}
