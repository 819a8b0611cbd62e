package campus.helpdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Only the desk's opening hours count: the same hours on each working day, in the desk's zone, minus holidays.
 * Days are walked in that zone, so a daylight-saving change moves the opening instants with the clock (a day of
 * 08:00–18:00 is ten hours of work on either side of the change).
 */
public record BusinessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes,
                            Set<LocalDate> holidays) implements WorkingTime {

    /** Beyond this a target cannot be met by any sensible calendar; it says the configuration is wrong. */
    private static final int MAX_DAYS = 3 * 366;

    public BusinessHours {
        days = Set.copyOf(days);
        holidays = Set.copyOf(holidays);
        if (days.isEmpty()) {
            throw new IllegalArgumentException("Business hours need at least one working day");
        }
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("Business hours must open before they close: " + opens + "-" + closes);
        }
    }

    @Override
    public Instant plus(Instant start, Duration working) {
        Duration left = working;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int walked = 0; walked < MAX_DAYS; walked++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant from = latest(start, ZonedDateTime.of(day, opens, zone).toInstant());
            Instant to = ZonedDateTime.of(day, closes, zone).toInstant();
            if (!from.isBefore(to)) {
                continue;
            }
            Duration open = Duration.between(from, to);
            if (left.compareTo(open) <= 0) {
                return from.plus(left);
            }
            left = left.minus(open);
        }
        throw new IllegalStateException("No " + working + " of business hours within " + MAX_DAYS + " days");
    }

    private boolean isWorkingDay(LocalDate day) {
        return days.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
