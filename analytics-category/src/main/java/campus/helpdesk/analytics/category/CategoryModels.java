package campus.helpdesk.analytics.category;

import campus.helpdesk.analytics.CountedTwice;
import campus.helpdesk.analytics.Incidents;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The read model twice, counting each ticket and counting an outage once ({@code incidents=collapse}). */
@Factory
class CategoryModels {

    @Singleton
    CountedTwice<CategoryCounts> categoryCounts() {
        return new CountedTwice<>(new CategoryCounts(Incidents.EACH), new CategoryCounts(Incidents.COLLAPSE));
    }
}
