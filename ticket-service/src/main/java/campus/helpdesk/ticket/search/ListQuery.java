package campus.helpdesk.ticket.search;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The list's query parameters, parsed and checked: every bad value is a 400 naming its parameter.
 * {@code statuses} etc. are empty when not filtered.
 */
public record ListQuery(Set<TicketStatus> statuses, Set<Category> categories, Set<Priority> priorities,
                        @Nullable String q, @Nullable Instant openedFrom, @Nullable Instant openedTo,
                        @Nullable Boolean needsReview, String sortColumn, boolean descending, int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_QUERY_LENGTH = 200;

    /** API sort names → columns. The whitelist is the only way a name reaches the SQL text. */
    private static final Map<String, String> SORTS = Map.of(
            "openedAt", "opened_at", "updatedAt", "updated_at", "priority", "priority", "status", "status",
            "category", "category", "title", "title", "id", "id");

    public static ListQuery parse(@Nullable String status, @Nullable String category, @Nullable String priority,
                                  @Nullable String q, @Nullable String openedFrom, @Nullable String openedTo,
                                  @Nullable String needsReview, @Nullable String sort, @Nullable String page,
                                  @Nullable String size) {
        String[] sortParts = parseSort(sort);
        Instant from = instant("openedFrom", openedFrom, false);
        Instant to = instant("openedTo", openedTo, true);
        if (from != null && to != null && from.isAfter(to)) {
            throw Problems.badInput("openedFrom", "must not be after openedTo");
        }
        return new ListQuery(
                enums("status", status, TicketStatus.class),
                enums("category", category, Category.class),
                enums("priority", priority, Priority.class),
                query(q), from, to, bool("needsReview", needsReview),
                SORTS.get(sortParts[0]), sortParts[1].equals("desc"),
                integer("page", page, 0, 0, 1_000_000),
                integer("size", size, 20, 1, MAX_SIZE));
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
        return q.strip();
    }

    /** An instant (2026-03-01T10:00:00Z, or with an offset) or a date; a date as upper bound includes that day. */
    private static @Nullable Instant instant(String name, @Nullable String value, boolean upperBound) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (upperBound ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw Problems.badInput(name, "must be an ISO-8601 instant like 2026-03-01T10:00:00Z or a date like "
                    + "2026-03-01");
        }
    }

    private static @Nullable Boolean bool(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Problems.badInput(name, "must be true or false");
        };
    }

    private static int integer(String name, @Nullable String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Problems.badInput(name, "must be a whole number from " + min + " to " + max);
    }
}
