package campus.helpdesk.analytics;

import campus.helpdesk.support.problem.BadInput;
import campus.helpdesk.support.problem.Digits;
import campus.helpdesk.support.problem.HelpdeskProblem;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Query parameters parsed by hand so that a bad value gets a 400 problem+json whose detail names the parameter
 * and what would be accepted, instead of a framework conversion message.
 */
public final class Parameters {

    private Parameters() {
    }

    /** A 400 problem naming the offending parameter as every service names bad input ({@link BadInput}). */
    public static HelpdeskProblem bad(String parameter, String detail) {
        return BadInput.problemWithDetail(parameter, detail);
    }

    /** A whole number within [min, max]. */
    public static int intInRange(String name, String value, int min, int max) {
        String trimmed = value.trim();
        try {
            if (Digits.plain(trimmed)) {
                int parsed = Integer.parseInt(trimmed);
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw bad(name, "Parameter '" + name + "' must be a whole number from " + min + " to " + max + ", got '"
                + shorten(value) + "'");
    }

    /**
     * A month as YYYY-MM, in the years 1 to 9999. java.time would take +999999999-12, and the arithmetic on it
     * (time zones, the months around it) would then fail far from here.
     */
    public static YearMonth yearMonth(String name, String value) {
        YearMonth month;
        try {
            month = YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw bad(name, "Parameter '" + name + "' must be a month as YYYY-MM, got '" + shorten(value) + "'");
        }
        if (month.getYear() < 1 || month.getYear() > 9999) {
            throw bad(name, "Parameter '" + name + "' must be a month from 0001-01 to 9999-12, got '"
                    + shorten(value) + "'");
        }
        return month;
    }

    /** One of the constants of {@code type}, case-insensitive. */
    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(name, "Parameter '" + name + "' must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + ", got '" + shorten(value) + "'");
        }
    }

    static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
