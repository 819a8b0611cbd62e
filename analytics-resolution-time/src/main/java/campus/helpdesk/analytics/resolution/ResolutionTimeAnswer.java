package campus.helpdesk.analytics.resolution;

import campus.helpdesk.analytics.CsvAnswer;
import campus.helpdesk.analytics.Freshness;
import campus.helpdesk.api.Category;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;

/**
 * Per month of opening (in {@code zone}), the CLOSED tickets' resolution time in hours: {@code closed} (count),
 * average, median and p90 (percentile_disc), plus the median first-response time of the tickets opened that
 * month that got a staff reply. Months without data are listed with nulls.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ResolutionTimeAnswer(String zone, String from, String to, @Nullable Category category,
                                   List<Month> months, @JsonUnwrapped Freshness freshness) implements CsvAnswer {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Month(String month, int closed, @Nullable Double averageHours, @Nullable Double medianHours,
                        @Nullable Double p90Hours, @Nullable Double medianFirstResponseHours) {

        static Month of(ResolutionTimes.MonthFigures figures) {
            return new Month(figures.month().toString(), figures.closed(), figures.averageHours(),
                    figures.medianHours(), figures.p90Hours(), figures.medianFirstResponseHours());
        }
    }

    static ResolutionTimeAnswer of(String zone, MonthRange range, List<ResolutionTimes.MonthFigures> figures,
                                   Freshness freshness) {
        return new ResolutionTimeAnswer(zone, range.from().toString(), range.to().toString(), range.category(),
                figures.stream().map(Month::of).toList(), freshness);
    }

    @Override
    public List<String> csvHeader() {
        return Freshness.csvHeader(List.of("month", "closed", "averageHours", "medianHours", "p90Hours",
                "medianFirstResponseHours", "zone", "category"));
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (Month month : months) {
            rows.add(freshness.csvRow(month.month(), month.closed(), month.averageHours(),
                    month.medianHours(), month.p90Hours(), month.medianFirstResponseHours(), zone, category));
        }
        return rows;
    }
}
