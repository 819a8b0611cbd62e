package campus.helpdesk.ticket.search;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.SlaStatus;
import campus.helpdesk.api.Text;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.support.problem.BadInput;
import campus.helpdesk.support.problem.Digits;
import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.core.annotation.Nullable;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The list's query parameters, parsed and checked: every bad value is a 400 naming its parameter.
 * {@code statuses} etc. are empty when not filtered. {@code assignee}: null when not filtered;
 * {@code reporter}: null when not filtered; {@code sla}: the statuses either target may be in;
 * {@code incident}: null when not filtered; {@code closedFrom}: null when not filtered, else the tickets closed before
 * it are left out (open and active ones stay).
 */
public record ListQuery(Set<TicketStatus> statuses, Set<Category> categories, Set<Priority> priorities,
                        @Nullable String q, @Nullable Instant openedFrom, @Nullable Instant openedTo,
                        @Nullable Instant closedFrom, @Nullable Boolean needsReview, @Nullable AssigneeFilter assignee, @Nullable ReporterFilter reporter,
                        Set<SlaStatus> sla, @Nullable IncidentFilter incident, String sortColumn, boolean descending,
                        int page, int size) {

    /** {@code assignee=}: a staff member's name, {@code me} (the caller) or {@code none} (unassigned). */
    public record AssigneeFilter(Kind kind, @Nullable String name) {
        public enum Kind { NAME, ME, NONE }
    }

    /**
     * {@code reporter=}: {@code me} (the tickets the caller reported or joined) or a person's name (the tickets they
     * reported: staff and analysts looking at one person's history).
     */
    public record ReporterFilter(@Nullable String name) {
        static final ReporterFilter ME = new ReporterFilter(null);

        public boolean me() {
            return name == null;
        }
    }

    /**
     * {@code incident=}: the tickets linked to incident {@code id}, or with a null id ({@code none}) the tickets
     * linked to none, which is how the queue folds every linked ticket under its incident, wherever that is.
     */
    public record IncidentFilter(@Nullable Long id) {
        static final IncidentFilter NONE = new IncidentFilter(null);
    }

    /** The longest name a person signs in with, and so the longest assignee or reporter there is. */
    static final int MAX_NAME_LENGTH = 80;

    /**
     * The nearest target not met yet: the first response while nobody has answered (and it is not closed), the
     * resolution while it is open. Null once both are done, so met and closed tickets sort last.
     */
    static final String NEAREST_DUE = "least(CASE WHEN first_response_at IS NULL AND closed_at IS NULL "
            + "THEN first_response_due_at END, CASE WHEN closed_at IS NULL THEN resolution_due_at END)";

    public static final int MAX_SIZE = 100;
    public static final int MAX_QUERY_LENGTH = 200;
    /**
     * The deepest a list may page: page × size at most 10,000 rows skipped. Deeper offsets make PostgreSQL read and
     * throw away every row before them; nobody pages that far by hand, and a script narrows the filters instead
     * (openedFrom/openedTo) or reverses the sort.
     */
    public static final int MAX_OFFSET = 10_000;
    /** Dates outside these years are typing mistakes (or attacks), and out of range for java.time arithmetic. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /**
     * Titles in the order people expect: case-insensitive, accents beside their letter (ICU's root collation, made
     * by the migration V8__title_order, which says what it falls back to without ICU).
     */
    static final String TITLE_ORDER = "title COLLATE title_order";

    /** API sort names → columns. The whitelist is the only way a name reaches the SQL text. */
    private static final Map<String, String> SORTS = Map.of(
            "openedAt", "opened_at", "updatedAt", "updated_at", "priority", "priority", "status", "status",
            "category", "category", "title", TITLE_ORDER, "id", "id", "due", NEAREST_DUE);

    public static ListQuery parse(@Nullable String status, @Nullable String category, @Nullable String priority,
                                  @Nullable String q, @Nullable String openedFrom, @Nullable String openedTo,
                                  @Nullable String closedFrom, @Nullable String needsReview, @Nullable String assignee,
                                  @Nullable String reporter, @Nullable String sla, @Nullable String incident,
                                  @Nullable String sort, @Nullable String page, @Nullable String size) {
        String[] sortParts = parseSort(sort);
        Instant from = instant("openedFrom", openedFrom, false);
        Instant to = instant("openedTo", openedTo, true);
        if (from != null && to != null && from.isAfter(to)) {
            throw Problems.badInput("openedFrom", "must not be after openedTo");
        }
        int pageNumber = integer("page", page, 0, 0, MAX_OFFSET);
        int pageSize = integer("size", size, 20, 1, MAX_SIZE);
        if ((long) pageNumber * pageSize > MAX_OFFSET) {
            throw Problems.badInput("page", "page × size must be at most " + MAX_OFFSET + " (the deepest a list pages; "
                    + "narrow it with openedFrom/openedTo or reverse the sort), got " + pageNumber + " × " + pageSize);
        }
        return new ListQuery(
                enums("status", status, TicketStatus.class),
                enums("category", category, Category.class),
                enums("priority", priority, Priority.class),
                query(q), from, to, instant("closedFrom", closedFrom, false), BadInput.trueOrFalse("needsReview", needsReview), assignee(assignee),
                reporter(reporter),
                enums("sla", sla, SlaStatus.class), incident(incident), SORTS.get(sortParts[0]),
                sortParts[1].equals("desc"),
                pageNumber, pageSize);
    }

    /** The same query with any assignee: the queue's views (Mine, Unassigned, All) are assignee filters of their own. */
    public ListQuery withoutAssignee() {
        return new ListQuery(statuses, categories, priorities, q, openedFrom, openedTo, closedFrom, needsReview, null,
                reporter, sla, incident, sortColumn, descending, page, size);
    }

    /** The ORDER BY: the sort, then the id in the same direction (a stable order for paging). */
    public String orderBy() {
        String direction = descending ? "DESC" : "ASC";
        String nulls = sortColumn.equals(NEAREST_DUE) ? " NULLS LAST" : "";
        return sortColumn + " " + direction + nulls + ", id " + direction;
    }

    private static @Nullable AssigneeFilter assignee(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = Text.name(value); // as names are stored: Handover and sign-in read them so
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "me" -> new AssigneeFilter(AssigneeFilter.Kind.ME, null);
            case "none" -> new AssigneeFilter(AssigneeFilter.Kind.NONE, null);
            default -> new AssigneeFilter(AssigneeFilter.Kind.NAME,
                    name("assignee", name, "a staff member's name", "me or none"));
        };
    }

    private static @Nullable ReporterFilter reporter(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = Text.name(value);
        return name.equalsIgnoreCase("me") ? ReporterFilter.ME
                : new ReporterFilter(name("reporter", name, "the name a person signed in with", "or me"));
    }

    /** A person's name as a filter: no longer than anyone's, and nothing a name cannot hold. */
    private static String name(String parameter, String name, String what, String orElse) {
        if (name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw Problems.badInput(parameter, "must be " + what + " (at most " + MAX_NAME_LENGTH
                    + " characters, no control characters), " + orElse);
        }
        return name;
    }

    private static @Nullable IncidentFilter incident(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.equalsIgnoreCase("none")) {
            return IncidentFilter.NONE;
        }
        try {
            if (Digits.plain(text) && Long.parseLong(text) > 0) {
                return new IncidentFilter(Long.parseLong(text));
            }
        } catch (NumberFormatException e) {
            // past a long: reported below
        }
        throw Problems.badInput("incident", "must be an incident's ticket number (a whole number from 1) or none "
                + "(the tickets linked to no incident)");
    }

    private static String[] parseSort(@Nullable String sort) {
        if (sort == null || sort.isBlank()) {
            return new String[]{"openedAt", "desc"};
        }
        String[] parts = sort.split(",", -1);
        String field = parts[0].strip();
        String direction = parts.length > 1 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
        if (parts.length > 2 || !SORTS.containsKey(field) || !(direction.equals("asc") || direction.equals("desc"))) {
            throw Problems.badInput("sort", "must be field,asc|desc with field one of "
                    + String.join(", ", SORTS.keySet().stream().sorted().toList()) + ", e.g. openedAt,desc");
        }
        return new String[]{field, direction};
    }

    private static <E extends Enum<E>> Set<E> enums(String name, @Nullable String value, Class<E> type) {
        Set<E> result = EnumSet.noneOf(type);
        if (value == null || value.isBlank()) {
            return result;
        }
        for (String part : value.split(",")) {
            try {
                result.add(Enum.valueOf(type, part.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw Problems.badInput(name, "unknown value '" + part.strip() + "'; allowed: "
                        + EnumSet.allOf(type));
            }
        }
        return result;
    }

    private static @Nullable String query(@Nullable String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw Problems.badInput("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        // Composed as stored text is (Text.composed): "cai\u0301da" finds what "caída" finds.
        return Text.composed(q.strip());
    }

    /** An instant (2026-03-01T10:00:00Z, or with an offset) or a date; a date as upper bound includes that day. */
    private static @Nullable Instant instant(String name, @Nullable String value, boolean upperBound) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        boolean wholeDay = value.length() == 10;
        try {
            instant = wholeDay ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) { // unparsable, or beyond what an instant can hold
            throw Problems.badInput(name, "must be an ISO-8601 instant like 2026-03-01T10:00:00Z or a date like "
                    + "2026-03-01");
        }
        // Held to the range before a date's day is added, so +10000-01-01T00:00:00Z is as out of range as 10000-01-01.
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw Problems.badInput(name, "must be between 0001-01-01 and 9999-12-31");
        }
        return wholeDay && upperBound ? instant.plus(1, ChronoUnit.DAYS) : toMicros(instant);
    }

    /**
     * Rounded up to PostgreSQL's microseconds, which keeps both comparisons ({@code >= from}, {@code < to}) exact for
     * stored times; the driver would otherwise round a bound's nanoseconds to the nearest microsecond.
     */
    private static Instant toMicros(Instant instant) {
        Instant down = instant.truncatedTo(ChronoUnit.MICROS);
        return down.equals(instant) ? instant : down.plus(1, ChronoUnit.MICROS);
    }

    private static int integer(String name, @Nullable String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            if (Digits.plain(value.strip())) {
                int parsed = Integer.parseInt(value.strip());
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Problems.badInput(name, "must be a whole number from " + min + " to " + max);
    }
}
