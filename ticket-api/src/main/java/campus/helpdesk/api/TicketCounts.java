package campus.helpdesk.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * How many tickets match a list's filters, per status the caller may see: a student's answer has no CLOSED entry
 * at all. A text search counts at most as far as the list's own total does. {@code byView}: the queue's views;
 * for staff {@code mine} (assigned to the caller), {@code unassigned} and {@code all}; for a student {@code mine}
 * (reported by the caller) and {@code all}; for an analyst {@code unassigned} and {@code all}.
 */
@Serdeable
public record TicketCounts(Map<TicketStatus, Long> byStatus, Map<String, Long> byView) {
}
