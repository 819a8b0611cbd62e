package campus.helpdesk.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * When tickets are opened: busy weekday working hours, quiet nights and weekends, peaks at the start of
 * term (September–November, February–March) and a lull in August. Ticket {@code i} of {@code n} gets a time
 * in the i-th n-quantile of that distribution, so opening times grow with the ticket id, as in a real desk.
 */
final class Timeline {

    private static final long HOUR = 3_600_000L;
    /** Relative load per hour of the day (UTC), then per weekday (Monday first), then per month (January first). */
    private static final double[] BY_HOUR = {0.05, 0.03, 0.02, 0.02, 0.03, 0.08, 0.3, 0.8, 1.4, 1.7, 1.7, 1.6,
            1.2, 1.4, 1.6, 1.5, 1.3, 1.0, 0.7, 0.5, 0.4, 0.3, 0.2, 0.1};
    private static final double[] BY_WEEKDAY = {1.25, 1.15, 1.1, 1.05, 0.9, 0.3, 0.25};
    private static final double[] BY_MONTH = {0.9, 1.05, 1.1, 1.0, 1.0, 0.8, 0.55, 0.35, 1.3, 1.35, 1.2, 0.7};

    private final long startMillis;
    private final long nowMillis;
    private final double[] cumulative;

    Timeline(Instant now, int months) {
        Instant end = now.truncatedTo(ChronoUnit.HOURS);
        ZonedDateTime start = end.atZone(ZoneOffset.UTC).minusMonths(months);
        this.startMillis = start.toInstant().toEpochMilli();
        int hours = (int) ((end.toEpochMilli() - startMillis) / HOUR) + 1;
        cumulative = new double[hours + 1];
        ZonedDateTime hour = start;
        for (int h = 0; h < hours; h++) {
            double weight = BY_HOUR[hour.getHour()] * BY_WEEKDAY[hour.getDayOfWeek().getValue() - 1]
                    * BY_MONTH[hour.getMonthValue() - 1];
            cumulative[h + 1] = cumulative[h] + weight;
            hour = hour.plusHours(1);
        }
        // The last (current) hour is only partly over: keep its weight but never place a ticket after now.
        this.nowMillis = now.toEpochMilli();
    }

    /** The opening time of ticket {@code index} (0-based) of {@code count}, in epoch milliseconds. */
    long openedAt(long index, long count, SplittableRandom random) {
        double target = (index + random.nextDouble()) / count * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (cumulative[mid] <= target) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        double weight = cumulative[lo + 1] - cumulative[lo];
        double within = weight == 0 ? 0 : (target - cumulative[lo]) / weight;
        return Math.min(nowMillis - 1000, startMillis + lo * HOUR + (long) (within * HOUR));
    }
}
