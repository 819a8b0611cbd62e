package campus.helpdesk.analytics.category;

import campus.helpdesk.analytics.Durations;
import campus.helpdesk.analytics.Hours;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who carries what: ACTIVE tickets per assignee, the live OPEN or ACTIVE tickets nobody has, and the tickets each
 * assignee closed lately. Closings are kept in closing order for {@link #KEPT} (a closed ticket never changes and
 * the window only moves on, so older ones are dropped: the memory is a month of closings, not the history). Per
 * assignee, sorted multisets hold the first-response and resolution times of the closings inside the current window
 * ({@code windowStart} on); an answer slides the window to its own instant, moving only the closings it passes, so
 * it costs O(assignees + closings passed), not O(closings in 30 days). Not thread-safe: {@link CategoryCounts}
 * guards it (answers slide the window, so they take turns on this object under the model's read lock).
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

    /** One assignee's closings inside the window. */
    private static final class Closings {
        final Durations firstResponse = new Durations();
        final Durations resolution = new Durations();
    }

    private final Map<String, Integer> active = new HashMap<>();
    private final TreeMap<Closing, Closed> closings = new TreeMap<>();
    private final Map<String, Closings> inWindow = new HashMap<>();
    private long windowStart = Long.MIN_VALUE;
    private int unassigned;

    void change(TicketFacts ticket, boolean add, Instant now, boolean bulk) {
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
                Closed closed = closings.remove(key);
                if (closed != null && key.closedAt() >= windowStart) {
                    window(closed, false, false);
                }
            } else if (key.closedAt() >= now.minus(KEPT).toEpochMilli()) {
                long opened = ticket.openedAt().toEpochMilli();
                long firstResponse = ticket.firstResponseAt() == null ? Long.MIN_VALUE
                        : ticket.firstResponseAt().toEpochMilli() - opened;
                Closed closed = new Closed(assignee, firstResponse, key.closedAt() - opened);
                closings.put(key, closed);
                if (key.closedAt() >= windowStart) {
                    window(closed, true, bulk);
                }
            }
            forgetBefore(now.minus(KEPT).toEpochMilli());
        }
    }

    int unassigned() {
        return unassigned;
    }

    /** Every assignee with an ACTIVE ticket or a closing in the 30 days before {@code at}, by name. */
    List<Row> rows(Instant at) {
        slideTo(at.minus(WINDOW).toEpochMilli());
        TreeSet<String> names = new TreeSet<>(active.keySet());
        names.addAll(inWindow.keySet());
        List<Row> rows = new ArrayList<>(names.size());
        for (String name : names) {
            Closings closed = inWindow.get(name);
            rows.add(closed == null ? new Row(name, active.getOrDefault(name, 0), 0, null, null)
                    : new Row(name, active.getOrDefault(name, 0), closed.resolution.size(),
                    median(closed.firstResponse), median(closed.resolution)));
        }
        return rows;
    }

    void sort() {
        for (Closings closed : inWindow.values()) {
            closed.firstResponse.sort();
            closed.resolution.sort();
        }
    }

    void clear() {
        active.clear();
        closings.clear();
        inWindow.clear();
        windowStart = Long.MIN_VALUE;
        unassigned = 0;
    }

    /** Moves the window's start, taking out (or back in) the closings between the old and the new start. */
    private void slideTo(long start) {
        if (start > windowStart) {
            for (Closed closed : closings.subMap(new Closing(windowStart, Long.MIN_VALUE), new Closing(start,
                    Long.MIN_VALUE)).values()) {
                window(closed, false, false);
            }
        } else if (start < windowStart) {
            for (Closed closed : closings.subMap(new Closing(start, Long.MIN_VALUE), new Closing(windowStart,
                    Long.MIN_VALUE)).values()) {
                window(closed, true, false);
            }
        }
        windowStart = start;
    }

    private void forgetBefore(long cutoff) {
        var old = closings.headMap(new Closing(cutoff, Long.MIN_VALUE));
        for (Map.Entry<Closing, Closed> entry : old.entrySet()) {
            if (entry.getKey().closedAt() >= windowStart) {
                window(entry.getValue(), false, false);
            }
        }
        old.clear();
    }

    private void window(Closed closed, boolean add, boolean bulk) {
        Closings of = inWindow.computeIfAbsent(closed.assignee(), k -> new Closings());
        if (add) {
            of.resolution.add(closed.resolutionMillis(), bulk);
            if (closed.firstResponseMillis() != Long.MIN_VALUE) {
                of.firstResponse.add(closed.firstResponseMillis(), bulk);
            }
            return;
        }
        of.resolution.remove(closed.resolutionMillis());
        if (closed.firstResponseMillis() != Long.MIN_VALUE) {
            of.firstResponse.remove(closed.firstResponseMillis());
        }
        if (of.resolution.size() == 0) {
            inWindow.remove(closed.assignee());
        }
    }

    private static Double median(Durations values) {
        return values.size() == 0 ? null : Hours.of(values.percentileDisc(0.5));
    }
}
