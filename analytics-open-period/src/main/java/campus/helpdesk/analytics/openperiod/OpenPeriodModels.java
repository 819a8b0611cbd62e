package campus.helpdesk.analytics.openperiod;

import campus.helpdesk.analytics.CountedTwice;
import campus.helpdesk.analytics.Incidents;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** The read model twice, counting each ticket and counting an outage once ({@code incidents=collapse}). */
@Factory
class OpenPeriodModels {

    @Singleton
    CountedTwice<UnclosedIndex> unclosedIndex(@Value("${helpdesk.zone:UTC}") String zone) {
        return new CountedTwice<>(new UnclosedIndex(zone, Incidents.EACH), new UnclosedIndex(zone, Incidents.COLLAPSE));
    }
}
