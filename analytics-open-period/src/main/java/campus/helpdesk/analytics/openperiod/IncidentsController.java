package campus.helpdesk.analytics.openperiod;

import campus.helpdesk.analytics.CountedTwice;
import campus.helpdesk.analytics.CsvWriter;
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

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

@Secured({ServiceRoles.STAFF, ServiceRoles.ANALYST})
@Controller("/api/analytics")
public class IncidentsController {

    private final CountedTwice<UnclosedIndex> models;
    private final FeedConsumer feed;

    public IncidentsController(CountedTwice<UnclosedIndex> models, FeedConsumer feed) {
        this.models = models;
        this.feed = feed;
    }

    @Operation(summary = "The incidents opened in the last N hours or days, with how many tickets are linked to each",
            description = "Exactly one of hours (1–8760) or days (1–365). An incident is a ticket other tickets are "
                    + "linked to; any status; largest first. Followers are not counted (the change feed does not "
                    + "carry them). asOf/lagMs/stale tell how fresh it is. Accept: text/csv gives one row per incident.")
    @Get(value = "/incidents{?hours,days}", produces = {MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
    public IncidentsAnswer incidents(
            @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "8760"))
            @Nullable @QueryValue String hours,
            @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "365"))
            @Nullable @QueryValue String days) {
        Period period = Period.parse(hours, days);
        Freshness freshness = Freshness.of(feed);
        Instant to = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant from = to.minus(Duration.ofHours(period.hours()));
        // Either copy knows the links; the one counting each ticket is the one every other answer reads by default.
        return IncidentsAnswer.of(from, to, period.hours(), models.eachTicket().incidentSizes(), freshness);
    }
}
