package campus.helpdesk.analytics.openperiod;

import campus.helpdesk.analytics.Parameters;

/** The question's look-back: exactly one of hours (1–8760) or days (1–365), kept as hours. */
public record Period(int hours) {

    public static final int MAX_HOURS = 8760;
    public static final int MAX_DAYS = 365;

    public static Period parse(String hours, String days) {
        boolean hasHours = hours != null && !hours.isBlank();
        boolean hasDays = days != null && !days.isBlank();
        if (hasHours == hasDays) {
            // Names one input for a client to put the message next to: the extra "days", else the usual "hours".
            throw Parameters.bad(hasHours ? "days" : "hours", "Give exactly one of the parameters 'hours' (1 to "
                    + MAX_HOURS + ") or 'days' (1 to " + MAX_DAYS + ")");
        }
        return hasHours
                ? new Period(Parameters.intInRange("hours", hours, 1, MAX_HOURS))
                : new Period(24 * Parameters.intInRange("days", days, 1, MAX_DAYS));
    }
}
