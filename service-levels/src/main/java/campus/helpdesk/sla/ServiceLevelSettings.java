package campus.helpdesk.sla;

import campus.helpdesk.api.Priority;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the response targets from the environment, the one documented place (deploy/README.md):
 * <ul>
 *   <li>{@code HELPDESK_SLA_TARGETS}: {@code HIGH=1h/8h,MEDIUM=8h/72h,LOW=24h/168h} (first response / resolution;
 *   hours {@code h}, minutes {@code m} or days {@code d}); a priority left out keeps its default;</li>
 *   <li>{@code HELPDESK_BUSINESS_HOURS}: {@code MON-FRI 08:00-18:00} (or days listed, {@code MON,TUE,THU ...});
 *   unset means calendar hours;</li>
 *   <li>{@code HELPDESK_HOLIDAYS}: {@code 2026-12-24,2026-12-25}, days on which no business hours count;</li>
 *   <li>{@code HELPDESK_ZONE}: the zone of the business hours (default UTC).</li>
 * </ul>
 * A malformed value stops the service at start with a message naming the setting: a desk must not silently run on
 * targets other than the configured ones.
 */
public final class ServiceLevelSettings {

    public static final String TARGETS = "HELPDESK_SLA_TARGETS";
    public static final String BUSINESS_HOURS = "HELPDESK_BUSINESS_HOURS";
    public static final String HOLIDAYS = "HELPDESK_HOLIDAYS";
    public static final String ZONE = "HELPDESK_ZONE";

    private ServiceLevelSettings() {
    }

    /** {@code setting}: the value of a named setting, or null when unset (e.g. {@code System::getenv}). */
    public static ServiceLevels read(Function<String, String> setting) {
        return new ServiceLevels(targets(setting.apply(TARGETS)), workingTime(setting));
    }

    static Map<Priority, Target> targets(String text) {
        Map<Priority, Target> targets = new EnumMap<>(ServiceLevels.defaultTargets());
        if (isBlank(text)) {
            return targets;
        }
        for (String entry : text.split(",")) {
            String[] parts = entry.trim().split("=", 2);
            String[] durations = parts.length == 2 ? parts[1].trim().split("/", 2) : new String[0];
            if (durations.length != 2) {
                throw invalid(TARGETS, entry, "PRIORITY=FIRST/RESOLUTION, e.g. HIGH=1h/8h");
            }
            try {
                Priority priority = Priority.valueOf(parts[0].trim().toUpperCase(Locale.ROOT));
                targets.put(priority, new Target(duration(durations[0]), duration(durations[1])));
            } catch (IllegalArgumentException e) {
                throw invalid(TARGETS, entry, "PRIORITY=FIRST/RESOLUTION, e.g. HIGH=1h/8h");
            }
        }
        return targets;
    }

    static WorkingTime workingTime(Function<String, String> setting) {
        String hours = setting.apply(BUSINESS_HOURS);
        if (isBlank(hours)) {
            return WorkingTime.CALENDAR;
        }
        String[] parts = hours.trim().split("\\s+");
        String[] times = parts.length == 2 ? parts[1].split("-", 2) : new String[0];
        if (times.length != 2) {
            throw invalid(BUSINESS_HOURS, hours, "DAYS HH:MM-HH:MM, e.g. MON-FRI 08:00-18:00");
        }
        try {
            return new BusinessHours(zone(setting.apply(ZONE)), days(parts[0]), LocalTime.parse(times[0]),
                    LocalTime.parse(times[1]), holidays(setting.apply(HOLIDAYS)));
        } catch (DateTimeException | IllegalArgumentException e) {
            throw invalid(BUSINESS_HOURS, hours, "DAYS HH:MM-HH:MM, e.g. MON-FRI 08:00-18:00 (" + e.getMessage() + ")");
        }
    }

    private static Set<DayOfWeek> days(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : text.split(",")) {
            String[] range = item.split("-", 2);
            DayOfWeek first = day(range[0]);
            DayOfWeek last = range.length == 2 ? day(range[1]) : first;
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String text) {
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (wanted.length() >= 3 && day.name().startsWith(wanted)) {
                return day;
            }
        }
        throw new IllegalArgumentException("not a day of the week: " + text);
    }

    private static Set<LocalDate> holidays(String text) {
        Set<LocalDate> days = new HashSet<>();
        if (isBlank(text)) {
            return days;
        }
        for (String day : text.split(",")) {
            try {
                days.add(LocalDate.parse(day.trim()));
            } catch (DateTimeException e) {
                throw invalid(HOLIDAYS, text, "dates YYYY-MM-DD separated by commas");
            }
        }
        return days;
    }

    private static ZoneId zone(String text) {
        try {
            return isBlank(text) ? ZoneId.of("UTC") : ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw invalid(ZONE, text, "a zone id such as Europe/Rome");
        }
    }

    private static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.length() < 2) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        long amount = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("not a duration: " + text);
        };
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static IllegalArgumentException invalid(String setting, String value, String expected) {
        return new IllegalArgumentException(setting + "='" + value + "' is not valid; expected " + expected);
    }
}
