package campus.helpdesk.analytics.category;

import campus.helpdesk.analytics.CsvAnswer;
import campus.helpdesk.analytics.Freshness;
import campus.helpdesk.api.Category;
import campus.helpdesk.api.TicketStatus;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ACTIVE tickets per category (always all three) and their {@code total}; {@code open} per category and
 * {@code openTotal} are the OPEN tickets (the dashboard's "open now").
 */
@Serdeable
public record ActiveByCategory(List<CategoryCount> categories, long total, long openTotal,
                               @JsonUnwrapped Freshness freshness) implements CsvAnswer {

    @Serdeable
    public record CategoryCount(Category category, long active, long open) {
    }

    static ActiveByCategory of(CategoryCounts.Counts counts, Freshness freshness) {
        List<CategoryCount> categories = new ArrayList<>();
        long total = 0;
        long openTotal = 0;
        for (Category category : Category.values()) {
            long active = counts.of(category, TicketStatus.ACTIVE);
            long open = counts.of(category, TicketStatus.OPEN);
            categories.add(new CategoryCount(category, active, open));
            total += active;
            openTotal += open;
        }
        return new ActiveByCategory(List.copyOf(categories), total, openTotal, freshness);
    }

    @Override
    public List<String> csvHeader() {
        List<String> header = new ArrayList<>(List.of("category", "active", "open"));
        header.addAll(Freshness.CSV_COLUMNS);
        return header;
    }

    /** One row per category, then a row "TOTAL" with the totals. */
    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (CategoryCount count : categories) {
            rows.add(row(count.category(), count.active(), count.open()));
        }
        rows.add(row("TOTAL", total, openTotal));
        return rows;
    }

    private List<Object> row(Object category, long active, long open) {
        List<Object> row = new ArrayList<>(Arrays.asList(category, active, open));
        row.addAll(freshness.csvValues());
        return row;
    }
}
