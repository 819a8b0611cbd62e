package campus.helpdesk.analytics.openperiod;

import campus.helpdesk.analytics.CountedTwice;
import campus.helpdesk.analytics.CsvWriter;
import campus.helpdesk.analytics.Incidents;
import campus.helpdesk.analytics.Freshness;
import campus.helpdesk.analytics.Parameters;
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

import java.time.LocalDate;

@Secured({ServiceRoles.STAFF, ServiceRoles.ANALYST})
@Controller("/api/analytics")
public class VolumeController {

    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 366;

    private final CountedTwice<UnclosedIndex> models;
    private final FeedConsumer feed;

    public VolumeController(CountedTwice<UnclosedIndex> models, FeedConsumer feed) {
        this.models = models;
        this.feed = feed;
    }

    @Operation(summary = "Tickets opened and closed per day, and the backlog at the end of each day",
            description = "The last N days (1–366, default 30) in the desk's zone, oldest first, ending today. "
                    + "Answered from per-day counters in memory; asOf/lagMs/stale tell how fresh it is. "
                    + "Accept: text/csv gives the same answer as CSV.")
    @Get(value = "/volume{?days,incidents}", produces = {MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
    public VolumeAnswer volume(
            @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "366", defaultValue = "30"))
            @Nullable @QueryValue String days,
            @Parameter(description = Incidents.DESCRIPTION,
                    schema = @Schema(type = "string", allowableValues = {"each", "collapse"}))
            @Nullable @QueryValue String incidents) {
        UnclosedIndex model = models.counting(Incidents.parse(incidents));
        int count = days == null || days.isBlank() ? DEFAULT_DAYS : Parameters.intInRange("days", days, 1, MAX_DAYS);
        Freshness freshness = Freshness.of(feed);
        LocalDate today = LocalDate.now(model.zone());
        return VolumeAnswer.of(model.zone().getId(), model.volume(today, count), freshness);
    }
}
