package campus.helpdesk.analytics.resolution;

import campus.helpdesk.analytics.CsvAnswer;
import campus.helpdesk.analytics.Freshness;
import campus.helpdesk.api.Category;
import campus.helpdesk.api.Priority;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Per month of opening (in {@code zone}), the live tickets and how their two response targets stand at
 * {@code judgedAt}: met or breached (done late, or not done and past due); targets still pending count in neither.
 * {@code attainment} = met ÷ (met + breached) over both targets, rounded to 6 decimals, null when nothing is judged
 * yet. {@code breachedNow}: the tickets not closed with at least one target breached (any month of opening), of the
 * category and priority asked for (null: all).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SlaAnswer(String zone, String from, String to, @Nullable Category category, @Nullable Priority priority,
                        Instant judgedAt,
                        int breachedNow, List<Month> months, @JsonUnwrapped Freshness freshness) implements CsvAnswer {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Month(String month, int tickets, int firstResponseMet, int firstResponseBreached,
                        int resolutionMet, int resolutionBreached, @Nullable Double attainment) {

        static Month of(String month, TargetCounts.Figures figures) {
            int met = figures.firstResponseMet() + figures.resolutionMet();
            int judged = met + figures.firstResponseBreached() + figures.resolutionBreached();
            Double attainment = judged == 0 ? null : BigDecimal.valueOf(met)
                    .divide(BigDecimal.valueOf(judged), ResolutionTimes.DECIMALS, RoundingMode.HALF_UP).doubleValue();
            return new Month(month, figures.tickets(), figures.firstResponseMet(), figures.firstResponseBreached(),
                    figures.resolutionMet(), figures.resolutionBreached(), attainment);
        }
    }

    static SlaAnswer of(String zone, MonthRange range, Instant judgedAt, ResolutionTimes.Targets targets,
                        Freshness freshness) {
        List<Month> months = new ArrayList<>();
        for (int i = 0; i < targets.months().size(); i++) {
            months.add(Month.of(range.from().plusMonths(i).toString(), targets.months().get(i)));
        }
        return new SlaAnswer(zone, range.from().toString(), range.to().toString(), range.category(), range.priority(),
                judgedAt,
                targets.breachedNow(), List.copyOf(months), freshness);
    }

    @Override
    public List<String> csvHeader() {
        return Freshness.csvHeader(List.of("month", "tickets", "firstResponseMet", "firstResponseBreached",
                "resolutionMet", "resolutionBreached", "attainment", "zone", "category", "priority", "breachedNow",
                "judgedAt"));
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (Month month : months) {
            rows.add(freshness.csvRow(month.month(), month.tickets(), month.firstResponseMet(),
                    month.firstResponseBreached(), month.resolutionMet(), month.resolutionBreached(),
                    month.attainment(), zone, category, priority, breachedNow, judgedAt));
        }
        return rows;
    }
}
