package campus.helpdesk.analytics.openperiod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Tickets opened and closed per day (epoch day in the desk's zone), and the totals of both. The backlog at the end
 * of a day is everything opened up to it minus everything closed up to it, so an answer of N days walks those N
 * days only: the backlog before them is the totals minus what happened from them on. Not thread-safe.
 */
final class DailyVolume {

    /** A day's figures; {@code backlog}: tickets opened by the end of the day and not closed by then. */
    record Day(LocalDate date, long opened, long closed, long backlog) {
    }

    private final TreeMap<Long, long[]> days = new TreeMap<>();
    private long opened;
    private long closed;

    void opened(LocalDate day, int sign) {
        change(day, 0, sign);
        opened += sign;
    }

    void closed(LocalDate day, int sign) {
        change(day, 1, sign);
        closed += sign;
    }

    void clear() {
        days.clear();
        opened = 0;
        closed = 0;
    }

    /** Every day from {@code first} to {@code last}, oldest first. */
    List<Day> days(LocalDate first, LocalDate last) {
        long backlog = opened - closed;
        for (long[] counts : days.tailMap(first.toEpochDay(), true).values()) {
            backlog -= counts[0] - counts[1];
        }
        List<Day> result = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            long[] counts = days.getOrDefault(day.toEpochDay(), new long[2]);
            backlog += counts[0] - counts[1];
            result.add(new Day(day, counts[0], counts[1], backlog));
        }
        return result;
    }

    private void change(LocalDate day, int column, int sign) {
        long key = day.toEpochDay();
        long[] counts = days.computeIfAbsent(key, k -> new long[2]);
        counts[column] += sign;
        if (counts[0] == 0 && counts[1] == 0) {
            days.remove(key);
        }
    }
}
