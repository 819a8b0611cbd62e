package campus.helpdesk.analytics.openperiod;

import campus.helpdesk.analytics.CsvAnswer;
import campus.helpdesk.analytics.Freshness;
import campus.helpdesk.api.Category;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code unclosed}: live tickets with openedAt ≥ {@code from} (= {@code to} − hours) whose status is not CLOSED;
 * {@code byCategory} splits it over all three categories.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OpenPeriodAnswer(Instant from, Instant to, int hours, long unclosed, Map<String, Long> byCategory,
                               @JsonUnwrapped Freshness freshness) implements CsvAnswer {

    static OpenPeriodAnswer of(Instant from, Instant to, int hours, long[] perCategory, Freshness freshness) {
        Map<String, Long> byCategory = new LinkedHashMap<>();
        long total = 0;
        for (Category category : Category.values()) {
            byCategory.put(category.name(), perCategory[category.ordinal()]);
            total += perCategory[category.ordinal()];
        }
        return new OpenPeriodAnswer(from, to, hours, total, byCategory, freshness);
    }

    @Override
    public List<String> csvHeader() {
        List<String> header = new ArrayList<>(List.of("from", "to", "hours", "unclosed"));
        header.addAll(byCategory.keySet());
        header.addAll(Freshness.CSV_COLUMNS);
        return header;
    }

    @Override
    public List<List<Object>> csvRows() {
        List<Object> row = new ArrayList<>(Arrays.asList(from, to, hours, unclosed));
        row.addAll(byCategory.values());
        row.addAll(freshness.csvValues());
        return List.of(row);
    }
}
