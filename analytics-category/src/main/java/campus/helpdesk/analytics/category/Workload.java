package campus.helpdesk.analytics.category;

import campus.helpdesk.analytics.Hours;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Who carries what: ACTIVE tickets per assignee, the live OPEN or ACTIVE tickets nobody has, and the tickets each
 * assignee closed lately, kept in closing order. Only the last {@link #KEPT} of closings are kept (a closed ticket
 * never changes, and the window only moves forward), so the memory is a month of closings, not the whole history;
 * an answer walks the closings in its window once. Not thread-safe: {@link CategoryCounts} guards it.
 */
final class Workload {

    static final Duration WINDOW = Duration.ofDays(30);
    /** A day more than the window, so an answer a little behind the clock still finds every closing it needs. */
    static final Duration KEPT = WINDOW.plusDays(1);

    /** One assignee's row; the medians are null when nothing of theirs was closed in the window. */
    public record Row(String assignee, int active, int closedLast30Days, Double medianFirstResponseHours,
               Double medianResolutionHours) {
    }

    private record Closing(long closedAt, long ticketId) implements Comparable<Closing> {
        @Override
        public int compareTo(Closing other) {
            int byTime = Long.compare(closedAt, other.closedAt);
            return byTime != 0 ? byTime : Long.compare(ticketId, other.ticketId);
        }
    }

    /** {@code firstResponseMillis} {@link Long#MIN_VALUE} when the ticket was closed without a staff reply. */
    private record Closed(String assignee, long firstResponseMillis, long resolutionMillis) {
    }

    private final Map<String, Integer> active = new HashMap<>();
    private final TreeMap<Closing, Closed> closings = new TreeMap<>();
    private int unassigned;

    void change(TicketFacts ticket, boolean add, Instant now) {
        int sign = add ? 1 : -1;
        String assignee = ticket.assignee();
        boolean live = ticket.status() == TicketStatus.OPEN || ticket.status() == TicketStatus.ACTIVE;
        if (live && assignee == null) {
            unassigned += sign;
        }
        if (ticket.status() == TicketStatus.ACTIVE && assignee != null) {
            active.merge(assignee, sign, Integer::sum);
            active.remove(assignee, 0);
        }
        if (ticket.status() == TicketStatus.CLOSED && ticket.closedAt() != null && assignee != null) {
            Closing key = new Closing(ticket.closedAt().toEpochMilli(), ticket.id());
            if (!add) {
                closings.remove(key);
            } else if (key.closedAt() >= now.minus(KEPT).toEpochMilli()) {
                long opened = ticket.openedAt().toEpochMilli();
                long firstResponse = ticket.firstResponseAt() == null ? Long.MIN_VALUE
                        : ticket.firstResponseAt().toEpochMilli() - opened;
                closings.put(key, new Closed(assignee, firstResponse, key.closedAt() - opened));
            }
            forgetBefore(now.minus(KEPT));
        }
    }

    int unassigned() {
        return unassigned;
    }

    /** Every assignee with an ACTIVE ticket or a closing in the 30 days before {@code at}, by name. */
    List<Row> rows(Instant at) {
        Map<String, Figures> figures = new TreeMap<>();
        active.forEach((name, count) -> figures.computeIfAbsent(name, k -> new Figures()).active = count);
        NavigableMap<Closing, Closed> window = closings.tailMap(new Closing(at.minus(WINDOW).toEpochMilli(),
                Long.MIN_VALUE), true);
        for (Closed closed : window.values()) {
            figures.computeIfAbsent(closed.assignee(), k -> new Figures()).add(closed);
        }
        return figures.entrySet().stream().map(e -> e.getValue().row(e.getKey())).toList();
    }

    void clear() {
        active.clear();
        closings.clear();
        unassigned = 0;
    }

    private void forgetBefore(Instant cutoff) {
        closings.headMap(new Closing(cutoff.toEpochMilli(), Long.MIN_VALUE)).clear();
    }

    /** One assignee's figures while an answer is put together. */
    private static final class Figures {
        int active;
        int closed;
        long[] firstResponses = new long[8];
        int responded;
        long[] resolutions = new long[8];

        void add(Closed ticket) {
            if (closed == resolutions.length) {
                resolutions = Arrays.copyOf(resolutions, closed * 2);
            }
            resolutions[closed++] = ticket.resolutionMillis();
            if (ticket.firstResponseMillis() != Long.MIN_VALUE) {
                if (responded == firstResponses.length) {
                    firstResponses = Arrays.copyOf(firstResponses, responded * 2);
                }
                firstResponses[responded++] = ticket.firstResponseMillis();
            }
        }

        Row row(String assignee) {
            return new Row(assignee, active, closed, median(firstResponses, responded), median(resolutions, closed));
        }

        private static Double median(long[] values, int size) {
            if (size == 0) {
                return null;
            }
            Arrays.sort(values, 0, size);
            return Hours.of(Hours.percentileDisc(values, size, 0.5));
        }
    }
}
