package campus.helpdesk.analytics.category;

import campus.helpdesk.analytics.CsvAnswer;
import campus.helpdesk.analytics.Freshness;
import campus.helpdesk.api.Category;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.TicketStatus;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;

/**
 * ACTIVE tickets per category (always all three) and their {@code total}; {@code open} per category and
 * {@code openTotal} are the OPEN tickets (the dashboard's "open now"); {@code byPriority} splits a category's two
 * counts over the three priorities. As CSV: one row per category and a TOTAL row, or with {@code csvByPriority} one
 * row per category and priority (and a TOTAL row per priority), so the older layout stays as it was for the scripts
 * that read it.
 */
@Serdeable
public record ActiveByCategory(List<CategoryCount> categories, long total, long openTotal,
                               @JsonUnwrapped Freshness freshness,
                               @JsonIgnore boolean csvByPriority) implements CsvAnswer {

    @Serdeable
    public record CategoryCount(Category category, long active, long open, List<PriorityCount> byPriority) {
    }

    @Serdeable
    public record PriorityCount(Priority priority, long active, long open) {
    }

    static ActiveByCategory of(CategoryCounts.Counts counts, Freshness freshness) {
        return of(counts, freshness, false);
    }

    static ActiveByCategory of(CategoryCounts.Counts counts, Freshness freshness, boolean csvByPriority) {
        List<CategoryCount> categories = new ArrayList<>();
        long total = 0;
        long openTotal = 0;
        for (Category category : Category.values()) {
            long active = counts.of(category, TicketStatus.ACTIVE);
            long open = counts.of(category, TicketStatus.OPEN);
            List<PriorityCount> byPriority = new ArrayList<>();
            for (Priority priority : Priority.values()) {
                byPriority.add(new PriorityCount(priority, counts.of(category, TicketStatus.ACTIVE, priority),
                        counts.of(category, TicketStatus.OPEN, priority)));
            }
            categories.add(new CategoryCount(category, active, open, List.copyOf(byPriority)));
            total += active;
            openTotal += open;
        }
        return new ActiveByCategory(List.copyOf(categories), total, openTotal, freshness, csvByPriority);
    }

    @Override
    public List<String> csvHeader() {
        return Freshness.csvHeader(csvByPriority ? List.of("category", "priority", "active", "open")
                : List.of("category", "active", "open"));
    }

    /** One row per category (and priority), then "TOTAL" rows with the totals. */
    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        if (!csvByPriority) {
            for (CategoryCount count : categories) {
                rows.add(row(count.category(), count.active(), count.open()));
            }
            rows.add(row("TOTAL", total, openTotal));
            return rows;
        }
        long[] active = new long[Priority.values().length];
        long[] open = new long[active.length];
        for (CategoryCount count : categories) {
            for (PriorityCount cell : count.byPriority()) {
                rows.add(row(count.category(), cell.priority(), cell.active(), cell.open()));
                active[cell.priority().ordinal()] += cell.active();
                open[cell.priority().ordinal()] += cell.open();
            }
        }
        for (Priority priority : Priority.values()) {
            rows.add(row("TOTAL", priority, active[priority.ordinal()], open[priority.ordinal()]));
        }
        return rows;
    }

    private List<Object> row(Object... values) {
        return freshness.csvRow(values);
    }
}
