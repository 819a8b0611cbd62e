package campus.helpdesk.analytics.resolution;

import campus.helpdesk.api.Category;

/**
 * The tickets opened in one month: resolution times of the CLOSED ones and first-response times of those that got
 * a staff reply, per category and for all categories together (slot {@link #ALL}), so that any question is
 * answered from one sorted multiset.
 */
final class MonthStats {

    static final int ALL = Category.values().length;

    final Durations[] resolution = new Durations[ALL + 1];
    final Durations[] firstResponse = new Durations[ALL + 1];

    MonthStats() {
        for (int i = 0; i <= ALL; i++) {
            resolution[i] = new Durations();
            firstResponse[i] = new Durations();
        }
    }

    void sort() {
        for (int i = 0; i <= ALL; i++) {
            resolution[i].sort();
            firstResponse[i].sort();
        }
    }
}
