package campus.helpdesk.analytics.category;

import campus.helpdesk.analytics.CsvAnswer;
import campus.helpdesk.analytics.Freshness;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Per assignee (by name) with an ACTIVE ticket or a closing in the 30 days before {@code judgedAt}: {@code active},
 * {@code closedLast30Days}, and over those closed tickets the median (percentile_disc) time to the first staff reply
 * (of those that had one) and to closing, in hours; null when there is none. {@code unassigned}: the live OPEN or
 * ACTIVE tickets nobody has.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WorkloadAnswer(Instant judgedAt, int unassigned, List<Assignee> assignees,
                             @JsonUnwrapped Freshness freshness) implements CsvAnswer {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Assignee(String assignee, int active, int closedLast30Days,
                           @Nullable Double medianFirstResponseHours, @Nullable Double medianResolutionHours) {
    }

    static WorkloadAnswer of(Instant judgedAt, CategoryCounts.WorkloadFigures figures, Freshness freshness) {
        List<Assignee> rows = figures.assignees().stream().map(r -> new Assignee(r.assignee(), r.active(),
                r.closedLast30Days(), r.medianFirstResponseHours(), r.medianResolutionHours())).toList();
        return new WorkloadAnswer(judgedAt, figures.unassigned(), rows, freshness);
    }

    @Override
    public List<String> csvHeader() {
        return Freshness.csvHeader(List.of("assignee", "active", "closedLast30Days",
                "medianFirstResponseHours", "medianResolutionHours", "unassigned", "judgedAt"));
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (Assignee row : assignees) {
            rows.add(freshness.csvRow(row.assignee(), row.active(),
                    row.closedLast30Days(), row.medianFirstResponseHours(), row.medianResolutionHours(), unassigned,
                    judgedAt));
        }
        return rows;
    }
}
