package campus.helpdesk.analytics.resolution;

import campus.helpdesk.analytics.FactsReadModel;
import campus.helpdesk.api.Category;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The read model: per month of opening (in {@link #zone()}) and category, the resolution times of CLOSED tickets
 * (closed − opened) and the first-response times (first staff reply − opened) of tickets that have one. Times are
 * taken at millisecond precision, hours are rounded to
 * {@value #DECIMALS} decimals (half up, ~4 ms); median and p90 are percentile_disc.
 */
@Singleton
public class ResolutionTimes extends FactsReadModel {

    static final int DECIMALS = 6;
    private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000L);

    private final ZoneId zone;
    private final Map<Integer, MonthStats> months = new HashMap<>();

    public ResolutionTimes(@Value("${helpdesk.zone:UTC}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** One row of the answer, hours rounded to {@link #DECIMALS} decimals; times are null when nothing was measured. */
    public record MonthFigures(YearMonth month, int closed, Double averageHours, Double medianHours, Double p90Hours,
                               Double medianFirstResponseHours) {
    }

    /** Every month from {@code from} to {@code to}, months without data included; category null = all. */
    public List<MonthFigures> figures(YearMonth from, YearMonth to, Category category) {
        int slot = category == null ? MonthStats.ALL : category.ordinal();
        return read(() -> {
            List<MonthFigures> rows = new ArrayList<>();
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                MonthStats stats = months.get(key(month));
                rows.add(stats == null ? new MonthFigures(month, 0, null, null, null, null)
                        : figures(month, stats.resolution[slot], stats.firstResponse[slot]));
            }
            return rows;
        });
    }

    private static MonthFigures figures(YearMonth month, Durations resolution, Durations firstResponse) {
        Double medianFirstResponse = firstResponse.size() == 0 ? null : hours(firstResponse.percentileDisc(0.5));
        if (resolution.size() == 0) {
            return new MonthFigures(month, 0, null, null, null, medianFirstResponse);
        }
        double average = BigDecimal.valueOf(resolution.sum())
                .divide(MILLIS_PER_HOUR.multiply(BigDecimal.valueOf(resolution.size())), DECIMALS, RoundingMode.HALF_UP)
                .doubleValue();
        return new MonthFigures(month, resolution.size(), average, hours(resolution.percentileDisc(0.5)),
                hours(resolution.percentileDisc(0.9)), medianFirstResponse);
    }

    static double hours(long millis) {
        return BigDecimal.valueOf(millis).divide(MILLIS_PER_HOUR, DECIMALS, RoundingMode.HALF_UP).doubleValue();
    }

    @Override
    protected void added(TicketFacts ticket) {
        change(ticket, true);
    }

    @Override
    protected void removed(TicketFacts ticket) {
        change(ticket, false);
    }

    @Override
    protected void cleared() {
        months.clear();
    }

    @Override
    protected void bulkLoaded() {
        months.values().forEach(MonthStats::sort);
    }

    private void change(TicketFacts ticket, boolean add) {
        long opened = ticket.openedAt().toEpochMilli();
        boolean resolved = ticket.status() == TicketStatus.CLOSED && ticket.closedAt() != null;
        boolean answered = ticket.firstResponseAt() != null;
        if (!resolved && !answered) {
            return;
        }
        MonthStats stats = months.computeIfAbsent(key(YearMonth.from(ticket.openedAt().atZone(zone))),
                k -> new MonthStats());
        int slot = ticket.category().ordinal();
        if (resolved) {
            long millis = ticket.closedAt().toEpochMilli() - opened;
            update(stats.resolution[slot], millis, add);
            update(stats.resolution[MonthStats.ALL], millis, add);
        }
        if (answered) {
            long millis = ticket.firstResponseAt().toEpochMilli() - opened;
            update(stats.firstResponse[slot], millis, add);
            update(stats.firstResponse[MonthStats.ALL], millis, add);
        }
    }

    private void update(Durations durations, long millis, boolean add) {
        if (add) {
            durations.add(millis, loading());
        } else {
            durations.remove(millis);
        }
    }

    private static int key(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    /** The current month in the model's zone. */
    public YearMonth currentMonth() {
        return YearMonth.from(Instant.now().atZone(zone));
    }
}
