package campus.helpdesk.analytics;

import campus.helpdesk.api.TicketFacts;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which live tickets are linked to which incident, so a read model counting an outage once can flip a group when
 * its incident appears or disappears. Incidents are few, so plain collections do. Not thread-safe:
 * {@link FactsReadModel} guards it.
 */
final class IncidentLinks {

    private final Map<Long, Set<Long>> linked = new HashMap<>();

    /** The incident {@code ticket} counts under, or null: none, or linked to itself (never made by the service). */
    static Long incidentOf(TicketFacts ticket) {
        Long incident = ticket.incidentId();
        return incident == null || incident == ticket.id() ? null : incident;
    }

    void link(TicketFacts ticket) {
        Long incident = incidentOf(ticket);
        if (incident != null) {
            linked.computeIfAbsent(incident, k -> new HashSet<>()).add(ticket.id());
        }
    }

    void unlink(TicketFacts ticket) {
        Long incident = incidentOf(ticket);
        if (incident != null) {
            Set<Long> tickets = linked.get(incident);
            if (tickets != null && tickets.remove(ticket.id()) && tickets.isEmpty()) {
                linked.remove(incident);
            }
        }
    }

    Set<Long> linkedTo(long incident) {
        return linked.getOrDefault(incident, Set.of());
    }

    Map<Long, Set<Long>> all() {
        return linked;
    }

    void clear() {
        linked.clear();
    }
}
