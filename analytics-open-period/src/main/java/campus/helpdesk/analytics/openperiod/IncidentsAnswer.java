package campus.helpdesk.analytics.openperiod;

import campus.helpdesk.analytics.CsvAnswer;
import campus.helpdesk.analytics.FactsReadModel.IncidentSize;
import campus.helpdesk.analytics.Freshness;
import campus.helpdesk.api.Category;
import campus.helpdesk.api.TicketStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The incidents (tickets with linked tickets) opened at or after {@code from} (= {@code to} − hours), whatever their
 * status, largest first: {@code linked} counts the live tickets linked to each. Followers are not counted: the feed
 * does not carry them (ticket-service's {@code followerCount} on the incident does). {@code linkedTotal} is the
 * number of reports the incidents stand for besides themselves. As CSV: one row per incident, the period and the
 * freshness on every row.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IncidentsAnswer(Instant from, Instant to, int hours, List<Incident> incidents, long linkedTotal,
                              @JsonUnwrapped Freshness freshness) implements CsvAnswer {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Incident(long id, Category category, TicketStatus status, Instant openedAt,
                           @Nullable Instant closedAt, int linked) {
    }

    private static final Comparator<Incident> LARGEST_FIRST = Comparator.comparingInt(Incident::linked).reversed()
            .thenComparing(Incident::openedAt).thenComparingLong(Incident::id);

    static IncidentsAnswer of(Instant from, Instant to, int hours, List<IncidentSize> sizes, Freshness freshness) {
        List<Incident> incidents = sizes.stream()
                .filter(size -> !size.incident().openedAt().isBefore(from))
                .map(size -> new Incident(size.incident().id(), size.incident().category(), size.incident().status(),
                        size.incident().openedAt(), size.incident().closedAt(), size.linked()))
                .sorted(LARGEST_FIRST)
                .toList();
        long linked = incidents.stream().mapToLong(Incident::linked).sum();
        return new IncidentsAnswer(from, to, hours, incidents, linked, freshness);
    }

    @Override
    public List<String> csvHeader() {
        return Freshness.csvHeader(List.of("id", "category", "status", "openedAt", "closedAt", "linked", "from", "to",
                "hours"));
    }

    @Override
    public List<List<Object>> csvRows() {
        return incidents.stream().map(incident -> freshness.csvRow(incident.id(), incident.category(),
                incident.status(), incident.openedAt(), incident.closedAt(), incident.linked(), from, to, hours))
                .toList();
    }
}
