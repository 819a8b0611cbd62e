package campus.helpdesk.ticket.search;

import campus.helpdesk.api.SlaStatus;
import campus.helpdesk.sla.ServiceLevels;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The list's {@code sla} filter in SQL: a ticket matches when either of its targets is, at {@code now}, in one of
 * the given statuses. The same rule as {@link ServiceLevels#status} (done on or before the due time is MET, done
 * late or overdue BREACHED, AT_RISK from the at-risk instant on, else PENDING) and {@link ServiceLevels#evaluate}
 * (a ticket closed without a staff reply had its first response in the closing), spelled over the stored instants;
 * a row without targets matches none.
 */
final class SlaFilter {

    private static final String FIRST_RESPONSE_DONE = "coalesce(first_response_at, closed_at)";

    private SlaFilter() {
    }

    /** The condition, its parameters appended to {@code parameters}. */
    static String sql(Set<SlaStatus> statuses, Instant now, List<Object> parameters) {
        List<String> either = new ArrayList<>();
        for (SlaStatus status : statuses) {
            either.add(target(status, "first_response_due_at", "first_response_at_risk_at", FIRST_RESPONSE_DONE,
                    now, parameters));
            either.add(target(status, "resolution_due_at", "resolution_at_risk_at", "closed_at", now, parameters));
        }
        return String.join(" OR ", either);
    }

    private static String target(SlaStatus status, String due, String atRisk, String done, Instant now,
                                 List<Object> parameters) {
        return switch (status) {
            case MET -> "(" + done + " IS NOT NULL AND " + done + " <= " + due + ")";
            case BREACHED -> {
                parameters.add(now);
                yield "(" + done + " > " + due + " OR (" + done + " IS NULL AND " + due + " < ?))";
            }
            case AT_RISK -> {
                parameters.add(now);
                parameters.add(now);
                yield "(" + done + " IS NULL AND " + due + " >= ? AND " + atRisk + " <= ?)";
            }
            case PENDING -> {
                parameters.add(now);
                parameters.add(now);
                yield "(" + done + " IS NULL AND " + due + " >= ? AND " + atRisk + " > ?)";
            }
        };
    }
}
