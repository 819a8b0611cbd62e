package campus.helpdesk.analytics.resolution;

import campus.helpdesk.analytics.CsvAnswer;
import campus.helpdesk.analytics.Freshness;
import campus.helpdesk.api.Category;
import campus.helpdesk.api.Priority;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Per month of opening (in {@code zone}), the tickets that got a first staff reply: {@code responded} (count) and
 * the time from opening to that reply in hours, average, median and p90 (percentile_disc). Months without data are
 * listed with nulls. {@code last30Days}: the tickets whose first staff reply was given in the 30 days up to
 * {@code judgedAt} (asOf), whatever month they were opened in, with the same category and priority filter: how many
 * and their median time. The CSV lists the months only (one row per month, as before).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FirstResponseAnswer(String zone, String from, String to, @Nullable Category category,
                                  @Nullable Priority priority, List<Month> months, Instant judgedAt,
                                  Last30Days last30Days, @JsonUnwrapped Freshness freshness) implements CsvAnswer {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Month(String month, int responded, @Nullable Double averageHours, @Nullable Double medianHours,
                        @Nullable Double p90Hours) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Last30Days(int responded, @Nullable Double medianHours) {
    }

    static FirstResponseAnswer of(String zone, MonthRange range, List<ResolutionTimes.Summary> figures,
                                  Instant judgedAt, FirstResponseWindow.Figures last30Days, Freshness freshness) {
        List<Month> months = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            ResolutionTimes.Summary summary = figures.get(i);
            months.add(new Month(range.from().plusMonths(i).toString(), summary.count(), summary.averageHours(),
                    summary.medianHours(), summary.p90Hours()));
        }
        return new FirstResponseAnswer(zone, range.from().toString(), range.to().toString(), range.category(),
                range.priority(), List.copyOf(months), judgedAt,
                new Last30Days(last30Days.responded(), last30Days.medianHours()), freshness);
    }

    @Override
    public List<String> csvHeader() {
        return Freshness.csvHeader(List.of("month", "responded", "averageHours", "medianHours",
                "p90Hours", "zone", "category", "priority"));
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (Month month : months) {
            rows.add(freshness.csvRow(month.month(), month.responded(), month.averageHours(),
                    month.medianHours(), month.p90Hours(), zone, category, priority));
        }
        return rows;
    }
}
