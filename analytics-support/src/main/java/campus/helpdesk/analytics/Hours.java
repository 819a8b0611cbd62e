package campus.helpdesk.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Durations as the analytics answers give them: hours rounded half up to {@value #DECIMALS} decimals (~4 ms), the
 * same rounding as the SQL they are checked against ({@code round(ms / 3600000.0, 6)}).
 */
public final class Hours {

    public static final int DECIMALS = 6;
    private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000L);

    private Hours() {
    }

    public static double of(long millis) {
        return BigDecimal.valueOf(millis).divide(MILLIS_PER_HOUR, DECIMALS, RoundingMode.HALF_UP).doubleValue();
    }

    /** The average of {@code count} durations summing to {@code sumMillis}, in hours. */
    public static double average(long sumMillis, long count) {
        return BigDecimal.valueOf(sumMillis)
                .divide(MILLIS_PER_HOUR.multiply(BigDecimal.valueOf(count)), DECIMALS, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /**
     * PostgreSQL's {@code percentile_disc(p) WITHIN GROUP (ORDER BY value)} of the first {@code size} values of a
     * sorted array: row ceil(p × n) (1-based), computed in double exactly as PostgreSQL does.
     */
    public static long percentileDisc(long[] sorted, int size, double p) {
        if (size == 0) {
            throw new IllegalStateException("No values");
        }
        long row = (long) Math.ceil(p * size);
        return sorted[(int) Math.max(1, Math.min(row, size)) - 1];
    }
}
