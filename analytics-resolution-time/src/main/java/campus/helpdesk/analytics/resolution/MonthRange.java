package campus.helpdesk.analytics.resolution;

import campus.helpdesk.analytics.Parameters;
import campus.helpdesk.api.Category;
import campus.helpdesk.api.Priority;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The question: months {@code from}..{@code to} (YYYY-MM, inclusive), an optional category and an optional
 * priority. Without {@code to} the range ends at the current month; without {@code from} it spans 12 months up to
 * {@code to}.
 */
public record MonthRange(YearMonth from, YearMonth to, Category category, Priority priority) {

    public static final int DEFAULT_MONTHS = 12;
    public static final int MAX_MONTHS = 120;

    public static MonthRange parse(String from, String to, String category, YearMonth currentMonth) {
        return parse(from, to, category, null, currentMonth);
    }

    public static MonthRange parse(String from, String to, String category, String priority,
                                   YearMonth currentMonth) {
        YearMonth end = blank(to) ? currentMonth : Parameters.yearMonth("to", to);
        YearMonth start = blank(from) ? end.minusMonths(DEFAULT_MONTHS - 1) : Parameters.yearMonth("from", from);
        if (start.isAfter(end)) {
            throw Parameters.bad("from", "Parameter 'from' (" + start + ") must not be after 'to' (" + end + ")");
        }
        if (ChronoUnit.MONTHS.between(start, end) >= MAX_MONTHS) {
            throw Parameters.bad("from", "At most " + MAX_MONTHS + " months can be asked at once, from " + start
                    + " to " + end + " is more");
        }
        return new MonthRange(start, end,
                blank(category) ? null : Parameters.oneOf("category", category, Category.class),
                blank(priority) ? null : Parameters.oneOf("priority", priority, Priority.class));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
