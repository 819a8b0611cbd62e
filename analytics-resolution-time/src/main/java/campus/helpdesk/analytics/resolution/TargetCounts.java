package campus.helpdesk.analytics.resolution;

import campus.helpdesk.analytics.Durations;
import campus.helpdesk.api.SlaStatus;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.sla.Deadlines;
import campus.helpdesk.sla.ServiceLevels;

import java.time.Instant;

/**
 * The tickets of one opening month (and one priority, or all) against their two response targets. A target that
 * is done (first response, closing) is MET or BREACHED for good and only counted; one still to come is kept by its
 * due time, because it turns BREACHED by the clock alone, with no event: at any instant the breached ones are those
 * due before it ({@code ServiceLevels.status}: past due), a binary search. A target without a due time is judged
 * in neither. Not thread-safe.
 */
final class TargetCounts {

    int tickets;
    int firstResponseMet;
    int firstResponseBreached;
    int resolutionMet;
    int resolutionBreached;
    /** Due times (ms) of the first responses and resolutions still to come. */
    final Durations firstResponsePending = new Durations();
    final Durations resolutionPending = new Durations();

    void change(TicketFacts ticket, Judged judged, boolean add, boolean bulk) {
        int sign = add ? 1 : -1;
        tickets += sign;
        if (judged.firstResponse() != null) {
            switch (judged.firstResponse()) {
                case MET -> firstResponseMet += sign;
                case BREACHED -> firstResponseBreached += sign;
                default -> pending(firstResponsePending, ticket.firstResponseDueAt(), add, bulk);
            }
        }
        if (judged.resolution() != null) {
            switch (judged.resolution()) {
                case MET -> resolutionMet += sign;
                case BREACHED -> resolutionBreached += sign;
                default -> pending(resolutionPending, ticket.resolutionDueAt(), add, bulk);
            }
        }
    }

    /** The counts at {@code now}: the pending targets due before it are breached. */
    Figures at(long now) {
        return new Figures(tickets, firstResponseMet, firstResponseBreached + firstResponsePending.countBelow(now),
                resolutionMet, resolutionBreached + resolutionPending.countBelow(now));
    }

    record Figures(int tickets, int firstResponseMet, int firstResponseBreached, int resolutionMet,
                   int resolutionBreached) {
    }

    void sort() {
        firstResponsePending.sort();
        resolutionPending.sort();
    }

    private static void pending(Durations due, Instant dueAt, boolean add, boolean bulk) {
        if (add) {
            due.add(dueAt.toEpochMilli(), bulk);
        } else {
            due.remove(dueAt.toEpochMilli());
        }
    }

    /**
     * A ticket's targets as they stand for good: MET or BREACHED when done, PENDING while still to come, null when
     * the ticket has no due time for it. Judged by service-levels' own rule ({@code ServiceLevels.evaluate}, with
     * the clock before any due time so only done targets are decided), so that the analytics and ticket-service
     * cannot disagree, e.g. on a ticket closed without a staff reply.
     */
    record Judged(SlaStatus firstResponse, SlaStatus resolution) {

        private static final Instant NO_DUE = Instant.MAX;

        static Judged of(TicketFacts ticket) {
            Instant firstDue = ticket.firstResponseDueAt();
            Instant resolutionDue = ticket.resolutionDueAt();
            if (firstDue == null && resolutionDue == null) {
                return new Judged(null, null);
            }
            var level = ServiceLevels.evaluate(new Deadlines(firstDue == null ? NO_DUE : firstDue, null,
                            resolutionDue == null ? NO_DUE : resolutionDue, null),
                    ticket.firstResponseAt(), ResolutionTimes.closedAt(ticket), Instant.MIN);
            return new Judged(firstDue == null ? null : level.firstResponse(),
                    resolutionDue == null ? null : level.resolution());
        }

        /**
         * From when a ticket counts as breached now (at least one target breached): {@link Long#MIN_VALUE} when a
         * target is breached for good, the earliest due time of a pending one, {@link Long#MAX_VALUE} for never.
         */
        long breachedFrom(TicketFacts ticket) {
            long from = Long.MAX_VALUE;
            if (firstResponse == SlaStatus.BREACHED || resolution == SlaStatus.BREACHED) {
                return Long.MIN_VALUE;
            }
            if (firstResponse == SlaStatus.PENDING) {
                from = ticket.firstResponseDueAt().toEpochMilli();
            }
            if (resolution == SlaStatus.PENDING) {
                from = Math.min(from, ticket.resolutionDueAt().toEpochMilli());
            }
            return from;
        }
    }
}
