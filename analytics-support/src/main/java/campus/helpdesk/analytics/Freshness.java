package campus.helpdesk.analytics;

import campus.helpdesk.feed.FeedConsumer;
import campus.helpdesk.feed.FeedStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * How fresh an answer is, part of every analytics answer: {@code asOf} the read model held every change committed
 * until then, {@code lagMs} = now − asOf, {@code stale} when ticket-service cannot be reached or the lag passed
 * its threshold. A stale answer is still the best one available.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Freshness(@Nullable Instant asOf, long lagMs, boolean stale) {

    public static final List<String> CSV_COLUMNS = List.of("asOf", "lagMs", "stale");

    public static Freshness of(FeedStatus status) {
        return new Freshness(status.asOf(), status.lagMs(), status.stale());
    }

    public static Freshness of(FeedConsumer consumer) {
        return of(consumer.status());
    }

    /**
     * The instant an answer that depends on the clock (a target falls due, a window slides) is judged at: when the
     * model was last known complete ({@code asOf}; now before the first bootstrap), in whole milliseconds as the
     * feed carries times. Judging at asOf keeps such an answer consistent with the changes it holds.
     */
    public static Instant judgedAt(Freshness freshness) {
        Instant at = freshness.asOf() != null ? freshness.asOf() : Instant.now();
        return at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** The three values in {@link #CSV_COLUMNS} order, appended to each CSV row. */
    public List<Object> csvValues() {
        return java.util.Arrays.asList(asOf, lagMs, stale);
    }

    /** An answer's CSV header: its own columns, then {@link #CSV_COLUMNS}, as every answer ends. */
    public static List<String> csvHeader(List<String> columns) {
        List<String> header = new java.util.ArrayList<>(columns);
        header.addAll(CSV_COLUMNS);
        return header;
    }

    /** One CSV row: the answer's own values (nulls allowed), then {@link #csvValues()}. */
    public List<Object> csvRow(Object... values) {
        List<Object> row = new java.util.ArrayList<>(java.util.Arrays.asList(values));
        row.addAll(csvValues());
        return row;
    }
}
