package campus.helpdesk.analytics.category;

import campus.helpdesk.analytics.CsvWriter;
import campus.helpdesk.analytics.Freshness;
import campus.helpdesk.feed.FeedConsumer;
import campus.helpdesk.support.identity.ServiceRoles;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;

import java.time.Instant;

@Secured({ServiceRoles.STAFF, ServiceRoles.ANALYST})
@Controller("/api/analytics")
public class WorkloadController {

    private final CategoryCounts counts;
    private final FeedConsumer feed;

    public WorkloadController(CategoryCounts counts, FeedConsumer feed) {
        this.counts = counts;
        this.feed = feed;
    }

    @Operation(summary = "Work per staff member: ACTIVE tickets, closings in the last 30 days and their medians",
            description = "Per assignee: active, closedLast30Days, medianFirstResponseHours and "
                    + "medianResolutionHours over the tickets they closed in the 30 days before judgedAt (asOf); "
                    + "unassigned: live OPEN or ACTIVE tickets without an assignee. Accept: text/csv gives CSV.")
    @Get(value = "/workload", produces = {MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
    public WorkloadAnswer workload() {
        Freshness freshness = Freshness.of(feed);
        Instant judgedAt = Freshness.judgedAt(freshness);
        return WorkloadAnswer.of(judgedAt, counts.workload(judgedAt), freshness);
    }
}
