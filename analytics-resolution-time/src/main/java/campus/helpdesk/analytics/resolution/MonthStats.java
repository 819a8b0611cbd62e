package campus.helpdesk.analytics.resolution;

import campus.helpdesk.analytics.Durations;
import campus.helpdesk.api.Category;
import campus.helpdesk.api.Priority;

/**
 * The tickets opened in one month: resolution times of the CLOSED ones per category, first-response times of
 * those that got a staff reply and the response targets per category × priority; each also for all
 * categories or priorities together (slots {@link #ALL} and {@link #ALL_PRIORITIES}), so that any question is
 * answered from one sorted multiset or one set of counters.
 */
final class MonthStats {

    static final int ALL = Category.values().length;
    static final int ALL_PRIORITIES = Priority.values().length;

    final Durations[] resolution = new Durations[ALL + 1];
    /** Indexed by {@link #cell}. */
    final Durations[] firstResponse = new Durations[(ALL + 1) * (ALL_PRIORITIES + 1)];
    /** Indexed by {@link #cell}. */
    final TargetCounts[] targets = new TargetCounts[(ALL + 1) * (ALL_PRIORITIES + 1)];

    MonthStats() {
        for (int i = 0; i < resolution.length; i++) {
            resolution[i] = new Durations();
        }
        for (int i = 0; i < firstResponse.length; i++) {
            firstResponse[i] = new Durations();
        }
        for (int i = 0; i < targets.length; i++) {
            targets[i] = new TargetCounts();
        }
    }

    /** The slot of a category slot (or {@link #ALL}) and a priority slot (or {@link #ALL_PRIORITIES}). */
    static int cell(int categorySlot, int prioritySlot) {
        return categorySlot * (ALL_PRIORITIES + 1) + prioritySlot;
    }

    void sort() {
        for (Durations durations : resolution) {
            durations.sort();
        }
        for (Durations durations : firstResponse) {
            durations.sort();
        }
        for (TargetCounts counts : targets) {
            counts.sort();
        }
    }
}
