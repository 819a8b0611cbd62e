package campus.helpdesk.analytics.resolution;

import campus.helpdesk.analytics.CountedTwice;
import campus.helpdesk.analytics.Incidents;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** The read model twice, counting each ticket and counting an outage once ({@code incidents=collapse}). */
@Factory
class ResolutionModels {

    @Singleton
    CountedTwice<ResolutionTimes> resolutionTimes(@Value("${helpdesk.zone:UTC}") String zone) {
        return new CountedTwice<>(new ResolutionTimes(zone, Incidents.EACH),
                new ResolutionTimes(zone, Incidents.COLLAPSE));
    }
}
