package campus.helpdesk.analytics.openperiod;

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

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

@Secured({ServiceRoles.STAFF, ServiceRoles.ANALYST})
@Controller("/api/analytics")
public class OpenPeriodController {

    private final CountedTwice<UnclosedIndex> models;
    private final FeedConsumer feed;

    public OpenPeriodController(CountedTwice<UnclosedIndex> models, FeedConsumer feed) {
        this.models = models;
        this.feed = feed;
    }

    @Operation(summary = "Tickets opened in the last N hours or days that are not closed yet",
            description = "Exactly one of hours (1–8760) or days (1–365). Answered from the in-memory read model in "
                    + "O(log n); asOf/lagMs/stale tell how fresh it is. Accept: text/csv gives the same answer as CSV.")
    @Get(value = "/open-period{?hours,days,incidents}", produces = {MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
    public OpenPeriodAnswer openPeriod(
            @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "8760"))
            @Nullable @QueryValue String hours,
            @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "365"))
            @Nullable @QueryValue String days,
            @Parameter(description = Incidents.DESCRIPTION,
                    schema = @Schema(type = "string", allowableValues = {"each", "collapse"}))
            @Nullable @QueryValue String incidents) {
        UnclosedIndex index = models.counting(Incidents.parse(incidents));
        Period period = Period.parse(hours, days);
        Freshness freshness = Freshness.of(feed);
        // Whole milliseconds: the index holds opening times in ms, so "opened ≥ from" means the same as in SQL.
        Instant to = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant from = to.minus(Duration.ofHours(period.hours()));
        return OpenPeriodAnswer.of(from, to, period.hours(), index.openedSince(from), freshness);
    }
}
