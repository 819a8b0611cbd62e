package campus.helpdesk.analytics.openperiod;

import campus.helpdesk.analytics.CsvAnswer;
import campus.helpdesk.analytics.Freshness;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Per day in {@code zone}, oldest first and ending today: tickets {@code opened} that day, {@code closed} that day,
 * and the {@code backlog} at its end (opened by then and not closed by then). Deleted tickets never count.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VolumeAnswer(String zone, LocalDate from, LocalDate to, List<Day> days,
                           @JsonUnwrapped Freshness freshness) implements CsvAnswer {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Day(LocalDate date, long opened, long closed, long backlog) {
    }

    static VolumeAnswer of(String zone, List<DailyVolume.Day> days, Freshness freshness) {
        List<Day> rows = days.stream().map(d -> new Day(d.date(), d.opened(), d.closed(), d.backlog())).toList();
        return new VolumeAnswer(zone, rows.getFirst().date(), rows.getLast().date(), rows, freshness);
    }

    @Override
    public List<String> csvHeader() {
        return Freshness.csvHeader(List.of("date", "opened", "closed", "backlog", "zone"));
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (Day day : days) {
            rows.add(freshness.csvRow(day.date(), day.opened(), day.closed(),
                    day.backlog(), zone));
        }
        return rows;
    }
}
