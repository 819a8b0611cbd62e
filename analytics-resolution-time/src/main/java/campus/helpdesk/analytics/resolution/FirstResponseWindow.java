package campus.helpdesk.analytics.resolution;

import campus.helpdesk.analytics.Durations;
import campus.helpdesk.analytics.Hours;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The first responses of the last 30 days, whatever month their tickets were opened in. Responses are kept in
 * response order for {@link #KEPT} (an answer's window only moves on, so older ones are dropped: the memory is a
 * month of responses, not the history). Per category × priority cell ({@link MonthStats#cell}), sorted multisets
 * hold the first-response times of the responses inside the current window (after {@code windowStart}); an answer
 * slides the window to its own instant, moving only the responses it passes, so it costs O(responses passed), not
 * O(responses in 30 days). The same shape as analytics-category's workload window. Not thread-safe:
 * {@link ResolutionTimes} guards it (answers slide the window, so they take turns under the model's read lock).
 */
final class FirstResponseWindow {

    static final Duration WINDOW = Duration.ofDays(30);
    /** A day more than the window, so an answer a little behind the clock still finds every response it needs. */
    static final Duration KEPT = WINDOW.plusDays(1);

    /** {@code medianHours} null when nobody got a first response in the window. */
    record Figures(int responded, Double medianHours) {
    }

    private record Response(long at, long ticketId) implements Comparable<Response> {
        @Override
        public int compareTo(Response other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : Long.compare(ticketId, other.ticketId);
        }
    }

    /** Where the response counts ({@link MonthStats#cell} of its category and priority) and how long it took. */
    private record Responded(int category, int priority, long millis) {
    }

    private final TreeMap<Response, Responded> responses = new TreeMap<>();
    private final Durations[] inWindow = new Durations[(MonthStats.ALL + 1) * (MonthStats.ALL_PRIORITIES + 1)];
    /** Responses strictly after it are inside the window. */
    private long windowStart = Long.MIN_VALUE;

    FirstResponseWindow() {
        for (int i = 0; i < inWindow.length; i++) {
            inWindow[i] = new Durations();
        }
    }

    /** A ticket's first response starts ({@code add}) or stops counting; {@code now} decides what is too old. */
    void change(long ticketId, long respondedAt, long millis, int category, int priority, boolean add, Instant now,
                boolean bulk) {
        Response key = new Response(respondedAt, ticketId);
        long cutoff = now.minus(KEPT).toEpochMilli();
        if (!add) {
            Responded responded = responses.remove(key);
            if (responded != null && respondedAt > windowStart) {
                window(responded, false, false);
            }
        } else if (respondedAt >= cutoff) {
            Responded responded = new Responded(category, priority, millis);
            responses.put(key, responded);
            if (respondedAt > windowStart) {
                window(responded, true, bulk);
            }
        }
        forgetBefore(cutoff);
    }

    /**
     * The first responses given in the 30 days up to {@code at} (after at − 30 days; none is later than what the
     * model holds) of one cell: how many, and their median time in hours (percentile_disc).
     */
    Figures at(Instant at, int cell) {
        slideTo(at.minus(WINDOW).toEpochMilli());
        Durations durations = inWindow[cell];
        return durations.size() == 0 ? new Figures(0, null)
                : new Figures(durations.size(), Hours.of(durations.percentileDisc(0.5)));
    }

    void sort() {
        for (Durations durations : inWindow) {
            durations.sort();
        }
    }

    void clear() {
        responses.clear();
        for (int i = 0; i < inWindow.length; i++) {
            inWindow[i] = new Durations();
        }
        windowStart = Long.MIN_VALUE;
    }

    /** Moves the window's start, taking out (or back in) the responses between the old and the new start. */
    private void slideTo(long start) {
        if (start > windowStart) {
            for (Responded responded : responses.subMap(new Response(windowStart, Long.MAX_VALUE), false,
                    new Response(start, Long.MAX_VALUE), true).values()) {
                window(responded, false, false);
            }
        } else if (start < windowStart) {
            for (Responded responded : responses.subMap(new Response(start, Long.MAX_VALUE), false,
                    new Response(windowStart, Long.MAX_VALUE), true).values()) {
                window(responded, true, false);
            }
        }
        windowStart = start;
    }

    private void forgetBefore(long cutoff) {
        var old = responses.headMap(new Response(cutoff, Long.MIN_VALUE));
        for (Map.Entry<Response, Responded> entry : old.entrySet()) {
            if (entry.getKey().at() > windowStart) {
                window(entry.getValue(), false, false);
            }
        }
        old.clear();
    }

    private void window(Responded responded, boolean add, boolean bulk) {
        for (int c : new int[]{responded.category(), MonthStats.ALL}) {
            for (int p : new int[]{responded.priority(), MonthStats.ALL_PRIORITIES}) {
                Durations durations = inWindow[MonthStats.cell(c, p)];
                if (add) {
                    durations.add(responded.millis(), bulk);
                } else {
                    durations.remove(responded.millis());
                }
            }
        }
    }
}
